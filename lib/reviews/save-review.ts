import type { Db, DbTx } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { REVIEWABLE_STATUSES, type ProposalStatus } from "@/lib/proposals/state-machine";
import { proposalForReviewer } from "./reviewer-access";
import type { ReviewInput } from "./schemas";

/** Creates or updates the actor's one review of a proposal, and its totals, atomically. */
export async function saveReview(db: Db, actorId: string | null | undefined, proposalId: string, input: ReviewInput) {
  const { userId, proposal } = await proposalForReviewer(db, actorId, proposalId);
  if (!REVIEWABLE_STATUSES.includes(proposal.status as ProposalStatus)) {
    throw conflict("Reviews are closed for this proposal: it has been decided.");
  }

  return db.$transaction(async (tx) => {
    // Re-check the status inside the transaction: a decision made since we
    // read the proposal closes reviews. The no-op update also locks the row on PostgreSQL.
    const stillOpen = await tx.$executeRaw`UPDATE "Proposal" SET "status" = "status" WHERE "id" = ${proposalId} AND "status" = 'SUBMITTED'`;
    if (stillOpen === 0) throw conflict("Reviews are closed for this proposal: it has been decided.");
    // Touch the totals row first: on PostgreSQL this row lock serializes
    // concurrent reviews of one proposal, so the recount below is exact.
    await tx.proposalStats.upsert({
      where: { proposalId },
      create: { proposalId, eventId: proposal.eventId },
      update: { reviewCount: { increment: 0 } },
    });
    const review = await tx.review.upsert({
      where: { proposalId_reviewerId: { proposalId, reviewerId: userId } },
      create: { proposalId, reviewerId: userId, score: input.score, comment: input.comment },
      update: { score: input.score, comment: input.comment },
    });
    await recountStats(tx, proposalId);
    return review;
  });
}

export async function recountStats(tx: DbTx, proposalId: string) {
  const agg = await tx.review.aggregate({ where: { proposalId }, _count: { _all: true }, _sum: { score: true } });
  const count = agg._count._all;
  const sum = agg._sum.score ?? 0;
  await tx.proposalStats.update({
    where: { proposalId },
    data: { reviewCount: count, scoreSum: sum, avgScore: count ? sum / count : null },
  });
}
