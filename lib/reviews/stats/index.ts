export { reviewScore, normalizeToUnit, type ScoreCriterion, type CriterionValues } from "./criteria-score";
export { displayScaleFor, scoreInDisplayUnits, spreadInDisplayUnits, type DisplayScale, type ScaleBounds } from "./display-scale";
export { scoreDisplay, spreadDisplay, type ScoreText, type SpreadText } from "./format";
export { summarize, type ScoreSummary } from "./summary";
export { isDisagreement, DISAGREEMENT_STDDEV, DISAGREEMENT_RANGE } from "./disagreement";
export { normalizedScores, type ScoredReview } from "./normalize";
export { histogram, scaleHistogram, type HistogramBin } from "./distribution";
export {
  reviewerCalibration,
  reviewerSummary,
  type Calibration,
  type ReviewerProfile,
  type ReviewerScore,
  type ReviewerSummary,
  type ScoreProfile,
} from "./calibration";
