"use client";
import { useSyncExternalStore } from "react";
import { formatClock } from "@/lib/events/time-zone";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * An instant in the event's zone, labelled ("1 Apr 2027, 23:59 (Europe/Paris)"),
 * and, when the reader's clock shows another time, in the reader's own time too.
 * The server cannot know the reader's zone: it renders the event's time, and the
 * browser adds the reader's once the page runs.
 */
export function ZonedTime({ iso, timeZone }: { iso: string; timeZone: string }) {
  const date = new Date(iso);
  const viewerZone = useSyncExternalStore(noSubscription, browserZone, () => null);
  const inEvent = formatClock(date, timeZone);
  const inViewer = viewerZone ? formatClock(date, viewerZone) : null;
  return (
    <>
      <time dateTime={iso}>
        {inEvent} ({timeZone})
      </time>
      {inViewer && inViewer !== inEvent && <span className="muted"> · {inViewer} your time</span>}
    </>
  );
}
