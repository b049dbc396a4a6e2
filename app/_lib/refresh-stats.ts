import { after } from "next/server";
import { db } from "@/lib/db";
import { refreshEventStats } from "@/lib/reviews/proposal-stats";

// One refresh per event at a time in this process: reviews saved while one
// runs mark the event dirty and cause exactly one more run, so a burst of
// reviews costs two refreshes, not one per review.
const running = new Map<string, Promise<void>>();
const dirty = new Set<string>();

async function refreshLoop(eventId: string) {
  do {
    dirty.delete(eventId);
    try {
      await refreshEventStats(db, eventId);
    } catch (e) {
      console.error("Statistics refresh failed", e);
    }
  } while (dirty.has(eventId));
  running.delete(eventId);
}

/** After the response: recompute the event's normalized scores (they span every review of the event). */
export function refreshStatsAfterResponse(eventId: string): void {
  after(() => {
    dirty.add(eventId);
    if (!running.has(eventId)) running.set(eventId, refreshLoop(eventId));
    return running.get(eventId);
  });
}
