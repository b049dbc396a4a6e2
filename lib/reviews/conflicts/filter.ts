import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The conflict rule for one reviewer, evaluated from their side: the event's
 * proposals they may not see or review. A reviewer is conflicted with a
 * proposal when:
 * - they speak on it, or any of its speakers has ever shared a proposal with
 *   them (co-speakers, any event, any status);
 * - they or an organizer declared a conflict with that proposal;
 * - an organizer declared or confirmed a conflict with one of its speakers;
 * - one of its speakers (not themselves) has the company key this event
 *   knows for the reviewer (EventMember.companyKey, fixed once proposals
 *   arrive: ADR 0009) and an organizer has not dismissed that match.
 *
 * It reads the few people the reviewer may not review, then those people's
 * proposals through ProposalSpeaker(userId), plus declared proposal
 * conflicts: each query reads the reviewer's rows, not the event's, so the
 * cost does not grow with the event. `onlyProposalId` narrows the last two
 * reads to one proposal (the single-proposal check). The whole team's pairs
 * in bulk come from loadConflictSet (lib/assignment/conflict-set.ts); one
 * test (tests/integration/conflict-evaluators.test.ts) proves the two equal.
 * One query at a time: it may run in a transaction.
 */
export async function conflictedProposalIds(db: DbTx, eventId: string, reviewerId: string, onlyProposalId?: string): Promise<string[]> {
  const member = await db.eventMember.findUnique({
    where: { eventId_userId: { eventId, userId: reviewerId } },
    select: { companyKey: true },
  });
  const ownRoles = await db.proposalSpeaker.findMany({ where: { userId: reviewerId }, select: { proposalId: true } });
  const sharers = ownRoles.length
    ? await db.proposalSpeaker.findMany({ where: { proposalId: { in: ownRoles.map((r) => r.proposalId) } }, select: { userId: true } })
    : [];
  const speakerConflicts = await db.speakerConflict.findMany({ where: { eventId, reviewerId }, select: { speakerId: true, status: true } });
  const colleagues = member?.companyKey
    ? await db.speakerProfile.findMany({ where: { companyKey: member.companyKey, userId: { not: reviewerId } }, select: { userId: true } })
    : [];
  const dismissed = new Set(speakerConflicts.filter((c) => c.status === "DISMISSED").map((c) => c.speakerId));
  const blocked = new Set([
    ...sharers.map((s) => s.userId),
    ...speakerConflicts.filter((c) => c.status === "ACTIVE").map((c) => c.speakerId),
    ...colleagues.map((c) => c.userId).filter((id) => !dismissed.has(id)),
  ]);
  const proposal = { eventId, ...(onlyProposalId ? { id: onlyProposalId } : {}) };
  const bySpeaker = blocked.size
    ? await db.proposalSpeaker.findMany({ where: { userId: { in: [...blocked] }, proposal }, select: { proposalId: true } })
    : [];
  const declared = await db.proposalConflict.findMany({ where: { reviewerId, proposal }, select: { proposalId: true } });
  return [...new Set([...bySpeaker, ...declared].map((r) => r.proposalId))];
}

/** For one proposal: the same rule, narrowed to it. */
export async function hasConflict(db: DbTx, eventId: string, reviewerId: string, proposalId: string): Promise<boolean> {
  return (await conflictedProposalIds(db, eventId, reviewerId, proposalId)).length > 0;
}

/**
 * The same rule as a where-clause over the event's proposals. The id
 * condition sits under AND, so callers may still add their own `id`.
 */
export async function noConflictWhere(db: DbTx, eventId: string, reviewerId: string): Promise<Prisma.ProposalWhereInput> {
  return { eventId, AND: [{ id: { notIn: await conflictedProposalIds(db, eventId, reviewerId) } }] };
}
