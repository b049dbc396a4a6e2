import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { conflict, invalid } from "@/lib/errors";
import { newGuid } from "./guid";
import type { ConferenceInput } from "./schemas";

/** The conference as the programme settings page edits it. */
export async function loadConference(db: Db, actor: SignedIn, eventId: string) {
  await authorizeEvent(db, actor, eventId, "schedule:edit");
  return db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      conferenceStartsOn: true,
      conferenceEndsOn: true,
      venue: true,
      timeZone: true,
      rooms: {
        orderBy: { position: "asc" },
        select: { id: true, guid: true, name: true, capacity: true, _count: { select: { items: true } } },
      },
    },
  });
}

/**
 * Saves the conference days, the venue and the rooms (in the order given).
 * A room keeps its guid through renames; a room that holds schedule items
 * cannot be removed (move them first).
 */
export async function updateConference(db: Db, actor: SignedIn, eventId: string, input: ConferenceInput) {
  await db.$transaction(async (tx) => {
    await authorizeEvent(tx, actor, eventId, "schedule:edit");
    const existing = await tx.room.findMany({
      where: { eventId },
      orderBy: { position: "asc" },
      select: { id: true, name: true, _count: { select: { items: true } } },
    });
    const kept = new Set(input.rooms.flatMap((r) => (r.id ? [r.id] : [])));
    for (const r of input.rooms) {
      if (r.id && !existing.some((e) => e.id === r.id)) throw invalid("A room was removed meanwhile: reload the page.");
    }
    const removed = existing.filter((e) => !kept.has(e.id));
    const busy = removed.find((e) => e._count.items > 0);
    if (busy) throw conflict(`${busy.name} holds schedule items: move or remove them before removing the room.`);
    await tx.room.deleteMany({ where: { eventId, id: { in: removed.map((e) => e.id) } } });
    // Renames may swap names: park the kept rooms on temporary names first (names are unique per event).
    for (const r of input.rooms) if (r.id) await tx.room.update({ where: { id: r.id }, data: { name: `~renaming~${r.id}` } });
    for (const [position, r] of input.rooms.entries()) {
      const data = { name: r.name, capacity: r.capacity ?? null, position };
      if (r.id) await tx.room.update({ where: { id: r.id }, data });
      else await tx.room.create({ data: { ...data, eventId, guid: newGuid() } });
    }
    await tx.event.update({
      where: { id: eventId },
      data: { conferenceStartsOn: input.startsOn, conferenceEndsOn: input.endsOn, venue: input.venue },
    });
  });
}
