/** One review criterion as the scoring code needs it; scales are inclusive integers. */
export type ScoreCriterion = {
  id: string;
  minScore: number;
  maxScore: number;
  weight: number;
};

/** Criterion id → the reviewer's value, or null for "no opinion". */
export type CriterionValues = Readonly<Record<string, number | null | undefined>>;

/** Where `value` sits on the criterion's scale: 0 at minScore, 1 at maxScore. */
export function normalizeToUnit(value: number, criterion: Pick<ScoreCriterion, "minScore" | "maxScore">): number {
  return (value - criterion.minScore) / (criterion.maxScore - criterion.minScore);
}

/**
 * A review's overall score in [0, 1]: the weighted mean of its answered criteria,
 * each normalized to [0, 1] first so that a 0–3 scale and a 1–10 scale count alike.
 * Weights are renormalized over the answered criteria, so "no opinion" neither
 * raises nor lowers the score. Returns null when nothing was answered.
 *
 * Validation is the zod schema's job; this function trusts its input except that:
 * - values for ids that are not among `criteria` are ignored,
 * - a missing value counts as "no opinion",
 * - a criterion with a zero-width scale (min = max) is skipped, since it can't
 *   distinguish anything and would otherwise divide by zero.
 * Out-of-range values are not clamped and would give a score outside [0, 1].
 */
export function reviewScore(criteria: readonly ScoreCriterion[], values: CriterionValues): number | null {
  let weightedSum = 0;
  let answeredWeight = 0;
  for (const criterion of criteria) {
    const value = values[criterion.id];
    if (value == null || criterion.maxScore === criterion.minScore) continue;
    weightedSum += criterion.weight * normalizeToUnit(value, criterion);
    answeredWeight += criterion.weight;
  }
  return answeredWeight > 0 ? weightedSum / answeredWeight : null;
}
