import { displayScaleFor, type ScaleBounds } from "./display-scale";

export type HistogramBin = { label: string; count: number };

/** More values than this on a shared scale (say 0–100) would make an unreadable chart. */
const MAX_POINT_BINS = 11;
const PERCENT_BINS = 5;
/** Puts scores that belong on a bin edge in the upper bin: 0.4 may be computed as 0.39999999999999997. */
const EDGE_EPSILON = 1e-9;

/**
 * Counts of [0, 1] scores in `bins` equal bins: [0, 1/bins), …, [1 − 1/bins, 1].
 * The last bin is closed so that a perfect score is counted. Values outside
 * [0, 1] (floating-point drift such as 1.0000000000000002) go to the nearest
 * end bin, so the counts always add up to the number of scores.
 */
export function histogram(scores01: readonly number[], bins: number): number[] {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const counts = new Array<number>(bins).fill(0);
  for (const score of scores01) {
    const bin = Math.floor(score * bins + EDGE_EPSILON);
    counts[Math.min(bins - 1, Math.max(0, bin))] += 1;
  }
  return counts;
}

/**
 * A score distribution in the units people see: one bin per value of a shared
 * integer scale ("1" … "5"; a weighted mean such as 3.5 rounds to the nearest
 * value, halves up), otherwise five 20% bins ("0–20%" … "80–100%").
 */
export function scaleHistogram(scores01: readonly number[], criteria: readonly ScaleBounds[]): HistogramBin[] {
  const scale = displayScaleFor(criteria);
  if (scale.kind === "points" && hasFewIntegerPoints(scale.min, scale.max)) {
    const counts = histogramOfPoints(scores01, scale.min, scale.max);
    return counts.map((count, i) => ({ label: String(scale.min + i), count }));
  }
  const width = 100 / PERCENT_BINS;
  return histogram(scores01, PERCENT_BINS).map((count, i) => ({ label: `${i * width}–${(i + 1) * width}%`, count }));
}

function hasFewIntegerPoints(min: number, max: number): boolean {
  return Number.isInteger(min) && Number.isInteger(max) && max - min + 1 <= MAX_POINT_BINS;
}

function histogramOfPoints(scores01: readonly number[], min: number, max: number): number[] {
  const counts = new Array<number>(max - min + 1).fill(0);
  for (const score of scores01) {
    const point = Math.round(min + score * (max - min));
    counts[Math.min(max, Math.max(min, point)) - min] += 1;
  }
  return counts;
}
