import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { readClock, type ClockOptions } from "@/lib/clock";
import { conflict, notFound } from "@/lib/errors";
import { renderSpeakerEmails } from "./notify";
import { previewOf, type EmailPreview } from "./preview-email";
import { applyTransitionIfCurrent } from "./transition";
import { promotableWhere, waitlistOrder } from "./waitlist";

type Speaker = { name: string | null; email: string };

export type PromotionPlan = {
  sessionType: { id: string; name: string };
  /** The talk "Promote the best" would move into the programme now; null when nobody is waiting. */
  candidate: { id: string; title: string; speakers: Speaker[] } | null;
  /** Promotable talks of the type, the candidate included. */
  waiting: number;
  email: EmailPreview | null;
  held: boolean;
};

export type PromotionOutcome = { id: string; title: string; speakers: Speaker[]; held: boolean };

export const PROMOTION_CHANGED =
  "The waitlist changed since this preview was made (someone promoted, decided or withdrew meanwhile). Nobody was promoted: check the new preview and confirm again.";

async function sessionTypeOf(db: DbTx, eventId: string, sessionTypeId: string) {
  const type = await db.sessionType.findFirst({ where: { id: sessionTypeId, eventId }, select: { id: true, name: true } });
  if (!type) throw notFound("This session type");
  return type;
}

async function speakersOf(db: DbTx, proposalId: string): Promise<Speaker[]> {
  const rows = await db.proposalSpeaker.findMany({ where: { proposalId }, select: { user: { select: { name: true, email: true } } } });
  return rows.map((r) => r.user);
}

/**
 * The dry run of "Promote the best": the talk the same ordering
 * (waitlistOrder, never one the organizer speaks on) picks now, its speakers,
 * and the "promoted" email rendered by the code that queues it. Writes nothing.
 */
export async function planPromotion(
  db: Db,
  actor: SignedIn,
  eventId: string,
  sessionTypeId: string,
  options: ClockOptions = {},
): Promise<PromotionPlan> {
  await authorizeEvent(db, actor, eventId, "proposal:decide");
  const sessionType = await sessionTypeOf(db, eventId, sessionTypeId);
  const [best] = await waitlistOrder(db, eventId, sessionType.id, 1, actor.userId);
  const waiting = await db.proposal.count({ where: promotableWhere(eventId, sessionType.id) });
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { holdOutbox: true } });
  if (!best) return { sessionType, candidate: null, waiting, email: null, held: event.holdOutbox };
  const { emails } = await renderSpeakerEmails(db, { proposalId: best.id, kind: "promoted", now: readClock(options) });
  const candidate = { ...best, speakers: await speakersOf(db, best.id) };
  return { sessionType, candidate, waiting, email: emails[0] ? previewOf(emails[0]) : null, held: emails[0]?.hold ?? event.holdOutbox };
}

/**
 * "Promote the best", confirmed for the previewed talk: in one transaction,
 * it must still be the best promotable talk of its type and still waitlisted,
 * or nothing happens and the organizer is told.
 */
export async function promoteAsPreviewed(
  db: Db,
  actor: SignedIn,
  eventId: string,
  sessionTypeId: string,
  proposalId: string,
  options: ClockOptions = {},
): Promise<PromotionOutcome> {
  await authorizeEvent(db, actor, eventId, "proposal:decide");
  const type = await sessionTypeOf(db, eventId, sessionTypeId);
  const now = readClock(options);
  return db.$transaction(async (tx) => {
    const [best] = await waitlistOrder(tx, eventId, type.id, 1, actor.userId);
    if (best?.id !== proposalId) throw conflict(PROMOTION_CHANGED);
    const promoted = await applyTransitionIfCurrent(tx, {
      proposalId,
      eventId,
      from: "WAITLISTED",
      name: "promote",
      actorId: actor.userId,
      now,
    });
    if (!promoted) throw conflict(PROMOTION_CHANGED);
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { holdOutbox: true } });
    return { id: best.id, title: best.title, speakers: await speakersOf(tx, best.id), held: event.holdOutbox };
  });
}
