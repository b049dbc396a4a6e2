import { cleanText } from "@/lib/text/fields";
import { localTime } from "../days";
import { nameGuid } from "../guid";
import type { ProgrammeSnapshot } from "../snapshot";
import { acronym, hhmm, isoInZone, numericIds, scheduleDays, speakersOf } from "./schedule-days";
import type { ExportOptions } from "./schedule-json";

// frab's schedule.xml, valid against the c3voc XSD
// (../shared/fixtures/interop/c3voc/xsd/schedule.xml.xsd).

function esc(s: string): string {
  // Control characters are not allowed in XML 1.0; cleanText drops them.
  return cleanText(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const el = (name: string, value: string) => `<${name}>${esc(value)}</${name}>`;

export function frabXml(s: ProgrammeSnapshot, o: ExportOptions): string {
  const tz = s.event.timeZone;
  const base = `${o.appUrl}/events/${s.event.slug}`;
  const days = scheduleDays(s);
  const ids = numericIds(s.items);
  const tracks = [...new Set(s.items.flatMap((i) => (i.track ? [i.track] : [])))].sort();
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', "<schedule>"];
  out.push('  <generator name="cfp" version="1"/>', `  ${el("url", `${base}/schedule.xml`)}`, `  ${el("version", String(o.version))}`);
  out.push("  <conference>");
  out.push(
    `    ${el("title", s.event.name)}`,
    `    ${el("acronym", acronym(s.event.slug))}`,
    ...(days.length ? [`    ${el("start", days[0].date)}`, `    ${el("end", days[days.length - 1].date)}`] : []),
    `    ${el("days", String(days.length))}`,
    `    ${el("timeslot_duration", "00:05")}`,
    `    ${el("base_url", `${base}/`)}`,
    `    ${el("time_zone_name", tz)}`,
    ...tracks.map((t) => `    <track name="${esc(t)}"/>`),
  );
  out.push("  </conference>");
  for (const d of days) {
    out.push(`  <day index="${d.index}" date="${d.date}" start="${isoInZone(d.start, tz)}" end="${isoInZone(d.end, tz)}">`);
    for (const { room, items } of d.rooms) {
      out.push(`    <room name="${esc(room.name)}" guid="${room.guid}">`);
      for (const i of items) {
        const start = new Date(i.start);
        out.push(`      <event guid="${i.guid}" id="${ids.get(i.guid)!}">`);
        out.push(
          `        ${el("room", room.name)}`,
          `        ${el("title", i.title)}`,
          `        ${el("subtitle", "")}`,
          `        ${el("type", i.kind === "talk" ? (i.sessionType ?? "Talk") : "break")}`,
          `        ${el("date", isoInZone(start, tz))}`,
          `        ${el("start", localTime(start, tz))}`,
          `        ${el("duration", hhmm(i.durationMinutes))}`,
          `        ${el("abstract", i.abstract)}`,
          `        ${el("track", i.track ?? "")}`,
          `        ${el("language", "en")}`,
          "        <persons>",
          ...speakersOf(s, i).map((p) => `          <person guid="${nameGuid(`person:${p.code}`)}">${esc(p.name)}</person>`),
          "        </persons>",
          ...(i.kind === "talk" ? [`        ${el("url", `${base}/talks/${i.guid}`)}`] : []),
        );
        out.push("      </event>");
      }
      out.push("    </room>");
    }
    out.push("  </day>");
  }
  out.push("</schedule>");
  return out.join("\n") + "\n";
}
