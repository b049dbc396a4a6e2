import type { SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { readClock, type ClockOptions } from "@/lib/clock";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { applyTransition } from "@/lib/lifecycle/transition";
import { checkTransition, HOLDS_A_SLOT, type ProposalStatus } from "@/lib/lifecycle/state-machine";
import { conflict, DomainError, forbidden, notFound } from "@/lib/errors";
import { reindexAnswers } from "@/lib/questions/search-text";

/** Statuses whose proposal is withdrawn when its only speaker is erased (the rest are only anonymized). */
const STILL_OPEN: readonly ProposalStatus[] = ["SUBMITTED", "WAITLISTED", "ACCEPTED", "CONFIRMED"];

/** What erasing the account would do, for the confirmation step. */
export async function erasureSummary(db: Db, actor: SignedIn) {
  const userId = actor.userId;
  const roles = await db.proposalSpeaker.findMany({
    where: { userId },
    select: {
      proposal: {
        select: { id: true, title: true, status: true, event: { select: { name: true } }, _count: { select: { speakers: true } } },
      },
    },
  });
  const proposals = roles.map((r) => ({
    id: r.proposal.id,
    title: r.proposal.title,
    event: r.proposal.event.name,
    status: r.proposal.status as ProposalStatus,
    outcome: outcomeOf(r.proposal.status as ProposalStatus, r.proposal._count.speakers > 1),
  }));
  return {
    proposals,
    acceptedTalks: proposals.filter((p) => HOLDS_A_SLOT.includes(p.status) && p.outcome === "withdrawn"),
    reviews: await db.review.count({ where: { reviewerId: userId } }),
  };
}

/** The documented rule (docs/decisions/0022): what becomes of one proposal of an erased speaker. */
export function outcomeOf(
  status: ProposalStatus,
  hasOtherSpeakers: boolean,
): "kept by co-speakers" | "deleted" | "withdrawn" | "anonymized" {
  if (hasOtherSpeakers) return "kept by co-speakers";
  if (status === "DRAFT") return "deleted";
  if (STILL_OPEN.includes(status)) return "withdrawn";
  return "anonymized";
}

/** The word a person types to confirm that their account goes. */
export const ERASE_CONFIRMATION = "DELETE";

/**
 * A person erases their own account after typing ERASE_CONFIRMATION. The
 * last organizer of an event must hand it on first: an event never loses
 * its last organizer.
 */
export async function eraseOwnAccount(db: Db, actor: SignedIn, confirmation: string, options: ClockOptions = {}) {
  const userId = actor.userId;
  if (confirmation.trim().toUpperCase() !== ERASE_CONFIRMATION) {
    throw new DomainError("invalid", `Type ${ERASE_CONFIRMATION} to confirm.`, { confirmation: `Type ${ERASE_CONFIRMATION} to confirm.` });
  }
  await db.$transaction(
    async (tx) => {
      const sole = await soleOrganizerOf(tx, userId);
      if (sole) throw conflict(`You are the only organizer of ${sole}: invite another organizer first, then delete your account.`);
      await eraseUser(tx, userId, userId, readClock(options));
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

async function soleOrganizerOf(tx: DbTx, userId: string): Promise<string | null> {
  const organizing = await tx.eventMember.findMany({
    where: { userId, role: "ORGANIZER" },
    select: { event: { select: { name: true, _count: { select: { members: { where: { role: "ORGANIZER" } } } } } } },
  });
  return organizing.find((m) => m.event._count.members === 1)?.event.name ?? null;
}

/** For the organizer's confirmation page: who, and what becomes of their proposals in this event (nothing about other events). */
export async function speakerErasurePreview(db: Db, actor: SignedIn, eventId: string, speakerId: string) {
  const scope = await organizerScope(db, actor, eventId, "proposal:decide");
  const proposals = await db.proposal.findMany({
    where: { AND: [scope.proposals, { speakers: { some: { userId: speakerId } } }] },
    select: { id: true, title: true, status: true, _count: { select: { speakers: true } } },
  });
  if (proposals.length === 0) throw notFound("This speaker");
  const speaker = await db.user.findUniqueOrThrow({ where: { id: speakerId }, select: { name: true, email: true } });
  return {
    speaker,
    onATeam: (await db.eventMember.count({ where: { userId: speakerId } })) > 0,
    proposals: proposals.map((p) => ({ id: p.id, title: p.title, outcome: outcomeOf(p.status as ProposalStatus, p._count.speakers > 1) })),
  };
}

/**
 * An organizer erases a speaker of their event on the speaker's request, by
 * the same rule. Only someone who speaks on a proposal the organizer may
 * handle, and who is on no event's team (team members erase themselves).
 */
export async function eraseSpeakerOnRequest(db: Db, actor: SignedIn, eventId: string, speakerId: string, options: ClockOptions = {}) {
  const scope = await organizerScope(db, actor, eventId, "proposal:decide");
  const speaks = await db.proposal.count({ where: { AND: [scope.proposals, { speakers: { some: { userId: speakerId } } }] } });
  if (speaks === 0) throw notFound("This speaker");
  if (await db.eventMember.count({ where: { userId: speakerId } })) {
    throw forbidden("This person is on an event's team; they can erase their account themselves from their profile.");
  }
  await db.$transaction((tx) => eraseUser(tx, speakerId, scope.actorId, readClock(options)), { timeout: 60_000, maxWait: 30_000 });
}

/**
 * Erases a person in the caller's transaction. Proposals follow outcomeOf;
 * withdrawals go through applyTransition (the waitlist moves up, webhooks
 * fire). The user row stays as a tombstone ("Former reviewer"), so reviews
 * and comments keep counting and rankings do not change; everything that
 * identifies the person is removed or overwritten.
 */
async function eraseUser(tx: DbTx, userId: string, actorId: string, now: Date) {
  const user = await tx.user.findUnique({ where: { id: userId, deletedAt: null }, select: { email: true } });
  if (!user) throw notFound("This account");
  const roles = await tx.proposalSpeaker.findMany({
    where: { userId },
    select: {
      id: true,
      role: true,
      proposal: { select: { id: true, eventId: true, status: true, talkId: true, speakers: { select: { id: true, userId: true } } } },
    },
  });
  const kept: { id: string; eventId: string }[] = [];
  for (const { id, role, proposal } of roles) {
    const others = proposal.speakers.filter((s) => s.userId !== userId);
    const outcome = outcomeOf(proposal.status as ProposalStatus, others.length > 0);
    if (outcome === "deleted") {
      await tx.proposal.delete({ where: { id: proposal.id } });
      continue;
    }
    if (outcome === "withdrawn" && checkTransition("withdraw", proposal.status as ProposalStatus, "SPEAKER").ok) {
      await applyTransition(tx, {
        proposalId: proposal.id,
        eventId: proposal.eventId,
        from: proposal.status as ProposalStatus,
        name: "withdraw",
        actorId,
        now,
      });
    }
    await tx.proposalSpeaker.delete({ where: { id } });
    if (outcome === "kept by co-speakers" && role === "OWNER") {
      await tx.proposalSpeaker.update({ where: { id: others[0].id }, data: { role: "OWNER" } });
      await tx.talk.updateMany({ where: { id: proposal.talkId, ownerId: userId }, data: { ownerId: others[0].userId } });
    }
    if (outcome !== "kept by co-speakers") {
      await tx.proposal.update({ where: { id: proposal.id }, data: { notes: "" } });
      // Answers marked personal data go with the person (ADR 0018); the talk's other answers stay with the talk.
      await tx.answer.deleteMany({ where: { proposalId: proposal.id, question: { personalData: true } } });
    }
    kept.push({ id: proposal.id, eventId: proposal.eventId });
  }
  // Their answers to speaker questions are about them: erased, and the search index forgets them.
  await tx.answer.deleteMany({ where: { speakerId: userId } });
  for (const p of kept) await reindexAnswers(tx, p.eventId, [p.id]);
  await tx.talk.deleteMany({ where: { ownerId: userId, proposals: { none: {} } } });
  await tx.talk.updateMany({ where: { ownerId: userId }, data: { notes: "" } });
  await tx.speakerProfile.deleteMany({ where: { userId } });
  await tx.account.deleteMany({ where: { userId } });
  await tx.session.deleteMany({ where: { userId } });
  await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
  await tx.eventMember.deleteMany({ where: { userId } });
  await tx.reviewAssignment.deleteMany({ where: { reviewerId: userId } });
  await tx.speakerConflict.deleteMany({ where: { OR: [{ reviewerId: userId }, { speakerId: userId }] } });
  await tx.proposalConflict.deleteMany({ where: { reviewerId: userId } });
  await tx.coSpeakerInvitation.deleteMany({ where: { OR: [{ email: user.email }, { invitedById: userId, status: "PENDING" }] } });
  await tx.outboxEmail.deleteMany({ where: { to: user.email } });
  // Activity lines name addresses (emails sent, co-speaker invitations): theirs is replaced.
  const named = await tx.proposalActivity.findMany({ where: { data: { contains: user.email } }, select: { id: true, data: true } });
  for (const line of named) {
    await tx.proposalActivity.update({ where: { id: line.id }, data: { data: line.data.replaceAll(user.email, "(erased)") } });
  }
  await tx.importRecord.deleteMany({ where: { kind: "speaker", targetId: userId } });
  const reviewed =
    (await tx.review.count({ where: { reviewerId: userId } })) + (await tx.reviewComment.count({ where: { authorId: userId } }));
  // The public code stays (ADR 0021): it names no one, and links and exports that used it keep resolving to the tombstone.
  await tx.user.update({
    where: { id: userId },
    data: {
      name: reviewed > 0 ? "Former reviewer" : "Former speaker",
      email: `erased-${userId}@erased.invalid`,
      emailVerified: null,
      image: null,
      deletedAt: now,
    },
  });
}
