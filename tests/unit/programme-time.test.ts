import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { nowAndNext } from "@/lib/programme/public";
import { vtimezone } from "@/lib/programme/exports/vtimezone";
import { isoInZone } from "@/lib/programme/exports/schedule-days";
import type { SnapshotItem } from "@/lib/programme/snapshot";

const item = (guid: string, start: string, durationMinutes: number): SnapshotItem => ({
  guid,
  kind: "talk",
  proposalId: null,
  title: guid,
  abstract: "",
  sessionType: "Talk",
  track: null,
  level: null,
  roomGuid: "room",
  start,
  durationMinutes,
  speakers: [],
});

describe("now and next", () => {
  const items = [
    item("a", "2027-03-28T08:00:00.000Z", 30),
    item("b", "2027-03-28T08:00:00.000Z", 45),
    item("c", "2027-03-28T09:00:00.000Z", 30),
  ];

  it("lists what runs at the given moment and what starts next", () => {
    const r = nowAndNext(items, new Date("2027-03-28T08:35:00Z"));
    expect([r.now.map((i) => i.guid), r.next.map((i) => i.guid)]).toEqual([["b"], ["c"]]);
  });

  it("has nothing now before the day starts, and nothing next after the last item", () => {
    expect(nowAndNext(items, new Date("2027-03-28T07:00:00Z"))).toMatchObject({ now: [], next: [{ guid: "a" }, { guid: "b" }] });
    expect(nowAndNext(items, new Date("2027-03-28T12:00:00Z"))).toEqual({ now: [], next: [] });
  });
});

describe("zones in exports", () => {
  it("writes local times with the offset of the instant, across the change to summer time", () => {
    expect(isoInZone(new Date("2027-03-27T09:00:00Z"), "Europe/Paris")).toBe("2027-03-27T10:00:00+01:00");
    expect(isoInZone(new Date("2027-03-28T08:00:00Z"), "Europe/Paris")).toBe("2027-03-28T10:00:00+02:00");
    expect(isoInZone(new Date("2027-03-28T08:00:00Z"), "America/St_Johns")).toBe("2027-03-28T05:30:00-02:30");
  });

  it("builds a VTIMEZONE whose observances ical.js applies on both sides of each change", () => {
    const ics = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...vtimezone("Europe/Paris", 2027, 2027), "END:VCALENDAR"].join(
      "\r\n",
    );
    const zone = new ICAL.Timezone(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vtimezone")!);
    const offset = (iso: string) => zone.utcOffset(ICAL.Time.fromDateTimeString(iso));
    expect(offset("2027-03-27T10:00:00")).toBe(3600);
    expect(offset("2027-03-28T10:00:00")).toBe(7200);
    expect(offset("2027-10-31T10:00:00")).toBe(3600);
    expect(vtimezone("UTC", 2027, 2027).filter((l) => l.startsWith("BEGIN:"))).toEqual(["BEGIN:VTIMEZONE", "BEGIN:STANDARD"]);
  });
});
