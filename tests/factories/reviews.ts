import type { Db, DbTx } from "@/lib/db/client";
import type { Proposal, Review, User } from "@/lib/generated/prisma/client";
import { lockProposalStats, recomputeProposalStats } from "@/lib/reviews/proposal-stats";
import { reviewScore } from "@/lib/reviews/stats";

const COMMENTS = [
  "Clear outline and a well-scoped topic. Would fit the Systems track nicely.",
  "Interesting, but the abstract promises more than 30 minutes can hold.",
  "Great for beginners; the live demo is a risk, ask for a recorded fallback.",
  "We had a very similar talk last year.",
] as const;

export type ReviewTraits = {
  proposal: Pick<Proposal, "id" | "eventId">;
  reviewer: Pick<User, "id">;
  /** Default 3: the value given to the event's first criterion (1–5 "Overall" by default). */
  score?: number;
  /** Criterion id → value or null (no opinion); overrides `score`. */
  values?: Record<string, number | null>;
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
  const criteria = await db.reviewCriterion.findMany({ where: { eventId: proposal.eventId }, orderBy: { position: "asc" } });
  if (criteria.length === 0) throw new Error("createReview: the event has no review criteria");
  const first = traits.score ?? 3;
  const values = traits.values ?? { [criteria[0].id]: first };
  const review = await db.review.create({
    data: {
      proposalId: proposal.id,
      reviewerId: reviewer.id,
      score: reviewScore(criteria, values) ?? 0,
      comment: traits.comment ?? COMMENTS[Math.abs(first) % COMMENTS.length],
      scores: {
        create: Object.entries(values).flatMap(([criterionId, value]) => (value === null ? [] : [{ criterionId, value }])),
      },
    },
  });
  if (traits.updateStats !== false) {
    await lockProposalStats(db, proposal.id, proposal.eventId);
    await recomputeProposalStats(db, proposal.id);
  }
  return review;
}
