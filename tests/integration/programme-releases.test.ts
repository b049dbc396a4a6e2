import { signedInAs } from "@/lib/auth/actor";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { addReviewer, createEvent } from "@/tests/factories";
import { moveItem, placeTalk } from "@/lib/programme/place";
import { publishedProgramme } from "@/lib/programme/public";
import { publishRelease, releaseHistory } from "@/lib/programme/release";
import { loadScheduleEditor } from "@/lib/programme/editor";
import { parseAttachments } from "@/lib/email/outbox";
import { expectDenied, expectDomainError } from "./helpers";
import { programmeEvent } from "./programme-fixture";

const getDb = useTestDb();
const now = new Date("2027-02-01T12:00:00Z");

function slotMails(db: ReturnType<typeof getDb>) {
  return db.outboxEmail.findMany({
    where: { kind: "schedule-slot" },
    orderBy: [{ to: "asc" }, { id: "asc" }],
    select: { to: true, subject: true, text: true, status: true, attachments: true, proposalId: true },
  });
}

describe("schedule releases", () => {
  it("publishes release 1 with confirmed talks and breaks only, and emails every speaker of a placed talk its slot as .ics", async () => {
    const db = getDb();
    const { event, organizer, rooms, talks, cospeaker } = await programmeEvent(db, { placed: true });
    expect(await publishedProgramme(db, event.slug)).toBeNull();
    // Placed, but accepted and not confirmed: left out of the release.
    await placeTalk(db, signedInAs(organizer), event.id, {
      proposalId: talks.unconfirmed.id,
      roomId: rooms[2].id,
      start: "2027-03-27T16:00",
    });

    const { version, changes } = await publishRelease(db, signedInAs(organizer), event.id, { note: "First programme" }, { now });
    expect(version).toBe(1);
    expect(changes.map((c) => [c.kind, c.title]).sort()).toEqual(
      [
        ["added", "Embassy on a Pico"],
        ["added", "Lunch"],
        ["added", "Noor's Own Talk"],
        ["added", "Pin Without Tears"],
        ["added", "Reading the Assembly"],
        ["added", "Ten Minutes of Miri"],
      ].sort(),
    );
    const published = (await publishedProgramme(db, event.slug))!;
    expect(published).toMatchObject({ version: 1, note: "First programme", publishedAt: now });
    expect(published.snapshot.items.map((i) => i.title)).not.toContain("Not Yet Confirmed");

    const mails = await slotMails(db);
    // Five talks, one of them with a co-speaker (who also gives her own talk): six messages.
    expect(mails).toHaveLength(6);
    expect(
      mails
        .filter((m) => m.to === cospeaker.email)
        .map((m) => m.subject)
        .sort(),
    ).toEqual([`Your slot at ${event.name}: Noor's Own Talk`, `Your slot at ${event.name}: Pin Without Tears`]);
    const pin = mails.find((m) => m.to === talks.pin.speaker.email)!;
    expect(pin.text).toContain("Saturday 27 March 2027, 10:00 to 10:30 (Europe/Paris)");
    expect(pin.text).toContain("Room: Amphi A, Centre de Congrès, Lyon");
    const [ics] = parseAttachments(pin.attachments);
    expect(ics).toMatchObject({ filename: "talk.ics", contentType: expect.stringContaining("text/calendar") });
    expect(ics.content).toContain("DTSTART;TZID=Europe/Paris:20270327T100000");
  });

  it("lists a moved talk as moved, keeps its guid, and emails only its speakers with the new time", async () => {
    const db = getDb();
    const { event, organizer, rooms, talks, items } = await programmeEvent(db, { placed: true });
    await publishRelease(db, signedInAs(organizer), event.id, { note: "" }, { now });
    const guid = (await db.scheduleItem.findUniqueOrThrow({ where: { id: items.asm } })).guid;
    await db.outboxEmail.deleteMany();

    await moveItem(db, signedInAs(organizer), event.id, {
      itemId: items.asm,
      roomId: rooms[2].id,
      start: "2027-03-28T15:30",
      durationMinutes: 30,
    });
    const editor = await loadScheduleEditor(db, signedInAs(organizer), event.id);
    expect(editor.unpublished.map((c) => [c.kind, c.guid])).toEqual([["moved", guid]]);
    const { version, changes } = await publishRelease(db, signedInAs(organizer), event.id, { note: "Room change" }, { now });
    expect(version).toBe(2);
    expect(changes.map((c) => [c.kind, c.guid])).toEqual([["moved", guid]]);

    const mails = await slotMails(db);
    expect(mails.map((m) => m.to)).toEqual([talks.asm.speaker.email]);
    expect(mails[0].text).toContain("Sunday 28 March 2027, 15:30 to 16:00 (Europe/Paris)");
    expect(mails[0].text).toContain("Room: Atelier C");
    expect(parseAttachments(mails[0].attachments)[0].content).toContain("DTSTART;TZID=Europe/Paris:20270328T153000");

    const history = await releaseHistory(db, signedInAs(organizer), event.id);
    expect(history.map((r) => [r.version, r.note, r.changes.length])).toEqual([
      [2, "Room change", 1],
      [1, "", 6],
    ]);
  });

  it("shows the public only the latest release, never later edits", async () => {
    const db = getDb();
    const { event, organizer, rooms, items } = await programmeEvent(db, { placed: true });
    await publishRelease(db, signedInAs(organizer), event.id, { note: "" }, { now });
    await moveItem(db, signedInAs(organizer), event.id, {
      itemId: items.pin,
      roomId: rooms[1].id,
      start: "2027-03-27T17:00",
      durationMinutes: 30,
    });
    const published = (await publishedProgramme(db, event.slug))!;
    const pin = published.snapshot.items.find((i) => i.title === "Pin Without Tears")!;
    expect(pin.start).toBe("2027-03-27T09:00:00.000Z");
  });

  it("refuses a release that changes nothing, and holds slot emails when the event holds email", async () => {
    const db = getDb();
    const { event, organizer } = await programmeEvent(db, { placed: true });
    await db.event.update({ where: { id: event.id }, data: { holdOutbox: true } });
    await publishRelease(db, signedInAs(organizer), event.id, { note: "" }, { now });
    expect(new Set((await slotMails(db)).map((m) => m.status))).toEqual(new Set(["HELD"]));
    const e = await expectDenied(db, "conflict", () => publishRelease(db, signedInAs(organizer), event.id, { note: "again" }, { now }));
    expect(e.message).toBe("Nothing changed since release 1.");
  });

  it("refuses reviewers, speakers, other events' organizers and anonymous visitors", async () => {
    const db = getDb();
    const { event, talks } = await programmeEvent(db, { placed: true });
    const reviewer = await addReviewer(db, event);
    const elsewhere = (await createEvent(db)).organizer;
    for (const [actor, code] of [
      [reviewer.id, "forbidden"],
      [talks.pin.speaker.id, "not_found"],
      [elsewhere.id, "not_found"],
      [null, "unauthenticated"],
    ] as const) {
      await expectDenied(db, code, () => publishRelease(db, signedInAs(actor), event.id, { note: "" }, { now }));
      await expectDomainError(() => releaseHistory(db, signedInAs(actor), event.id), code);
    }
    expect(await publishedProgramme(db, event.slug)).toBeNull();
  });
});
