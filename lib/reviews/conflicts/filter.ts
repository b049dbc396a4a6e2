import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The proposals of an event a reviewer has no conflict of interest with, as
 * a where-clause, so queues, counts and single-proposal checks all apply the
 * same rule in the database. A reviewer is conflicted with a proposal when:
 * - they speak on it, or any of its speakers has ever shared a proposal with
 *   them (co-speakers);
 * - they or an organizer declared a conflict with that proposal;
 * - an organizer declared or confirmed a conflict with one of its speakers;
 * - one of its speakers works where they work (same company key) and an
 *   organizer has not dismissed that match. Unreviewed matches count as
 *   conflicts: a wrong flag costs a review, a missed one costs trust.
 */
export async function noConflictPredicate(db: DbTx, eventId: string, reviewerId: string): Promise<Prisma.ProposalWhereInput> {
  const profile = await db.speakerProfile.findUnique({ where: { userId: reviewerId }, select: { companyKey: true } });
  const companyKey = profile?.companyKey ?? "";
  const sharedProposal = { proposal: { speakers: { some: { userId: reviewerId } } } };
  return {
    eventId,
    AND: [
      { speakers: { none: { user: { proposalRoles: { some: sharedProposal } } } } },
      { conflicts: { none: { reviewerId } } },
      { speakers: { none: { user: { conflictsAsSpeaker: { some: { eventId, reviewerId, status: "ACTIVE" } } } } } },
      ...(companyKey
        ? [
            {
              speakers: {
                none: {
                  userId: { not: reviewerId },
                  user: {
                    profile: { companyKey },
                    conflictsAsSpeaker: { none: { eventId, reviewerId, status: "DISMISSED" } },
                  },
                },
              },
            } satisfies Prisma.ProposalWhereInput,
          ]
        : []),
    ],
  };
}

/** For one proposal: the predicate evaluated on a single row. */
export async function hasConflict(db: DbTx, eventId: string, reviewerId: string, proposalId: string): Promise<boolean> {
  const clean = await db.proposal.count({ where: { id: proposalId, ...(await noConflictPredicate(db, eventId, reviewerId)) } });
  return clean === 0;
}

/**
 * The event's proposals the reviewer is conflicted with, by the rules of
 * noConflictPredicate, found from the reviewer's side: the few people they
 * may not review (co-speakers, ACTIVE speaker conflicts, colleagues not
 * dismissed), then those people's proposals through ProposalSpeaker(userId),
 * plus declared proposal conflicts. Each query reads the reviewer's rows,
 * not the event's, so the cost does not grow with the event.
 * tests/integration/review-conflicts.test.ts checks it against the row
 * predicate on random data. One query at a time: it may run in a transaction.
 */
export async function conflictedProposalIds(db: DbTx, eventId: string, reviewerId: string): Promise<string[]> {
  const profile = await db.speakerProfile.findUnique({ where: { userId: reviewerId }, select: { companyKey: true } });
  const ownRoles = await db.proposalSpeaker.findMany({ where: { userId: reviewerId }, select: { proposalId: true } });
  const sharers = ownRoles.length
    ? await db.proposalSpeaker.findMany({ where: { proposalId: { in: ownRoles.map((r) => r.proposalId) } }, select: { userId: true } })
    : [];
  const speakerConflicts = await db.speakerConflict.findMany({ where: { eventId, reviewerId }, select: { speakerId: true, status: true } });
  const colleagues = profile?.companyKey
    ? await db.speakerProfile.findMany({ where: { companyKey: profile.companyKey, userId: { not: reviewerId } }, select: { userId: true } })
    : [];
  const dismissed = new Set(speakerConflicts.filter((c) => c.status === "DISMISSED").map((c) => c.speakerId));
  const blocked = new Set([
    ...sharers.map((s) => s.userId),
    ...speakerConflicts.filter((c) => c.status === "ACTIVE").map((c) => c.speakerId),
    ...colleagues.map((c) => c.userId).filter((id) => !dismissed.has(id)),
  ]);
  const bySpeaker = blocked.size
    ? await db.proposalSpeaker.findMany({ where: { userId: { in: [...blocked] }, proposal: { eventId } }, select: { proposalId: true } })
    : [];
  const declared = await db.proposalConflict.findMany({ where: { reviewerId, proposal: { eventId } }, select: { proposalId: true } });
  return [...new Set([...bySpeaker, ...declared].map((r) => r.proposalId))];
}

/**
 * For lists and counts: the same rule as the conflicted proposal ids, so a
 * queue page's several counts and pages do not each run the correlated
 * subqueries over every proposal. The id condition sits under AND, so
 * callers may still add their own `id`.
 */
export async function noConflictWhere(db: DbTx, eventId: string, reviewerId: string): Promise<Prisma.ProposalWhereInput> {
  return { eventId, AND: [{ id: { notIn: await conflictedProposalIds(db, eventId, reviewerId) } }] };
}
