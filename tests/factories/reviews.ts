import type { Db, DbTx } from "@/lib/db/client";
import type { Proposal, Review, User } from "@/lib/generated/prisma/client";

const COMMENTS = [
  "Clear outline and a well-scoped topic. Would fit the Systems track nicely.",
  "Interesting, but the abstract promises more than 30 minutes can hold.",
  "Great for beginners; the live demo is a risk, ask for a recorded fallback.",
  "We had a very similar talk last year.",
] as const;

export type ReviewTraits = {
  proposal: Pick<Proposal, "id" | "eventId">;
  reviewer: Pick<User, "id">;
  /** Default 3. */
  score?: number;
  comment?: string;
  /**
   * Default true: recompute the proposal's ProposalStats row from all its
   * reviews, as the domain code does in the same transaction as a review
   * write. Pass false to test code that must cope with missing stats.
   */
  updateStats?: boolean;
};

/** A review by `reviewer` (who should be a member of the event; not checked). */
export async function createReview(db: Db | DbTx, traits: ReviewTraits): Promise<Review> {
  const { proposal, reviewer } = traits;
  const score = traits.score ?? 3;
  const review = await db.review.create({
    data: {
      proposalId: proposal.id,
      reviewerId: reviewer.id,
      score,
      comment: traits.comment ?? COMMENTS[Math.abs(score) % COMMENTS.length],
    },
  });
  if (traits.updateStats !== false) {
    const agg = await db.review.aggregate({
      where: { proposalId: proposal.id },
      _count: { _all: true },
      _sum: { score: true },
    });
    const reviewCount = agg._count._all;
    const scoreSum = agg._sum.score ?? 0;
    const stats = { reviewCount, scoreSum, avgScore: reviewCount > 0 ? scoreSum / reviewCount : null };
    await db.proposalStats.upsert({
      where: { proposalId: proposal.id },
      create: { proposalId: proposal.id, eventId: proposal.eventId, ...stats },
      update: stats,
    });
  }
  return review;
}
