import { createHash } from "node:crypto";
import { offsetMinutes, utcToZonedLocal, zonedLocalToUtc } from "@/lib/events/time-zone";
import { conferenceDays, localDay } from "../days";
import type { ProgrammeSnapshot, SnapshotItem, SnapshotRoom } from "../snapshot";

// What the frab XML and the schedule JSON share: days in the event's zone,
// each with its rooms and items, and the fields c3voc readers expect.

/** "2027-03-28T10:00:00+02:00": the instant as local time with its offset. */
export function isoInZone(at: Date, timeZone: string): string {
  const off = offsetMinutes(at, timeZone);
  const m = Math.abs(off);
  const offset = `${off < 0 ? "-" : "+"}${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return `${utcToZonedLocal(at, timeZone)}:00${offset}`;
}

export const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/**
 * The legacy numeric event ids readers still require, unique per document (the XSD's
 * id_unique): a talk's proposal number (unique per event, ADR 0021), a block's
 * hashed from its guid above any proposal number, so both stay the same across releases.
 */
export function numericIds(items: readonly { guid: string; number?: number | null }[]): Map<string, number> {
  const ids = new Map<string, number>();
  const taken = new Set<number>();
  for (const i of items) {
    if (i.number != null) {
      ids.set(i.guid, i.number);
      taken.add(i.number);
    }
  }
  for (const guid of items
    .filter((i) => i.number == null)
    .map((i) => i.guid)
    .sort()) {
    let n = BLOCK_IDS_FROM + parseInt(createHash("sha1").update(guid).digest("hex").slice(0, 7), 16);
    while (taken.has(n)) n += 1;
    taken.add(n);
    ids.set(guid, n);
  }
  return ids;
}

/** Block ids start here, far above any event's proposal numbers. */
const BLOCK_IDS_FROM = 1_000_000_000;

/** c3voc acronyms are lowercase letters, digits and underscores, at least four. */
export const acronym = (slug: string) => slug.replace(/-/g, "_").padEnd(4, "_");

export function itemSlug(s: ProgrammeSnapshot, item: SnapshotItem, id: number): string {
  const words = item.title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "");
  return [acronym(s.event.slug), id, words].filter(Boolean).join("-");
}

export type ScheduleDay = { index: number; date: string; start: Date; end: Date; rooms: { room: SnapshotRoom; items: SnapshotItem[] }[] };

export function scheduleDays(s: ProgrammeSnapshot): ScheduleDay[] {
  const tz = s.event.timeZone;
  const dates = new Set(conferenceDays(s.event.startsOn, s.event.endsOn));
  for (const i of s.items) dates.add(localDay(new Date(i.start), tz));
  const rooms = [...s.rooms].sort((a, b) => a.position - b.position);
  return [...dates].sort().map((date, n) => ({
    index: n + 1,
    date,
    start: zonedLocalToUtc(`${date}T00:00`, tz)!,
    end: zonedLocalToUtc(`${date}T23:59`, tz)!,
    rooms: rooms.map((room) => ({
      room,
      items: s.items.filter((i) => i.roomGuid === room.guid && localDay(new Date(i.start), tz) === date),
    })),
  }));
}

export function speakersOf(s: ProgrammeSnapshot, item: SnapshotItem) {
  return item.speakers.flatMap((code) => s.speakers.filter((x) => x.code === code));
}
