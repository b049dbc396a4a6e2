import { offsetMinutes, utcToZonedLocal } from "@/lib/events/time-zone";

// A VTIMEZONE for an IANA zone, from the platform's own zone data (Intl):
// one observance per offset change in the years the calendar covers, each
// with its exact moment, so any iCalendar reader gets local times right
// across a daylight-saving change without knowing the zone itself.

const DAY = 86_400_000;

type Transition = { at: number; from: number; to: number };

function transitions(timeZone: string, fromYear: number, toYear: number): Transition[] {
  const out: Transition[] = [];
  let t = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  let prev = offsetMinutes(new Date(t), timeZone);
  for (; t < end; t += DAY) {
    const next = offsetMinutes(new Date(t + DAY), timeZone);
    if (next === prev) continue;
    // The change lies in (t, t + DAY]: narrow it to the minute.
    let lo = t;
    let hi = t + DAY;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(new Date(mid), timeZone) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, from: prev, to: next });
    prev = next;
  }
  return out;
}

const offsetText = (minutes: number) => {
  const sign = minutes < 0 ? "-" : "+";
  const m = Math.abs(minutes);
  return `${sign}${String(Math.floor(m / 60)).padStart(2, "0")}${String(m % 60).padStart(2, "0")}`;
};

/** "20270328T020000": an instant as local time at a fixed offset. */
const localStamp = (at: number, offset: number) =>
  new Date(at + offset * 60_000)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "");

export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const changes = transitions(timeZone, fromYear, toYear);
  const first = offsetMinutes(new Date(Date.UTC(fromYear, 0, 1)), timeZone);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  const observance = (kind: "STANDARD" | "DAYLIGHT", at: number, from: number, to: number) =>
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(at, from)}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${kind}`,
    );
  observance("STANDARD", Date.UTC(fromYear, 0, 1) - first * 60_000, first, first);
  for (const c of changes) observance(c.to > c.from ? "DAYLIGHT" : "STANDARD", c.at, c.from, c.to);
  lines.push("END:VTIMEZONE");
  return lines;
}

/** "20270328T100000": an instant as wall-clock time in the zone (with TZID=). */
export function zonedStamp(at: Date, timeZone: string): string {
  return `${utcToZonedLocal(at, timeZone).replace(/[-:]/g, "")}00`;
}
