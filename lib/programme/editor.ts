import { type SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { diffSnapshots } from "./diff";
import { conferenceDays } from "./days";
import { PLACEABLE } from "./place";
import { loadPlannedItems } from "./planned";
import { latestRelease } from "./release";
import { buildSnapshot } from "./snapshot";
import { scheduleWarnings } from "./warnings";

/**
 * Everything the schedule editor shows: rooms, days, the placed items (those
 * the organizer may not handle are shown but not editable), the talks still
 * to place, the warnings, and what would change if published now.
 */
export async function loadScheduleEditor(db: DbTx, actor: SignedIn, eventId: string) {
  const scope = await organizerScope(db, actor, eventId, "schedule:edit");
  const [event, items, handleable, candidates, latest, working] = await Promise.all([
    db.event.findUniqueOrThrow({
      where: { id: eventId },
      select: {
        timeZone: true,
        conferenceStartsOn: true,
        conferenceEndsOn: true,
        venue: true,
        rooms: { orderBy: { position: "asc" }, select: { id: true, name: true, capacity: true } },
      },
    }),
    loadPlannedItems(db, eventId),
    db.scheduleItem.findMany({
      where: { eventId, OR: [{ proposalId: null }, { proposal: scope.proposals }] },
      select: { id: true },
    }),
    db.proposal.findMany({
      where: { AND: [scope.proposals, { status: { in: [...PLACEABLE] }, scheduleItem: null }] },
      orderBy: [{ status: "desc" }, { title: "asc" }],
      select: { id: true, title: true, status: true, sessionType: { select: { name: true, durationMinutes: true } } },
    }),
    latestRelease(db, eventId),
    buildSnapshot(db, eventId),
  ]);
  const days = conferenceDays(event.conferenceStartsOn, event.conferenceEndsOn);
  const editable = new Set(handleable.map((i) => i.id));
  return {
    timeZone: event.timeZone,
    days,
    venue: event.venue,
    rooms: event.rooms,
    items: items.map((i) => ({ ...i, editable: editable.has(i.id) })),
    candidates,
    warnings: scheduleWarnings(items, { timeZone: event.timeZone, days }),
    latestVersion: latest?.version ?? 0,
    unpublished: diffSnapshots(latest?.snapshot ?? null, working),
  };
}
