import type { DbTx } from "@/lib/db";
import { requireUser } from "@/lib/events/access";

/**
 * The actor's own review of a proposal, if they wrote one. Scoped to the
 * actor by construction: it can never return someone else's review.
 */
export async function myReview(db: DbTx, actorId: string | null | undefined, proposalId: string) {
  const reviewerId = requireUser(actorId);
  return db.review.findUnique({
    where: { proposalId_reviewerId: { proposalId, reviewerId } },
    select: { score: true, comment: true, updatedAt: true },
  });
}
