import { signedInAs } from "@/lib/auth/actor";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { useTestDb } from "@/tests/support/test-db";
import { C3VOC, frabXmlErrors, SCHEDULE_XSD, scheduleJsonValidator } from "@/tests/support/schedule-schemas";
import { moveItem } from "@/lib/programme/place";
import { publishedProgramme } from "@/lib/programme/public";
import { publishRelease } from "@/lib/programme/release";
import { frabXml } from "@/lib/programme/exports/frab-xml";
import { scheduleJson } from "@/lib/programme/exports/schedule-json";
import { programmeCalendar, speakerCalendar } from "@/lib/programme/exports/ical";
import { programmeEvent } from "./programme-fixture";

const getDb = useTestDb();
const FIXTURES = C3VOC;
const XSD = SCHEDULE_XSD;
const appUrl = "https://cfp.example.org";
const now = new Date("2027-02-01T12:00:00Z");

async function publishedFixture() {
  const db = getDb();
  const f = await programmeEvent(db, { placed: true });
  await publishRelease(db, signedInAs(f.organizer), f.event.id, { note: "" }, { now });
  return { ...f, release: (await publishedProgramme(db, f.event.slug))! };
}

describe("schedule exports of a published programme (two days, three rooms, a co-speaker, a break, a DST change)", () => {
  it("writes frab XML that the c3voc XSD accepts (xmllint)", async () => {
    const { release } = await publishedFixture();
    const xml = frabXml(release.snapshot, { appUrl, version: release.version });
    expect(await frabXmlErrors(xml)).toEqual([]);
    expect(await frabXmlErrors(xml.replace("<version>1</version>", ""))).not.toEqual([]);
    // The system's xmllint agrees, where it is installed (apt install libxml2-utils).
    if (existsSync("/usr/bin/xmllint")) {
      const file = path.join(mkdtempSync(path.join(tmpdir(), "frab-")), "schedule.xml");
      writeFileSync(file, xml);
      execFileSync("/usr/bin/xmllint", ["--noout", "--schema", XSD, file], { stdio: "pipe" });
    }
    expect(xml).toContain('<day index="2" date="2027-03-28" start="2027-03-28T00:00:00+01:00" end="2027-03-28T23:59:00+02:00">');
    expect(xml).toContain("<date>2027-03-28T10:00:00+02:00</date>");
    expect(xml).toContain("<date>2027-03-27T10:00:00+01:00</date>");
  });

  it("names talks by their proposal's guid and number and speakers by their public code (ADR 0021), in every release", async () => {
    const db = getDb();
    const { release, talks, cospeaker, organizer, event, items, rooms } = await publishedFixture();
    const pin = await db.proposal.findUniqueOrThrow({ where: { id: talks.pin.id } });
    const xml = frabXml(release.snapshot, { appUrl, version: release.version });
    expect(xml).toContain(`<event guid="${pin.guid}" id="${pin.number}">`);
    expect(xml).toContain(`<url>${appUrl}/events/${event.slug}/talks/${pin.guid}</url>`);
    const item = release.snapshot.items.find((i) => i.guid === pin.guid)!;
    expect(item.speakers).toContain(cospeaker.code);
    // A block's id is hashed from its guid, above every proposal number; all ids are distinct.
    const ids = [...xml.matchAll(/<event guid="[^"]+" id="(\d+)">/g)].map((m) => Number(m[1]));
    expect(new Set(ids).size).toBe(ids.length);
    const json = scheduleJson(release.snapshot, { appUrl, version: release.version });
    const events = json.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    expect(events.find((e) => e.guid === pin.guid)).toMatchObject({ id: pin.number });
    // Moved and published again: the same guid, number and code.
    await moveItem(db, signedInAs(organizer), event.id, {
      itemId: items.pin,
      roomId: rooms[1].id,
      start: "2027-03-28T16:00",
      durationMinutes: 30,
    });
    await publishRelease(db, signedInAs(organizer), event.id, { note: "" }, { now });
    const second = (await publishedProgramme(db, event.slug))!;
    expect(second.version).toBe(2);
    expect(frabXml(second.snapshot, { appUrl, version: 2 })).toContain(`<event guid="${pin.guid}" id="${pin.number}">`);
    expect(second.snapshot.speakers.map((s) => s.code)).toContain(cospeaker.code);
  });

  it("writes schedule JSON that the c3voc schema accepts, shaped like pretalx's export", async () => {
    const validate = scheduleJsonValidator();
    const pretalx = JSON.parse(readFileSync(path.join(FIXTURES, "json/examples/pretalx-democon.json"), "utf8"));
    expect(validate(pretalx), JSON.stringify(validate.errors)).toBe(true);

    const { release, rooms, cospeaker } = await publishedFixture();
    const json = scheduleJson(release.snapshot, { appUrl, version: release.version });
    expect(validate(json), JSON.stringify(validate.errors, null, 1)).toBe(true);

    const conference = json.schedule.conference;
    expect(conference).toMatchObject({ start: "2027-03-27", end: "2027-03-28", daysCount: 2, time_zone_name: "Europe/Paris" });
    expect(conference.rooms.map((r) => r.guid)).toEqual(rooms.map((r) => r.guid));
    expect(Object.keys(conference.days[0])).toEqual(Object.keys(pretalx.schedule.conference.days[0]));
    const [saturday, sunday] = conference.days;
    const pin = saturday.rooms["Amphi A"][0];
    expect(pin).toMatchObject({ title: "Pin Without Tears", date: "2027-03-27T10:00:00+01:00", start: "10:00", duration: "00:30" });
    expect(pin.persons.map((p) => p.name)).toContain("Noor Haddad");
    expect(saturday.rooms["Amphi A"][1]).toMatchObject({ title: "Lunch", type: "break", duration: "01:00", persons: [] });
    expect(sunday.rooms["Amphi A"][0]).toMatchObject({ date: "2027-03-28T10:00:00+02:00", start: "10:00" });
    const pretalxEvent = Object.values(pretalx.schedule.conference.days[0].rooms as Record<string, object[]>)[0][0];
    for (const key of ["guid", "id", "date", "start", "duration", "room", "slug", "url", "title", "type", "persons"]) {
      expect(pin, key).toHaveProperty(key);
      expect(pretalxEvent, key).toHaveProperty(key);
    }
    expect(cospeaker).toBeTruthy();
  });

  it("writes iCalendar with the IANA zone that a parser reads back at the right local times across the DST change", async () => {
    const { release, cospeaker } = await publishedFixture();
    const ics = programmeCalendar(release.snapshot, release.snapshot.items, { appUrl, publishedAt: now });
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const zone = calendar.getFirstSubcomponent("vtimezone")!;
    expect(zone.getFirstPropertyValue("tzid")).toBe("Europe/Paris");
    ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const byTitle = new Map(events.map((e) => [e.summary, e]));
    expect(events).toHaveLength(6);

    const saturday = byTitle.get("Pin Without Tears")!;
    expect(saturday.startDate.zone?.tzid).toBe("Europe/Paris");
    expect([saturday.startDate.hour, saturday.startDate.minute]).toEqual([10, 0]);
    expect(saturday.startDate.toJSDate().toISOString()).toBe("2027-03-27T09:00:00.000Z");
    const sunday = byTitle.get("Embassy on a Pico")!;
    expect([sunday.startDate.hour, sunday.endDate.hour, sunday.endDate.minute]).toEqual([10, 10, 30]);
    expect(sunday.startDate.toJSDate().toISOString()).toBe("2027-03-28T08:00:00.000Z");
    expect(byTitle.get("Lunch")!.location).toBe("Amphi A, Centre de Congrès, Lyon");

    const own = speakerCalendar(release.snapshot, cospeaker.code, { appUrl, publishedAt: now })!;
    const mine = new ICAL.Component(ICAL.parse(own)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).summary);
    expect(mine.sort()).toEqual(["Noor's Own Talk", "Pin Without Tears"]);
    expect(speakerCalendar(release.snapshot, "NOBODY00", { appUrl, publishedAt: now })).toBeNull();
  });

  it("keeps talk and room guids across releases, a moved talk included", async () => {
    const db = getDb();
    const { event, organizer, rooms, items, release } = await publishedFixture();
    await moveItem(db, signedInAs(organizer), event.id, {
      itemId: items.embedded,
      roomId: rooms[1].id,
      start: "2027-03-28T16:00",
      durationMinutes: 30,
    });
    await publishRelease(db, signedInAs(organizer), event.id, { note: "" }, { now });
    const second = (await publishedProgramme(db, event.slug))!;
    const guids = (s: typeof release.snapshot) => s.items.map((i) => i.guid).sort();
    expect(guids(second.snapshot)).toEqual(guids(release.snapshot));
    expect(second.snapshot.rooms.map((r) => r.guid)).toEqual(release.snapshot.rooms.map((r) => r.guid));
    const xml = frabXml(second.snapshot, { appUrl, version: second.version });
    const moved = release.snapshot.items.find((i) => i.title === "Embassy on a Pico")!;
    expect(xml).toMatch(new RegExp(`<room name="Salle B" guid="${rooms[1].guid}">[\\s\\S]*<event guid="${moved.guid}"`));
    expect(xml).toContain("<version>2</version>");
  });
});
