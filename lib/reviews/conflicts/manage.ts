import type { Db } from "@/lib/db";
import { requireEventCapability } from "@/lib/events/access";
import { invalid, notFound } from "@/lib/errors";
import { dropConflictedWork } from "./cleanup";

export type ConflictTarget = { reviewerId: string; proposalId: string } | { reviewerId: string; speakerId: string };

/**
 * An organizer declares that a reviewer has a conflict with a proposal, or
 * with a speaker (then with everything that speaker is on). Every id is
 * checked against the event: a reviewer of another event, or a proposal or
 * speaker from elsewhere, is "not found".
 */
export async function declareConflict(db: Db, actorId: string | null | undefined, eventId: string, target: ConflictTarget) {
  await requireEventCapability(db, actorId, eventId, "review:manage");
  await requireReviewerOf(db, eventId, target.reviewerId);
  await db.$transaction(async (tx) => {
    if ("proposalId" in target) {
      const proposal = await tx.proposal.findFirst({ where: { id: target.proposalId, eventId }, select: { id: true } });
      if (!proposal) throw notFound("This proposal");
      await tx.proposalConflict.upsert({
        where: { proposalId_reviewerId: { proposalId: proposal.id, reviewerId: target.reviewerId } },
        create: { eventId, proposalId: proposal.id, reviewerId: target.reviewerId, source: "ORGANIZER", createdById: actorId! },
        // A no-op update, not {}: an atomic INSERT … ON CONFLICT on PostgreSQL.
        update: { reviewerId: target.reviewerId },
      });
    } else {
      await requireSpeakerOf(tx, eventId, target.speakerId);
      await tx.speakerConflict.upsert({
        where: { eventId_reviewerId_speakerId: { eventId, reviewerId: target.reviewerId, speakerId: target.speakerId } },
        create: { eventId, reviewerId: target.reviewerId, speakerId: target.speakerId, source: "ORGANIZER", createdById: actorId! },
        update: { status: "ACTIVE", source: "ORGANIZER", createdById: actorId! },
      });
    }
    await dropConflictedWork(tx, eventId, target.reviewerId);
  });
}

/** Removes a declared conflict (either kind) of this event. */
export async function removeConflict(
  db: Db,
  actorId: string | null | undefined,
  eventId: string,
  conflict: { kind: "proposal" | "speaker"; id: string },
) {
  await requireEventCapability(db, actorId, eventId, "review:manage");
  const { count } =
    conflict.kind === "proposal"
      ? await db.proposalConflict.deleteMany({ where: { id: conflict.id, eventId } })
      : await db.speakerConflict.deleteMany({ where: { id: conflict.id, eventId } });
  if (count === 0) throw notFound("This conflict");
}

/** Everything declared on an event, for the organizers' conflicts page. */
export async function listConflicts(db: Db, actorId: string | null | undefined, eventId: string) {
  await requireEventCapability(db, actorId, eventId, "review:manage");
  const person = { select: { id: true, name: true, email: true } };
  const [proposalConflicts, speakerConflicts] = await Promise.all([
    db.proposalConflict.findMany({
      where: { eventId },
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

async function requireSpeakerOf(tx: Pick<Db, "proposalSpeaker">, eventId: string, userId: string) {
  const onEvent = await tx.proposalSpeaker.count({ where: { userId, proposal: { eventId, status: { not: "DRAFT" } } } });
  if (onEvent === 0) throw invalid("That person is not a speaker on this event.");
}
