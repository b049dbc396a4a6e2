import { displayScaleFor, spreadInDisplayUnits, type ScaleBounds } from "@/lib/reviews/stats";

const MINUS = "\u2212";

function signed(value: number, decimals: number): string {
  const text = Math.abs(value).toFixed(decimals);
  if (Number(text) === 0) return (0).toFixed(decimals);
  return `${value < 0 ? MINUS : "+"}${text}`;
}

/** A normalized score (mean z-score): "+0.85", "−0.40", "0.00"; "—" without reviews. */
export function normalizedDisplay(z: number | null): string {
  return z === null ? "—" : signed(z, 2);
}

/**
 * How far a reviewer's mean sits from the team's, in the event's display
 * units: "+0.4 points", "−12 percentage points"; null when either is missing.
 */
export function meanDifferenceDisplay(mean: number | null, teamMean: number | null, criteria: readonly ScaleBounds[]): string | null {
  if (mean === null || teamMean === null) return null;
  const scale = displayScaleFor(criteria);
  const value = spreadInDisplayUnits(mean - teamMean, scale);
  return scale.kind === "points" ? `${signed(value, 1)} points` : `${signed(value, 0)} percentage points`;
}

/** "points from 1 to 5" or "percent": what the score columns are in. */
export function unitsSentence(criteria: readonly ScaleBounds[]): string {
  const scale = displayScaleFor(criteria);
  return scale.kind === "points"
    ? `Scores are in points from ${scale.min} to ${scale.max}.`
    : "Scores are in percent of the scale, as the criteria use different scales.";
}
