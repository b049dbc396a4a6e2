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
 * For lists and counts: the same rule, evaluated once for the whole event
 * into the (few) conflicted proposal ids, so a queue page's several counts
 * and pages do not each run the correlated subqueries over every proposal.
 * The id condition sits under AND, so callers may still add their own `id`.
 */
export async function noConflictWhere(db: DbTx, eventId: string, reviewerId: string): Promise<Prisma.ProposalWhereInput> {
  const conflicted = await db.proposal.findMany({
    where: { eventId, NOT: await noConflictPredicate(db, eventId, reviewerId) },
    select: { id: true },
  });
  return { eventId, AND: [{ id: { notIn: conflicted.map((p) => p.id) } }] };
}
