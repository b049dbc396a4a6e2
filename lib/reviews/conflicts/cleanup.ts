import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recomputeProposalStats, refreshEventStats } from "@/lib/reviews/proposal-stats";
import { conflictedProposalIds, hasConflict } from "./filter";

/**
 * After a new conflict: the reviewer's assignments and reviews on proposals
 * still under review that they are now conflicted with are removed, so a
 * conflicted opinion never counts. Decided proposals keep their history.
 * The statistics, normalized scores included, are rewritten in the same
 * transaction: no reader ever sees a removed review still counted.
 * An organizer's declaration passes their scope (lib/auth/organizer-scope.ts):
 * it never removes a review of a proposal they speak on.
 */
export async function dropConflictedWork(tx: DbTx, eventId: string, reviewerId: string, within: Prisma.ProposalWhereInput = {}) {
  const conflictedIds = await conflictedProposalIds(tx, eventId, reviewerId);
  if (conflictedIds.length === 0) return;
  const conflicted = await tx.proposal.findMany({
    where: {
      AND: [within],
      id: { in: conflictedIds },
      status: "SUBMITTED",
      OR: [{ reviews: { some: { reviewerId } } }, { assignments: { some: { reviewerId } } }],
    },
    select: { id: true },
  });
  const ids = conflicted.map((p) => p.id);
  if (ids.length === 0) return;
  await tx.reviewAssignment.deleteMany({ where: { reviewerId, proposalId: { in: ids } } });
  // Only proposals that lose a review have statistics to redo (assigned-only ones may have no stats row).
  const reviewed = await tx.review.findMany({ where: { reviewerId, proposalId: { in: ids } }, select: { proposalId: true } });
  if (reviewed.length === 0) return;
  await tx.review.deleteMany({ where: { reviewerId, proposalId: { in: ids } } });
  for (const { proposalId } of reviewed) await recomputeProposalStats(tx, proposalId);
  await refreshEventStats(tx, eventId);
}

/**
 * After someone joins a proposal as a speaker: each reviewer with a review
 * or assignment on it who is now in conflict with it (a past co-speaker or
 * a colleague of the newcomer) loses that work, as dropConflictedWork does.
 */
export async function dropConflictedWorkOn(tx: DbTx, proposalId: string) {
  const proposal = await tx.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    select: { eventId: true, reviews: { select: { reviewerId: true } }, assignments: { select: { reviewerId: true } } },
  });
  const reviewers = new Set([...proposal.reviews, ...proposal.assignments].map((r) => r.reviewerId));
  for (const reviewerId of reviewers) {
    if (await hasConflict(tx, proposal.eventId, reviewerId, proposalId)) await dropConflictedWork(tx, proposal.eventId, reviewerId);
  }
}
