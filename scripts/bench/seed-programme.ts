// The bench event's published programme: two days, three rooms, ten slots a
// day, one speaker per talk. One ScheduleRelease row, as publishRelease writes it.
import type { ProgrammeSnapshot, SnapshotItem } from "@/lib/programme/snapshot";
import type { Insert } from "./seed";

const iso = (ms: number) => new Date(ms).toISOString();

export function writeRelease(insert: Insert, eventId: string, slug: string, opens: number) {
  const rooms = ["Main hall", "Room B", "Room C"].map((name, position) => ({
    guid: `00000000-0000-4000-8000-00000000000${position}`,
    name,
    capacity: 100 * (3 - position),
    position,
  }));
  const items: SnapshotItem[] = [];
  const speakers: ProgrammeSnapshot["speakers"] = [];
  for (const [d, day] of ["2027-06-03", "2027-06-04"].entries()) {
    for (let slot = 0; slot < 10; slot++) {
      for (const room of rooms) {
        const n = items.length;
        const code = `S${String(n).padStart(5, "0")}`;
        speakers.push({ code, name: `Speaker ${n}`, bio: `Bio of speaker ${n}.`, website: "", github: "", mastodon: "" });
        items.push({
          guid: `10000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
          kind: "talk",
          proposalId: null,
          title: `Bench talk ${n} on day ${d + 1}`,
          abstract: "A talk of the benchmark's programme.",
          sessionType: "Talk",
          track: null,
          level: "INTERMEDIATE",
          roomGuid: room.guid,
          start: iso(Date.parse(`${day}T07:00:00Z`) + slot * 45 * 60_000),
          durationMinutes: 30,
          speakers: [code],
        });
      }
    }
  }
  const snapshot: ProgrammeSnapshot = {
    event: {
      name: "BenchConf",
      slug,
      description: "",
      timeZone: "Europe/Paris",
      startsOn: "2027-06-03",
      endsOn: "2027-06-04",
      venue: "Bench venue",
    },
    rooms,
    items,
    speakers,
  };
  insert("ScheduleRelease", {
    id: "bench_release",
    eventId,
    version: 1,
    note: "",
    snapshot: JSON.stringify(snapshot),
    publishedAt: iso(opens),
    publishedBy: null,
  });
}
