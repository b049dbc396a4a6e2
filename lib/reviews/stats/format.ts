import { displayScaleFor, scoreInDisplayUnits, spreadInDisplayUnits, type ScaleBounds } from "./display-scale";

/** `label` is the whole thing as a sentence fragment, for screen readers and tooltips. */
export type ScoreText = { text: string; outOf: string; label: string };
export type SpreadText = { text: string; unit: string; label: string };

const NO_VALUE = "—";

/** "3.7" "of 5" on a shared scale (one decimal), "74" "%" otherwise, "—" when there is no score. */
export function scoreDisplay(score01: number | null, criteria: readonly ScaleBounds[]): ScoreText {
  if (score01 === null) return { text: NO_VALUE, outOf: "", label: "no score" };
  const scale = displayScaleFor(criteria);
  const value = scoreInDisplayUnits(score01, scale);
  if (scale.kind === "points") {
    const text = value.toFixed(1);
    return { text, outOf: `of ${scale.max}`, label: `${text} of ${scale.max}` };
  }
  const text = String(Math.round(value));
  return { text, outOf: "%", label: `${text}%` };
}

/** A standard deviation in the same units as `scoreDisplay`: points of the shared scale, or percentage points. */
export function spreadDisplay(spread01: number | null, criteria: readonly ScaleBounds[]): SpreadText {
  if (spread01 === null) return { text: NO_VALUE, unit: "", label: "no spread" };
  const scale = displayScaleFor(criteria);
  const value = spreadInDisplayUnits(spread01, scale);
  if (scale.kind === "points") {
    const text = value.toFixed(1);
    return { text, unit: "points", label: `spread of ${text} points` };
  }
  const text = String(Math.round(value));
  return { text, unit: "percentage points", label: `spread of ${text} percentage points` };
}
