export type ScoreSummary = {
  count: number;
  mean: number | null;
  median: number | null;
  stddev: number | null;
  min: number | null;
  max: number | null;
};

const EMPTY: ScoreSummary = { count: 0, mean: null, median: null, stddev: null, min: null, max: null };

/**
 * Count, mean, median, spread and range of a set of scores.
 * stddev is the SAMPLE standard deviation (divides by n − 1): a proposal's few
 * reviews are a sample of what all possible reviewers would think. With a single
 * score it is 0 (no observed disagreement) rather than undefined.
 * For an even count the median is the mean of the two middle values.
 */
export function summarize(scores: readonly number[]): ScoreSummary {
  const count = scores.length;
  if (count === 0) return EMPTY;
  const sorted = [...scores].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, s) => sum + s, 0) / count;
  const middle = Math.floor(count / 2);
  const median = count % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  // Two passes (mean first) rather than a sum of squares, which loses precision.
  const squaredDeviations = sorted.reduce((sum, s) => sum + (s - mean) ** 2, 0);
  const stddev = count === 1 ? 0 : Math.sqrt(squaredDeviations / (count - 1));
  return { count, mean, median, stddev, min: sorted[0], max: sorted[count - 1] };
}
