import { localDay, localTime } from "@/lib/programme/days";
import type { ProgrammeSnapshot, SnapshotItem } from "@/lib/programme/snapshot";

// Shapes the public schedule pages render: items per local day, start times per day.

export type DayView = { day: string; items: SnapshotItem[]; starts: string[] };

export function daysOf(s: ProgrammeSnapshot): DayView[] {
  const tz = s.event.timeZone;
  const byDay = new Map<string, SnapshotItem[]>();
  for (const i of [...s.items].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = localDay(new Date(i.start), tz);
    byDay.set(day, [...(byDay.get(day) ?? []), i]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, items]) => ({ day, items, starts: [...new Set(items.map((i) => localTime(new Date(i.start), tz)))] }));
}

export function timeRange(i: SnapshotItem, tz: string): string {
  const start = new Date(i.start);
  return `${localTime(start, tz)}–${localTime(new Date(start.getTime() + i.durationMinutes * 60_000), tz)}`;
}

export const roomName = (s: ProgrammeSnapshot, guid: string) => s.rooms.find((r) => r.guid === guid)?.name ?? "";
export const speakerNames = (s: ProgrammeSnapshot, i: SnapshotItem) =>
  i.speakers.map((c) => s.speakers.find((x) => x.code === c)?.name ?? "").filter(Boolean);
