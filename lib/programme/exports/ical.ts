import type { ProgrammeSnapshot, SnapshotItem } from "../snapshot";
import { vtimezone, zonedStamp } from "./vtimezone";

// iCalendar (RFC 5545) for a release: the whole programme, one speaker's
// talks, or the one talk an email attaches. Times carry the event's IANA zone
// name (TZID) with its VTIMEZONE.

export type IcalOptions = { appUrl: string; publishedAt: Date; name?: string };

function escapeText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a line at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > 75) {
      out.push(current);
      current = " ";
      bytes = 1;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join("\r\n");
}

const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");

function vevent(s: ProgrammeSnapshot, item: SnapshotItem, o: IcalOptions): string[] {
  const tz = s.event.timeZone;
  const start = new Date(item.start);
  const end = new Date(start.getTime() + item.durationMinutes * 60_000);
  const room = s.rooms.find((r) => r.guid === item.roomGuid)?.name ?? "";
  const names = item.speakers.map((c) => s.speakers.find((x) => x.code === c)?.name ?? "").filter(Boolean);
  const url = `${o.appUrl}/events/${s.event.slug}/talks/${item.guid}`;
  const description = [names.length ? `Speakers: ${names.join(", ")}` : "", item.abstract, item.kind === "talk" ? url : ""]
    .filter(Boolean)
    .join("\n\n");
  return [
    "BEGIN:VEVENT",
    `UID:${item.guid}`,
    `DTSTAMP:${utcStamp(o.publishedAt)}`,
    `DTSTART;TZID=${tz}:${zonedStamp(start, tz)}`,
    `DTEND;TZID=${tz}:${zonedStamp(end, tz)}`,
    `SUMMARY:${escapeText(item.title)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    `LOCATION:${escapeText([room, s.event.venue].filter(Boolean).join(", "))}`,
    ...(item.kind === "talk" ? [`URL:${url}`] : []),
    "END:VEVENT",
  ];
}

export function programmeCalendar(s: ProgrammeSnapshot, items: readonly SnapshotItem[], o: IcalOptions): string {
  const years = items.map((i) => new Date(i.start).getUTCFullYear());
  const from = years.length ? Math.min(...years) : o.publishedAt.getUTCFullYear();
  const to = years.length ? Math.max(...years) : from;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//cfp//programme//EN",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(o.name ?? s.event.name)}`,
    `X-WR-TIMEZONE:${s.event.timeZone}`,
    ...vtimezone(s.event.timeZone, from, to),
    ...items.flatMap((i) => vevent(s, i, o)),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

export function speakerCalendar(s: ProgrammeSnapshot, code: string, o: IcalOptions): string | null {
  const speaker = s.speakers.find((x) => x.code === code);
  if (!speaker) return null;
  const items = s.items.filter((i) => i.speakers.includes(code));
  return programmeCalendar(s, items, { ...o, name: `${s.event.name}: ${speaker.name}` });
}
