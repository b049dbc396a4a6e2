import type { ScoreSummary } from "./summary";

/** A quarter of the scale, e.g. about ±1 point on a 1–5 scale: reviewers read the proposal differently. */
export const DISAGREEMENT_STDDEV = 0.25;
/** Half the scale between the harshest and kindest review, e.g. 2 vs 4 of 5, even if the others agree. */
export const DISAGREEMENT_RANGE = 0.5;

/** Rounding slack, so that a range of 0.5 computed as 0.49999999999999994 still counts. */
const THRESHOLD_EPSILON = 1e-9;

/** True when reviewers disagree enough that organizers should discuss the proposal. Scores are on [0, 1]. */
export function isDisagreement(summary: ScoreSummary): boolean {
  const { count, stddev, min, max } = summary;
  if (count < 2 || stddev === null || min === null || max === null) return false;
  return stddev >= DISAGREEMENT_STDDEV - THRESHOLD_EPSILON || max - min >= DISAGREEMENT_RANGE - THRESHOLD_EPSILON;
}
