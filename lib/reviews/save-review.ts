import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { conflict, forbidden } from "@/lib/errors";
import { hasConflict } from "./conflicts/filter";
import { REVIEWABLE_STATUSES, type ProposalStatus } from "@/lib/lifecycle/state-machine";
import { parseCriterionValues } from "./criteria/values";
import { lockProposalStats, recomputeProposalStats } from "./proposal-stats";
import { proposalForReviewer } from "./reviewer-access";
import type { ReviewInput } from "./schemas";
import { reviewScore } from "./stats";

const CLOSED = "Reviews are closed for this proposal: it has been decided.";
const CONFLICTED = "You have a conflict of interest with this proposal, so you cannot see or review it.";

/**
 * Creates or updates the actor's one review of a proposal: a score per
 * criterion (or "no opinion"), their weighted mean, and the proposal's
 * statistics, atomically. Normalized scores are refreshed afterwards
 * (refreshEventStats), as they span the whole event.
 */
export async function saveReview(db: Db, actor: SignedIn, proposalId: string, input: ReviewInput) {
  const { userId, proposal } = await proposalForReviewer(db, actor, proposalId);
  if (!REVIEWABLE_STATUSES.includes(proposal.status as ProposalStatus)) throw conflict(CLOSED);

  return db.$transaction(async (tx) => {
    // Re-check inside the transaction what may have changed since the read
    // above: a decision closes reviews, a new conflict forbids this one. The
    // no-op update also locks the row on PostgreSQL.
    const stillOpen = await tx.$executeRaw`UPDATE "Proposal" SET "status" = "status" WHERE "id" = ${proposalId} AND "status" = 'SUBMITTED'`;
    if (stillOpen === 0) throw conflict(CLOSED);
    if (await hasConflict(tx, proposal.eventId, userId, proposalId)) throw forbidden(CONFLICTED);
    // The criteria as they are now, so an organizer's concurrent change of
    // weights or criteria cannot leave a stale score or a dangling row.
    const criteria = await tx.reviewCriterion.findMany({ where: { eventId: proposal.eventId }, orderBy: { position: "asc" } });
    const values = parseCriterionValues(criteria, input.scores);
    const score = reviewScore(criteria, values)!;
    const scores = criteria.flatMap((c) => (values[c.id] === null ? [] : [{ criterionId: c.id, value: values[c.id]! }]));
    await lockProposalStats(tx, proposalId, proposal.eventId);
    const review = await tx.review.upsert({
      where: { proposalId_reviewerId: { proposalId, reviewerId: userId } },
      create: { proposalId, reviewerId: userId, score, comment: input.comment, scores: { create: scores } },
      update: { score, comment: input.comment, scores: { deleteMany: {}, create: scores } },
    });
    await recomputeProposalStats(tx, proposalId);
    return { ...review, eventId: proposal.eventId };
  });
}
