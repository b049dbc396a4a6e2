import { nowAndNext } from "@/lib/programme/public";
import type { ProgrammeSnapshot } from "@/lib/programme/snapshot";
import { ItemSummary } from "./ItemSummary";
import { roomName, timeRange } from "./schedule-view";

/** During the conference: what runs now and what starts next. Nothing before or after it. */
export function NowNext({ s, now }: { s: ProgrammeSnapshot; now: Date }) {
  const { now: current, next } = nowAndNext(s.items, now);
  const starts = s.items.map((i) => Date.parse(i.start));
  if (starts.length === 0 || now.getTime() < Math.min(...starts) - 3_600_000 || (current.length === 0 && next.length === 0)) return null;
  const tz = s.event.timeZone;
  const list = (items: typeof current) => (
    <ul>
      {items.map((i) => (
        <li key={i.guid}>
          {timeRange(i, tz)} · {roomName(s, i.roomGuid)}: <ItemSummary s={s} item={i} />
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="now-heading" className="card">
      <h2 id="now-heading">Now and next</h2>
      {current.length > 0 && (
        <>
          <h3>Now</h3>
          {list(current)}
        </>
      )}
      {next.length > 0 && (
        <>
          <h3>Next</h3>
          {list(next)}
        </>
      )}
    </section>
  );
}
