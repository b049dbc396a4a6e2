import type { ScaleBounds } from "./display-scale";
import { scaleHistogram, type HistogramBin } from "./distribution";
import { scoreDisplay, spreadDisplay, type ScoreText, type SpreadText } from "./format";
import { summarize } from "./summary";

export type ReviewerScore = { reviewerId: string; score: number };

/** One group's scores (a reviewer's, or the whole team's) for a calibration chart. Scores on [0, 1]. */
export type ScoreProfile = { count: number; mean: number | null; stddev: number | null; histogram: HistogramBin[] };
export type ReviewerProfile = ScoreProfile & { reviewerId: string };
export type Calibration = { reviewers: ReviewerProfile[]; team: ScoreProfile };

/** What an organizer reads in the reviewer list. */
export type ReviewerSummary = { reviewerId: string; reviewsDone: number; mean: ScoreText; spread: SpreadText };

/**
 * Each reviewer's score distribution next to the team's, all over one event's
 * reviews (one set of criteria, so one display scale). stddev is the sample
 * standard deviation, as in `summarize`. Histograms hold raw counts; divide by
 * `count` to compare shapes. Reviewers come in order of their first review.
 */
export function reviewerCalibration(reviews: readonly ReviewerScore[], criteria: readonly ScaleBounds[]): Calibration {
  const scoresByReviewer = new Map<string, number[]>();
  for (const { reviewerId, score } of reviews) {
    const scores = scoresByReviewer.get(reviewerId);
    if (scores) scores.push(score);
    else scoresByReviewer.set(reviewerId, [score]);
  }
  const reviewers = [...scoresByReviewer].map(([reviewerId, scores]) => ({
    reviewerId,
    ...scoreProfile(scores, criteria),
  }));
  const team = scoreProfile(
    reviews.map((r) => r.score),
    criteria,
  );
  return { reviewers, team };
}

export function reviewerSummary(profile: ReviewerProfile, criteria: readonly ScaleBounds[]): ReviewerSummary {
  return {
    reviewerId: profile.reviewerId,
    reviewsDone: profile.count,
    mean: scoreDisplay(profile.mean, criteria),
    spread: spreadDisplay(profile.stddev, criteria),
  };
}

function scoreProfile(scores: readonly number[], criteria: readonly ScaleBounds[]): ScoreProfile {
  const { count, mean, stddev } = summarize(scores);
  return { count, mean, stddev, histogram: scaleHistogram(scores, criteria) };
}
