import { formatDay } from "@/lib/programme/format";
import { dayStart } from "@/lib/programme/days";
import type { ProgrammeSnapshot } from "@/lib/programme/snapshot";
import { ItemSummary } from "./ItemSummary";
import { roomName, type DayItem, type DayView } from "./schedule-view";

/**
 * One day: a table of rooms by start time on wide screens, a list in time
 * order on phones (globals.css switches them; only one is shown, and the
 * hidden one is out of the accessibility tree too).
 */
export function ScheduleDay({ s, d }: { s: ProgrammeSnapshot; d: DayView }) {
  const tz = s.event.timeZone;
  const rooms = [...s.rooms].sort((a, b) => a.position - b.position);
  const title = formatDay(dayStart(d.day, tz), tz);
  const headingId = `day-${d.day}`;
  const cells = new Map<string, DayItem[]>();
  for (const i of d.items) {
    const key = `${i.item.roomGuid}|${i.time}`;
    cells.set(key, [...(cells.get(key) ?? []), i]);
  }
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <div className="table-wrap schedule-grid">
        <table>
          <caption className="visually-hidden">
            {title}: rooms by start time ({tz})
          </caption>
          <thead>
            <tr>
              <th scope="col">Start</th>
              {rooms.map((r) => (
                <th scope="col" key={r.guid}>
                  {r.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.starts.map((start) => (
              <tr key={start}>
                <th scope="row">{start}</th>
                {rooms.map((r) => (
                  <td key={r.guid}>
                    {(cells.get(`${r.guid}|${start}`) ?? []).map((i) => (
                      <div key={i.item.guid}>
                        <ItemSummary s={s} item={i.item} />
                        <br />
                        <span className="muted">{i.range}</span>
                      </div>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol className="schedule-list">
        {d.items.map((i) => (
          <li key={i.item.guid}>
            <strong>{i.range}</strong> · {roomName(s, i.item.roomGuid)}
            <br />
            <ItemSummary s={s} item={i.item} />
          </li>
        ))}
      </ol>
    </section>
  );
}
