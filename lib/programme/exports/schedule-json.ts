import { localTime } from "../days";
import { nameGuid } from "../guid";
import type { ProgrammeSnapshot } from "../snapshot";
import { acronym, hhmm, isoInZone, itemSlug, numericIds, scheduleDays, speakersOf } from "./schedule-days";

// The c3voc schedule JSON (frab and pretalx's schedule.json), valid against
// the schema in ../shared/fixtures/interop/c3voc/json/schema.json; people are
// written the pretalx way (name, code, biography).

export type ExportOptions = { appUrl: string; version: number };

export function scheduleJson(s: ProgrammeSnapshot, o: ExportOptions) {
  const tz = s.event.timeZone;
  const base = `${o.appUrl}/events/${s.event.slug}`;
  const days = scheduleDays(s);
  const ids = numericIds(s.items);
  const tracks = [...new Set(s.items.flatMap((i) => (i.track ? [i.track] : [])))].sort();
  return {
    $schema: "https://c3voc.de/schedule/schema.json",
    generator: { name: "cfp", version: "1" },
    schedule: {
      url: `${base}/schedule.json`,
      version: String(o.version),
      base_url: `${base}/`,
      conference: {
        acronym: acronym(s.event.slug),
        title: s.event.name,
        description: s.event.description,
        start: days[0]?.date ?? s.event.startsOn ?? "",
        end: days[days.length - 1]?.date ?? s.event.endsOn ?? "",
        daysCount: days.length,
        timeslot_duration: "00:05",
        time_zone_name: tz,
        url: `${base}/schedule`,
        tracks: tracks.map((name) => ({ name })),
        rooms: s.rooms.map((r) => ({ name: r.name, guid: r.guid, capacity: r.capacity })),
        days: days.map((d) => ({
          index: d.index,
          date: d.date,
          day_start: isoInZone(d.start, tz),
          day_end: isoInZone(d.end, tz),
          rooms: Object.fromEntries(
            d.rooms.map(({ room, items }) => [
              room.name,
              items.map((i) => {
                const start = new Date(i.start);
                return {
                  guid: i.guid,
                  id: ids.get(i.guid)!,
                  logo: null,
                  date: isoInZone(start, tz),
                  start: localTime(start, tz),
                  end: isoInZone(new Date(start.getTime() + i.durationMinutes * 60_000), tz),
                  duration: hhmm(i.durationMinutes),
                  room: room.name,
                  slug: itemSlug(s, i, ids.get(i.guid)!),
                  url: i.kind === "talk" ? `${base}/talks/${i.guid}` : `${base}/schedule`,
                  title: i.title,
                  subtitle: "",
                  track: i.track,
                  type: i.kind === "talk" ? (i.sessionType ?? "Talk") : "break",
                  language: "en",
                  abstract: i.abstract,
                  description: "",
                  do_not_record: i.kind !== "talk",
                  persons: speakersOf(s, i).map((p) => ({
                    name: p.name,
                    code: p.code,
                    guid: nameGuid(`person:${p.code}`),
                    url: `${base}/speakers/${p.code}`,
                    biography: p.bio || null,
                  })),
                  links: [],
                  attachments: [],
                };
              }),
            ]),
          ),
        })),
      },
    },
  };
}
