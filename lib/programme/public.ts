import type { DbTx } from "@/lib/db";
import { parseRelease, type Release } from "./release";
import type { SnapshotItem } from "./snapshot";

// What anyone may read, signed in or not: the latest release of an event's
// schedule, nothing of the working schedule.

export async function publishedProgramme(db: DbTx, slug: string): Promise<Release | null> {
  const row = await db.scheduleRelease.findFirst({
    where: { event: { slug } },
    orderBy: { version: "desc" },
    select: { version: true, note: true, publishedAt: true, snapshot: true },
  });
  return row && parseRelease(row);
}

/** During the event: what runs now and what starts next, per room. */
export function nowAndNext(items: readonly SnapshotItem[], now: Date) {
  const t = now.getTime();
  const start = (i: SnapshotItem) => Date.parse(i.start);
  const end = (i: SnapshotItem) => start(i) + i.durationMinutes * 60_000;
  const current = items.filter((i) => start(i) <= t && t < end(i));
  const upcoming = items.filter((i) => start(i) > t).sort((a, b) => start(a) - start(b));
  const nextStart = upcoming[0] ? start(upcoming[0]) : null;
  return { now: current, next: upcoming.filter((i) => start(i) === nextStart) };
}
