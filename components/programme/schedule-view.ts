import { localDay, localTime } from "@/lib/programme/days";
import type { ProgrammeSnapshot, SnapshotItem } from "@/lib/programme/snapshot";

// Shapes the public schedule pages render: items per local day, start times per day.

/** An item with its local start time and time range, formatted once per page. */
export type DayItem = { item: SnapshotItem; time: string; range: string };
export type DayView = { day: string; items: DayItem[]; starts: string[] };

export function daysOf(s: ProgrammeSnapshot): DayView[] {
  const tz = s.event.timeZone;
  const byDay = new Map<string, DayItem[]>();
  for (const item of [...s.items].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = localDay(new Date(item.start), tz);
    const entry = { item, time: localTime(new Date(item.start), tz), range: timeRange(item, tz) };
    const list = byDay.get(day);
    if (list) list.push(entry);
    else byDay.set(day, [entry]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, items]) => ({ day, items, starts: [...new Set(items.map((i) => i.time))] }));
}

export function timeRange(i: SnapshotItem, tz: string): string {
  const start = new Date(i.start);
  return `${localTime(start, tz)}–${localTime(new Date(start.getTime() + i.durationMinutes * 60_000), tz)}`;
}

export const roomName = (s: ProgrammeSnapshot, guid: string) => s.rooms.find((r) => r.guid === guid)?.name ?? "";
export const speakerNames = (s: ProgrammeSnapshot, i: SnapshotItem) =>
  i.speakers.map((c) => s.speakers.find((x) => x.code === c)?.name ?? "").filter(Boolean);
