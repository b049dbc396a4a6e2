export type ScoredReview = { reviewerId: string; proposalId: string; score: number };

/**
 * Below this a reviewer's standard deviation is rounding noise, not spread:
 * three scores of 0.1 have a computed std of about 1e-17, which would turn
 * identical scores into z = ±1.
 */
const STDDEV_EPSILON = 1e-9;

type Tally = { count: number; sum: number };

/**
 * Proposal id → mean z-score of its reviews, to correct for harsh and lenient reviewers.
 *
 * Each review becomes z = (score − reviewer's mean) / reviewer's population std,
 * both over all of that reviewer's reviews: "how much better than this reviewer's
 * usual". A reviewer with fewer than 2 reviews, or who gives everything the same
 * score, tells us nothing about their own bias, so their reviews count as z = 0
 * (average): still in the proposal's mean, but neither pushing it up nor down.
 *
 * 0 means "average for its reviewers"; the result ranks, it isn't on any scale.
 * Proposals without reviews are absent. Linear in the number of reviews.
 */
export function normalizedScores(reviews: readonly ScoredReview[]): Map<string, number> {
  const byReviewer = new Map<string, Tally & { squaredDeviations: number }>();
  for (const { reviewerId, score } of reviews) {
    const tally = byReviewer.get(reviewerId) ?? { count: 0, sum: 0, squaredDeviations: 0 };
    tally.count += 1;
    tally.sum += score;
    byReviewer.set(reviewerId, tally);
  }
  // Second pass for the deviations: more accurate than a running sum of squares.
  for (const { reviewerId, score } of reviews) {
    const tally = byReviewer.get(reviewerId)!;
    tally.squaredDeviations += (score - tally.sum / tally.count) ** 2;
  }

  const byProposal = new Map<string, Tally>();
  for (const { reviewerId, proposalId, score } of reviews) {
    const reviewer = byReviewer.get(reviewerId)!;
    const std = Math.sqrt(reviewer.squaredDeviations / reviewer.count);
    const informative = reviewer.count >= 2 && std > STDDEV_EPSILON;
    const z = informative ? (score - reviewer.sum / reviewer.count) / std : 0;
    const tally = byProposal.get(proposalId) ?? { count: 0, sum: 0 };
    tally.count += 1;
    tally.sum += z;
    byProposal.set(proposalId, tally);
  }

  const result = new Map<string, number>();
  for (const [proposalId, tally] of byProposal) result.set(proposalId, tally.sum / tally.count);
  return result;
}
