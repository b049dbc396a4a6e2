// The one rule for "may this organizer handle this proposal": a proposal of
// their event that is not a draft (drafts are the speaker's business) and
// that they do not speak on (nobody reviews, steers or decides their own
// talk). Every organizer query and action scopes by it: lists and counts
// leave the rest out, actions on a named proposal answer "not found", bulk
// actions skip it. ADR 0015.
import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorizeEvent, signedInAs, type EventActor, type SignedIn } from "./actor";
import type { Capability } from "./permissions";
import { notFound } from "@/lib/errors";

/** The rule as a where-clause on Proposal: one NOT EXISTS probe of ProposalSpeaker(proposalId, userId) per row. */
export function handleableBy(actorId: string, eventId: string): Prisma.ProposalWhereInput {
  return { eventId, status: { not: "DRAFT" }, speakers: { none: { userId: actorId } } };
}

/** The rule on a row already loaded (with its speakers' ids). */
export function mayHandle(
  actorId: string,
  eventId: string,
  p: { eventId: string; status: string; speakers: readonly { userId: string }[] },
): boolean {
  return p.eventId === eventId && p.status !== "DRAFT" && !p.speakers.some((s) => s.userId === actorId);
}

/**
 * An EventActor (lib/auth/actor.ts: an organizer or reviewer checked for one
 * capability) with the proposals they may handle. Only lib/auth builds one.
 */
export type OrganizerScope = EventActor & {
  /** The same as userId (the name earlier code reads). */
  readonly actorId: string;
  /** handleableBy(userId, eventId). */
  readonly proposals: Prisma.ProposalWhereInput;
};

/** The scope of an actor already authorized on the event. */
export function scopeOf(actor: EventActor): OrganizerScope {
  return { ...actor, actorId: actor.userId, proposals: handleableBy(actor.userId, actor.eventId) };
}

/** Checks the capability on the event (authorizeEvent), then returns the scope every query of the caller must use. */
export async function organizerScope(db: DbTx, actor: SignedIn, eventId: string, capability: Capability): Promise<OrganizerScope>;
/** @deprecated Pass a SignedIn (lib/auth/actor.ts); a bare id is for code written before ADR 0016. */
export async function organizerScope(
  db: DbTx,
  userId: string | null | undefined,
  eventId: string,
  capability: Capability,
): Promise<OrganizerScope>;
export async function organizerScope(
  db: DbTx,
  actor: SignedIn | string | null | undefined,
  eventId: string,
  capability: Capability,
): Promise<OrganizerScope> {
  const signedIn = typeof actor === "object" && actor !== null ? actor : signedInAs(actor);
  return scopeOf(await authorizeEvent(db, signedIn, eventId, capability));
}

/** One proposal the scope may handle, or "not found" (the same answer as for a proposal of another event). */
export async function requireHandleable<S extends Prisma.ProposalSelect>(db: DbTx, scope: OrganizerScope, proposalId: string, select: S) {
  const proposal = await db.proposal.findFirst({ where: { AND: [scope.proposals, { id: proposalId }] }, select });
  if (!proposal) throw notFound("This proposal");
  return proposal;
}

/** The event's proposals the actor speaks on (any status): for statistics that work on ids. */
export async function spokenOnIds(db: DbTx, scope: OrganizerScope): Promise<string[]> {
  const rows = await db.proposalSpeaker.findMany({
    where: { userId: scope.actorId, proposal: { eventId: scope.eventId } },
    select: { proposalId: true },
  });
  return rows.map((r) => r.proposalId);
}

/**
 * Proposal ids the outbox must not show messages about: the proposals the
 * actor speaks on, and drafts (whose only messages are co-speaker
 * invitations). Outbox rows hold a proposal id without a relation, so the
 * rule is applied as an id list; drafts without invitations have no mail.
 */
export async function hiddenFromOutbox(db: DbTx, scope: OrganizerScope): Promise<string[]> {
  const rows = await db.proposal.findMany({
    where: {
      eventId: scope.eventId,
      OR: [{ speakers: { some: { userId: scope.actorId } } }, { status: "DRAFT", invitations: { some: {} } }],
    },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** A speaker the actor shares a proposal of this event with (themselves included): their conflicts steer the actor's own review. */
export async function sharesProposalWith(db: DbTx, scope: OrganizerScope, speakerId: string): Promise<boolean> {
  const n = await db.proposal.count({
    where: {
      eventId: scope.eventId,
      AND: [{ speakers: { some: { userId: scope.actorId } } }, { speakers: { some: { userId: speakerId } } }],
    },
  });
  return n > 0;
}

/** Everyone the actor shares a proposal of this event with (themselves included): sharesProposalWith for a whole list. */
export async function coSpeakerIds(db: DbTx, scope: OrganizerScope): Promise<Set<string>> {
  const rows = await db.proposalSpeaker.findMany({
    where: { proposal: { eventId: scope.eventId, speakers: { some: { userId: scope.actorId } } } },
    select: { userId: true },
  });
  return new Set([scope.actorId, ...rows.map((r) => r.userId)]);
}
