import type { DbTx } from "@/lib/db";
import { readClock, type ClockOptions } from "@/lib/clock";
import type { SignedIn } from "@/lib/auth/actor";

/** Open calls listed under each talk; the rest are a click away on the home page. */
export const OPEN_EVENTS_SHOWN = 20;

/**
 * The speaker's talk library (ADR 0020): the talks they own, newest change
 * first, each with where it was proposed and the status the speaker sees
 * (Proposal.status is what was published; the organizers' pending decision
 * is never read), and the open calls it could still go to.
 */
export async function listTalkLibrary(db: DbTx, actor: SignedIn, options: ClockOptions = {}) {
  const { userId } = actor;
  const now = readClock(options);
  const [talks, openEvents] = await Promise.all([
    db.talk.findMany({
      where: { ownerId: userId },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        title: true,
        abstract: true,
        level: true,
        updatedAt: true,
        proposals: {
          // The owner speaks on every proposal of their talk; the filter keeps it so should that ever change.
          where: { speakers: { some: { userId } } },
          orderBy: { createdAt: "asc" },
          select: { id: true, status: true, submittedAt: true, event: { select: { id: true, name: true, slug: true } } },
        },
      },
    }),
    db.event.findMany({
      where: { cfpOpensAt: { lte: now }, cfpClosesAt: { gt: now } },
      orderBy: [{ cfpClosesAt: "asc" }, { id: "asc" }],
      take: OPEN_EVENTS_SHOWN,
      select: { id: true, name: true, slug: true, cfpClosesAt: true, timeZone: true },
    }),
  ]);
  return talks.map((talk) => {
    const proposedTo = new Set(talk.proposals.map((p) => p.event.id));
    return { ...talk, openEvents: openEvents.filter((e) => !proposedTo.has(e.id)) };
  });
}

export type LibraryTalk = Awaited<ReturnType<typeof listTalkLibrary>>[number];

/**
 * A talk of the speaker's library to propose to an event: its latest text
 * for the new proposal form, and the proposal it already has there, if any.
 * Null when the talk is not the actor's, so ids reveal nothing.
 */
export async function talkToPropose(db: DbTx, actor: SignedIn, talkId: string, eventId: string) {
  const { userId } = actor;
  const talk = await db.talk.findFirst({
    where: { id: talkId, ownerId: userId },
    select: { id: true, title: true, abstract: true, notes: true, level: true },
  });
  if (!talk) return null;
  const existing = await db.proposal.findUnique({ where: { eventId_talkId: { eventId, talkId } }, select: { id: true } });
  return { talk, existingProposalId: existing?.id ?? null };
}

/** The speaker's talks not yet proposed to this event, for "start from a talk in your library". */
export async function talksNotProposedTo(db: DbTx, actor: SignedIn, eventId: string) {
  const { userId } = actor;
  return db.talk.findMany({
    where: { ownerId: userId, proposals: { none: { eventId } } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 100,
    select: { id: true, title: true },
  });
}
