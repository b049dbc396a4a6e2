import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recomputeProposalStats } from "@/lib/reviews/proposal-stats";
import { noConflictPredicate } from "./filter";

/**
 * After a new conflict: the reviewer's assignments and reviews on proposals
 * still under review that they are now conflicted with are removed, so a
 * conflicted opinion never counts. Decided proposals keep their history.
 * An organizer's declaration passes their scope (lib/auth/organizer-scope.ts):
 * it never removes a review of a proposal they speak on.
 */
export async function dropConflictedWork(tx: DbTx, eventId: string, reviewerId: string, within: Prisma.ProposalWhereInput = {}) {
  const conflicted = await tx.proposal.findMany({
    where: {
      AND: [within],
      eventId,
      status: "SUBMITTED",
      OR: [{ reviews: { some: { reviewerId } } }, { assignments: { some: { reviewerId } } }],
      NOT: await noConflictPredicate(tx, eventId, reviewerId),
    },
    select: { id: true },
  });
  const ids = conflicted.map((p) => p.id);
  if (ids.length === 0) return;
  await tx.reviewAssignment.deleteMany({ where: { reviewerId, proposalId: { in: ids } } });
  // Only proposals that lose a review have statistics to redo (assigned-only ones may have no stats row).
  const reviewed = await tx.review.findMany({ where: { reviewerId, proposalId: { in: ids } }, select: { proposalId: true } });
  await tx.review.deleteMany({ where: { reviewerId, proposalId: { in: ids } } });
  for (const { proposalId } of reviewed) await recomputeProposalStats(tx, proposalId);
}
