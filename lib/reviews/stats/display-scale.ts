/** The part of a criterion that decides how scores are shown. */
export type ScaleBounds = { minScore: number; maxScore: number };

/**
 * The units people see scores in: the criteria's own scale when they all share
 * one (e.g. 1–5), otherwise a percentage, since mixed scales have no common unit.
 */
export type DisplayScale = { kind: "points"; min: number; max: number } | { kind: "percent" };

export function displayScaleFor(criteria: readonly ScaleBounds[]): DisplayScale {
  const [first] = criteria;
  const shared =
    first !== undefined &&
    first.maxScore > first.minScore &&
    criteria.every((c) => c.minScore === first.minScore && c.maxScore === first.maxScore);
  return shared ? { kind: "points", min: first.minScore, max: first.maxScore } : { kind: "percent" };
}

/** A [0, 1] score in display units: a point on the shared scale, or 0–100. */
export function scoreInDisplayUnits(score01: number, scale: DisplayScale): number {
  return scale.kind === "points" ? scale.min + score01 * (scale.max - scale.min) : score01 * 100;
}

/**
 * A [0, 1] spread (standard deviation, range) in display units. Unlike a score it
 * has no offset: only the scale's width matters.
 */
export function spreadInDisplayUnits(spread01: number, scale: DisplayScale): number {
  return scale.kind === "points" ? spread01 * (scale.max - scale.min) : spread01 * 100;
}
