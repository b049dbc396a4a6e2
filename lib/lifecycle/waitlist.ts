import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { readClock, systemClock, type ClockOptions } from "@/lib/clock";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appUrl } from "@/lib/config";
import { vacancyEmail } from "@/lib/email/messages/vacancy";
import { enqueueEmail } from "@/lib/email/outbox";
import { notFound } from "@/lib/errors";
import { applyTransitionIfCurrent } from "@/lib/lifecycle/transition";
import { handleableBy } from "@/lib/auth/organizer-scope";

const ATTEMPTS = 5;

/** Waitlisted proposals that can be promoted: not those the organizers already mean to reject. */
export function promotableWhere(eventId: string, sessionTypeId?: string): Prisma.ProposalWhereInput {
  return {
    eventId,
    ...(sessionTypeId ? { sessionTypeId } : {}),
    status: "WAITLISTED",
    OR: [{ pendingDecision: null }, { pendingDecision: { not: "REJECTED" } }],
  };
}

/**
 * The best waitlisted proposals of a session type, best first: highest mean
 * score, then normalized score, then the earliest submission.
 */
export function waitlistOrder(tx: DbTx, eventId: string, sessionTypeId: string, take: number, notSpokenBy?: string | null) {
  return tx.proposal.findMany({
    // An organizer promoting by hand never picks a talk they speak on (lib/auth/organizer-scope.ts).
    where: { AND: [promotableWhere(eventId, sessionTypeId), notSpokenBy ? handleableBy(notSpokenBy, eventId) : {}] },
    orderBy: [
      { stats: { avgScore: { sort: "desc", nulls: "last" } } },
      { stats: { normalizedScore: { sort: "desc", nulls: "last" } } },
      { submittedAt: "asc" },
      { id: "asc" },
    ],
    take,
    select: { id: true, title: true },
  });
}

/**
 * Moves the best waitlisted proposal of a session type into the programme
 * and emails its speakers. Each candidate is taken with a conditional update,
 * so concurrent vacancies promote different proposals and none twice.
 */
export async function promoteBest(tx: DbTx, eventId: string, sessionTypeId: string, actorId: string | null, now = systemClock.now()) {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [best] = await waitlistOrder(tx, eventId, sessionTypeId, 1, actorId);
    if (!best) return null;
    const promoted = await applyTransitionIfCurrent(tx, {
      proposalId: best.id,
      eventId,
      from: "WAITLISTED",
      name: "promote",
      actorId,
      now,
    });
    if (promoted) return best;
    // someone promoted it first: take the next one
  }
  return null;
}

/**
 * A talk left the programme (declined or withdrawn). The organizers are told;
 * with automatic promotion on, the best waitlisted talk of the same session
 * type takes the slot in the same transaction.
 */
export async function handleVacancy(tx: DbTx, v: { proposalId: string; eventId: string; actorId: string | null; now?: Date }) {
  const p = await tx.proposal.findUniqueOrThrow({
    where: { id: v.proposalId },
    select: {
      title: true,
      status: true,
      sessionTypeId: true,
      sessionType: { select: { name: true } },
      event: {
        select: {
          name: true,
          slug: true,
          autoPromoteWaitlist: true,
          members: { where: { role: "ORGANIZER" }, select: { user: { select: { email: true } } } },
        },
      },
    },
  });
  // A talk in the programme was submitted, so it has a session type; a draft withdrawn never held a slot.
  if (!p.sessionTypeId || !p.sessionType) return;
  const promoted = p.event.autoPromoteWaitlist ? await promoteBest(tx, v.eventId, p.sessionTypeId, null, v.now) : null;
  const waiting = await tx.proposal.count({ where: promotableWhere(v.eventId, p.sessionTypeId) });
  const mail = vacancyEmail({
    eventName: p.event.name,
    title: p.title,
    sessionTypeName: p.sessionType.name,
    declined: p.status === "DECLINED",
    promotedTitle: promoted?.title ?? null,
    waiting,
    decisionsUrl: `${appUrl()}/organize/${p.event.slug}/decisions`,
  });
  for (const { user } of p.event.members) {
    await enqueueEmail(tx, { to: user.email, kind: "vacancy", ...mail, eventId: v.eventId, proposalId: v.proposalId });
  }
}

/** An organizer promotes the best waitlisted proposal of a session type. */
export async function promoteFromWaitlist(db: Db, actor: SignedIn, eventId: string, sessionTypeId: string, options: ClockOptions = {}) {
  await authorizeEvent(db, actor, eventId, "proposal:decide");
  const type = await db.sessionType.findFirst({ where: { id: sessionTypeId, eventId }, select: { id: true } });
  if (!type) throw notFound("This session type");
  return db.$transaction((tx) => promoteBest(tx, eventId, type.id, actor.userId, readClock(options)));
}
