import type { Db, DbTx } from "@/lib/db";
import type { SignedIn } from "@/lib/auth/actor";
import { organizerScope, type OrganizerScope } from "@/lib/auth/organizer-scope";
import { zonedLocalToUtc } from "@/lib/events/time-zone";
import { conflict, invalid, notFound } from "@/lib/errors";
import { newGuid } from "./guid";
import type { AddBlockInput, MoveItemInput, PlaceTalkInput } from "./schemas";

// The schedule editor's writes. Each checks the organizer scope (ADR 0015):
// a talk the organizer speaks on is neither placed, moved nor removed by them.
// Overlaps and the like are warnings (warnings.ts), never refusals.

/** Talks that may be placed: accepted (shown as unconfirmed) or confirmed. */
export const PLACEABLE = ["ACCEPTED", "CONFIRMED"] as const;

async function scheduleScope(tx: DbTx, actor: SignedIn, eventId: string) {
  const scope = await organizerScope(tx, actor, eventId, "schedule:edit");
  const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { timeZone: true } });
  return { scope, timeZone: event.timeZone };
}

async function requireRoom(tx: DbTx, eventId: string, roomId: string) {
  const room = await tx.room.findFirst({ where: { id: roomId, eventId }, select: { id: true } });
  if (!room) throw invalid("Choose a room.", { roomId: "Choose one of the event's rooms." });
}

function startInstant(start: string, timeZone: string): Date {
  const at = zonedLocalToUtc(start, timeZone);
  if (!at) throw invalid("Enter a day and a start time.", { start: "Enter a day and a start time." });
  return at;
}

export async function placeTalk(db: Db, actor: SignedIn, eventId: string, input: PlaceTalkInput) {
  return db.$transaction(async (tx) => {
    const { scope, timeZone } = await scheduleScope(tx, actor, eventId);
    const proposal = await tx.proposal.findFirst({
      where: { AND: [scope.proposals, { id: input.proposalId, status: { in: [...PLACEABLE] } }] },
      select: { id: true, guid: true, sessionType: { select: { durationMinutes: true } }, scheduleItem: { select: { id: true } } },
    });
    if (!proposal) throw notFound("This talk");
    if (proposal.scheduleItem) throw conflict("This talk is already in the schedule: move it instead.");
    await requireRoom(tx, eventId, input.roomId);
    const durationMinutes = input.durationMinutes ?? proposal.sessionType?.durationMinutes;
    if (!durationMinutes) throw invalid("Enter a duration.", { durationMinutes: "This talk has no session type: enter its length." });
    return tx.scheduleItem.create({
      select: { id: true, guid: true },
      data: {
        eventId,
        roomId: input.roomId,
        proposalId: proposal.id,
        startsAt: startInstant(input.start, timeZone),
        durationMinutes,
        // The proposal's own guid (ADR 0021): the same in every release, however often the talk is moved or re-placed.
        guid: proposal.guid,
      },
    });
  });
}

/** A break, lunch, keynote slot or any block that is not a proposal. */
export async function addBlock(db: Db, actor: SignedIn, eventId: string, input: AddBlockInput) {
  return db.$transaction(async (tx) => {
    const { timeZone } = await scheduleScope(tx, actor, eventId);
    await requireRoom(tx, eventId, input.roomId);
    return tx.scheduleItem.create({
      select: { id: true, guid: true },
      data: {
        eventId,
        roomId: input.roomId,
        title: input.title,
        startsAt: startInstant(input.start, timeZone),
        durationMinutes: input.durationMinutes,
        guid: newGuid(),
      },
    });
  });
}

/** An item of the event the scope may handle: a block, or a talk within the organizer scope. */
async function requireItem(tx: DbTx, scope: OrganizerScope, itemId: string) {
  const item = await tx.scheduleItem.findFirst({
    where: { id: itemId, eventId: scope.eventId, OR: [{ proposalId: null }, { proposal: scope.proposals }] },
    select: { id: true },
  });
  if (!item) throw notFound("This schedule item");
  return item;
}

/** Moves an item to another room, start or duration; its guid stays. */
export async function moveItem(db: Db, actor: SignedIn, eventId: string, input: MoveItemInput) {
  await db.$transaction(async (tx) => {
    const { scope, timeZone } = await scheduleScope(tx, actor, eventId);
    await requireItem(tx, scope, input.itemId);
    await requireRoom(tx, eventId, input.roomId);
    await tx.scheduleItem.update({
      where: { id: input.itemId },
      data: { roomId: input.roomId, startsAt: startInstant(input.start, timeZone), durationMinutes: input.durationMinutes },
    });
  });
}

export async function removeItem(db: Db, actor: SignedIn, eventId: string, itemId: string) {
  await db.$transaction(async (tx) => {
    const { scope } = await scheduleScope(tx, actor, eventId);
    await requireItem(tx, scope, itemId);
    await tx.scheduleItem.delete({ where: { id: itemId } });
  });
}
