import type { SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { organizerScope, requireHandleable, sharesProposalWith, type OrganizerScope } from "@/lib/auth/organizer-scope";
import { invalid, notFound } from "@/lib/errors";
import { dropConflictedWork } from "./cleanup";

export type ConflictTarget = { reviewerId: string; proposalId: string } | { reviewerId: string; speakerId: string };

/**
 * An organizer declares that a reviewer has a conflict with a proposal, or
 * with a speaker (then with everything that speaker is on). Every id is
 * checked against the event: a reviewer of another event, or a proposal or
 * speaker from elsewhere, is "not found". So is a proposal the organizer
 * speaks on, or a speaker they share a proposal with: a conflict removes
 * reviews, and nobody steers the review of their own talk
 * (lib/auth/organizer-scope.ts).
 */
export async function declareConflict(db: Db, actor: SignedIn, eventId: string, target: ConflictTarget) {
  const scope = await organizerScope(db, actor, eventId, "review:manage");
  await requireReviewerOf(db, eventId, target.reviewerId);
  await db.$transaction(async (tx) => {
    if ("proposalId" in target) {
      const proposal = await requireHandleable(tx, scope, target.proposalId, { id: true });
      await tx.proposalConflict.upsert({
        where: { proposalId_reviewerId: { proposalId: proposal.id, reviewerId: target.reviewerId } },
        create: { eventId, proposalId: proposal.id, reviewerId: target.reviewerId, source: "ORGANIZER", createdById: actor.userId },
        // A no-op update, not {}: an atomic INSERT … ON CONFLICT on PostgreSQL.
        update: { reviewerId: target.reviewerId },
      });
    } else {
      await requireSpeakerOf(tx, scope, target.speakerId);
      await tx.speakerConflict.upsert({
        where: { eventId_reviewerId_speakerId: { eventId, reviewerId: target.reviewerId, speakerId: target.speakerId } },
        create: { eventId, reviewerId: target.reviewerId, speakerId: target.speakerId, source: "ORGANIZER", createdById: actor.userId },
        update: { status: "ACTIVE", source: "ORGANIZER", createdById: actor.userId },
      });
    }
    await dropConflictedWork(tx, eventId, target.reviewerId, scope.proposals);
  });
}

/** Removes a declared conflict (either kind) of this event, on a proposal or speaker the organizer may handle. */
export async function removeConflict(db: Db, actor: SignedIn, eventId: string, conflict: { kind: "proposal" | "speaker"; id: string }) {
  const scope = await organizerScope(db, actor, eventId, "review:manage");
  const { count } = await db.$transaction(async (tx) => {
    if (conflict.kind === "proposal")
      return tx.proposalConflict.deleteMany({ where: { id: conflict.id, eventId, proposal: scope.proposals } });
    const row = await tx.speakerConflict.findFirst({ where: { id: conflict.id, eventId }, select: { speakerId: true } });
    if (!row || (await sharesProposalWith(tx, scope, row.speakerId))) return { count: 0 };
    return tx.speakerConflict.deleteMany({ where: { id: conflict.id, eventId } });
  });
  if (count === 0) throw notFound("This conflict");
}

/** Everything declared on an event, for the organizers' conflicts page (none about proposals the organizer speaks on). */
export async function listConflicts(db: Db, actor: SignedIn, eventId: string) {
  const scope = await organizerScope(db, actor, eventId, "review:manage");
  const person = { select: { id: true, name: true, email: true } };
  const [proposalConflicts, speakerConflicts] = await Promise.all([
    db.proposalConflict.findMany({
      where: { eventId, proposal: scope.proposals },
      orderBy: { createdAt: "desc" },
      select: { id: true, source: true, createdAt: true, reviewer: person, proposal: { select: { id: true, title: true } } },
    }),
    db.speakerConflict.findMany({
      where: { eventId },
      orderBy: { createdAt: "desc" },
      select: { id: true, source: true, status: true, createdAt: true, reviewer: person, speaker: person },
    }),
  ]);
  return { proposalConflicts, speakerConflicts };
}

export async function requireReviewerOf(db: Pick<Db, "eventMember">, eventId: string, userId: string) {
  const member = await db.eventMember.findUnique({ where: { eventId_userId: { eventId, userId } }, select: { id: true } });
  if (!member) throw notFound("This reviewer");
  return member;
}

/** A speaker of a proposal the organizer may handle, and of none they speak on themselves. */
async function requireSpeakerOf(tx: DbTx, scope: OrganizerScope, userId: string) {
  const onEvent = await tx.proposalSpeaker.count({ where: { userId, proposal: scope.proposals } });
  if (onEvent === 0 || (await sharesProposalWith(tx, scope, userId))) throw invalid("That person is not a speaker on this event.");
}
