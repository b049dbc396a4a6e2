import { signedInAs } from "@/lib/auth/actor";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";
import { loadConference, updateConference } from "@/lib/programme/conference";
import { loadScheduleEditor } from "@/lib/programme/editor";
import { addBlock, moveItem, placeTalk, removeItem } from "@/lib/programme/place";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { scheduleGrid, SLOT_MINUTES } from "@/lib/programme/grid";
import { expectDenied, expectDomainError } from "./helpers";
import { programmeEvent } from "./programme-fixture";

const getDb = useTestDb();

describe("conference days, venue and rooms", () => {
  it("keeps each room's guid through renames and reordering, and refuses to remove a room that holds items", async () => {
    const db = getDb();
    const { event, organizer, rooms, items } = await programmeEvent(db, { placed: true });
    const [a, b, c] = rooms;
    await updateConference(db, signedInAs(organizer), event.id, {
      startsOn: "2027-03-27",
      endsOn: "2027-03-28",
      venue: "Cité Internationale",
      rooms: [
        { id: b.id, name: "Amphi A" },
        { id: a.id, name: "Grand Amphi", capacity: 500 },
        { id: c.id, name: "Atelier C" },
      ],
    });
    const after = await loadConference(db, signedInAs(organizer), event.id);
    expect(after.venue).toBe("Cité Internationale");
    expect(after.rooms.map((r) => [r.guid, r.name, r.capacity])).toEqual([
      [b.guid, "Amphi A", null],
      [a.guid, "Grand Amphi", 500],
      [c.guid, "Atelier C", null],
    ]);
    expect(items.pin).toBeTruthy();
    const error = await expectDenied(db, "conflict", () =>
      updateConference(db, signedInAs(organizer), event.id, {
        startsOn: "2027-03-27",
        endsOn: "2027-03-28",
        venue: "",
        rooms: [{ id: b.id, name: "B" }],
      }),
    );
    expect(error.message).toContain("Grand Amphi holds schedule items");
  });

  it("lets only the event's organizers change it", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const other = await createEvent(db);
    const input = { startsOn: "2027-05-01", endsOn: "2027-05-02", venue: "", rooms: [{ name: "Main" }] };
    await expectDenied(db, "forbidden", () => updateConference(db, signedInAs(reviewer.id), event.id, input));
    await expectDenied(db, "not_found", () => updateConference(db, signedInAs(other.organizer.id), event.id, input));
    await expectDenied(db, "unauthenticated", () => updateConference(db, signedInAs(null), event.id, input));
    const stranger = await createUser(db);
    await expectDenied(db, "not_found", () => updateConference(db, signedInAs(stranger.id), event.id, input));
  });
});

describe("the schedule editor", () => {
  it("places a confirmed talk for its session type's duration with a guid derived from the proposal, and moves it keeping the guid", async () => {
    const db = getDb();
    const { event, organizer, rooms, talks } = await programmeEvent(db);
    const placed = await placeTalk(db, signedInAs(organizer), event.id, {
      proposalId: talks.asm.id,
      roomId: rooms[0].id,
      start: "2027-03-27T09:30",
    });
    expect(placed.guid).toBe(talks.asm.guid);
    const row = await db.scheduleItem.findUniqueOrThrow({ where: { id: placed.id } });
    expect(row).toMatchObject({ durationMinutes: 30, startsAt: new Date("2027-03-27T08:30:00Z"), roomId: rooms[0].id });

    await moveItem(db, signedInAs(organizer), event.id, {
      itemId: placed.id,
      roomId: rooms[1].id,
      start: "2027-03-28T09:30",
      durationMinutes: 30,
    });
    expect(await db.scheduleItem.findUniqueOrThrow({ where: { id: placed.id } })).toMatchObject({
      guid: placed.guid,
      roomId: rooms[1].id,
      // Summer time from 28 March: 09:30 in Paris is 07:30 UTC.
      startsAt: new Date("2027-03-28T07:30:00Z"),
    });
  });

  it("places accepted talks too, refuses talks outside the programme, a second placement and another event's room", async () => {
    const db = getDb();
    const { event, organizer, rooms, talks } = await programmeEvent(db);
    const submitted = await createProposal(db, { event, status: "submitted" });
    const declined = await createProposal(db, { event, status: "declined" });
    const otherRoom = (await programmeEvent(db)).rooms[0];
    const at = { roomId: rooms[0].id, start: "2027-03-27T11:00" };
    await placeTalk(db, signedInAs(organizer), event.id, { proposalId: talks.unconfirmed.id, ...at });
    await expectDenied(db, "not_found", () => placeTalk(db, signedInAs(organizer), event.id, { proposalId: submitted.id, ...at }));
    await expectDenied(db, "not_found", () => placeTalk(db, signedInAs(organizer), event.id, { proposalId: declined.id, ...at }));
    await expectDenied(db, "conflict", () => placeTalk(db, signedInAs(organizer), event.id, { proposalId: talks.unconfirmed.id, ...at }));
    const e = await expectDenied(db, "invalid", () =>
      placeTalk(db, signedInAs(organizer), event.id, { proposalId: talks.asm.id, roomId: otherRoom.id, start: at.start }),
    );
    expect(e.fields).toEqual({ roomId: "Choose one of the event's rooms." });
  });

  it("adds breaks and removes items", async () => {
    const db = getDb();
    const { event, organizer, rooms, items } = await programmeEvent(db, { placed: true });
    const coffee = await addBlock(db, signedInAs(organizer), event.id, {
      title: "Coffee",
      roomId: rooms[1].id,
      start: "2027-03-27T15:00",
      durationMinutes: 20,
    });
    await removeItem(db, signedInAs(organizer), event.id, items.asm);
    const left = await db.scheduleItem.findMany({ where: { eventId: event.id }, select: { id: true, title: true } });
    expect(left.map((i) => i.id)).toContain(coffee.id);
    expect(left.map((i) => i.id)).not.toContain(items.asm);
  });

  it("refuses reviewers, speakers, other events' organizers and anonymous visitors, changing nothing", async () => {
    const db = getDb();
    const { event, rooms, talks, items } = await programmeEvent(db, { placed: true });
    const reviewer = await addReviewer(db, event);
    const elsewhere = (await createEvent(db)).organizer;
    const place = { proposalId: talks.unconfirmed.id, roomId: rooms[2].id, start: "2027-03-27T16:00" };
    const move = { itemId: items.pin, roomId: rooms[2].id, start: "2027-03-27T16:00", durationMinutes: 30 };
    const block = { title: "Break", roomId: rooms[2].id, start: "2027-03-27T16:00", durationMinutes: 15 };
    for (const [actor, code] of [
      [reviewer.id, "forbidden"],
      [talks.pin.speaker.id, "not_found"],
      [elsewhere.id, "not_found"],
      [null, "unauthenticated"],
    ] as const) {
      await expectDenied(db, code, () => placeTalk(db, signedInAs(actor), event.id, place));
      await expectDenied(db, code, () => moveItem(db, signedInAs(actor), event.id, move));
      await expectDenied(db, code, () => addBlock(db, signedInAs(actor), event.id, block));
      await expectDenied(db, code, () => removeItem(db, signedInAs(actor), event.id, items.lunch));
      await expectDomainError(() => loadScheduleEditor(db, signedInAs(actor), event.id), code);
    }
  });

  it("never lets an organizer place, move or remove a talk they speak on (ADR 0015), though they see it placed", async () => {
    const db = getDb();
    const { event, rooms, talks, items } = await programmeEvent(db, { placed: true });
    const speakingOrganizer = await addOrganizer(db, event, talks.pin.speaker);
    const own = await createProposal(db, { event, speaker: speakingOrganizer, status: "confirmed" });
    await expectDenied(db, "not_found", () =>
      placeTalk(db, signedInAs(speakingOrganizer.id), event.id, { proposalId: own.id, roomId: rooms[2].id, start: "2027-03-27T16:00" }),
    );
    await expectDenied(db, "not_found", () =>
      moveItem(db, signedInAs(speakingOrganizer.id), event.id, {
        itemId: items.pin,
        roomId: rooms[2].id,
        start: "2027-03-27T16:00",
        durationMinutes: 30,
      }),
    );
    await expectDenied(db, "not_found", () => removeItem(db, signedInAs(speakingOrganizer.id), event.id, items.pin));
    const editor = await loadScheduleEditor(db, signedInAs(speakingOrganizer.id), event.id);
    expect(editor.candidates.map((c) => c.id)).not.toContain(own.id);
    expect(editor.items.find((i) => i.id === items.pin)?.editable).toBe(false);
    expect(editor.items.find((i) => i.id === items.asm)?.editable).toBe(true);
  });
});

describe("schedule warnings", () => {
  it("has none for a clean programme", async () => {
    const db = getDb();
    const { event, organizer, talks } = await programmeEvent(db, { placed: true });
    await db.scheduleItem.deleteMany({ where: { proposalId: talks.unconfirmed.id } });
    const editor = await loadScheduleEditor(db, signedInAs(organizer), event.id);
    expect(editor.warnings).toEqual([]);
    expect(editor.candidates.map((c) => [c.title, c.status])).toEqual([["Not Yet Confirmed", "ACCEPTED"]]);
  });

  it("names two items overlapping in one room, a co-speaker in two places, a slot outside the days and a wrong duration", async () => {
    const db = getDb();
    const { event, organizer, rooms, talks, items } = await programmeEvent(db, { placed: true });
    // Into the lunch break in Amphi A.
    await moveItem(db, signedInAs(organizer), event.id, {
      itemId: items.asm,
      roomId: rooms[0].id,
      start: "2027-03-27T12:30",
      durationMinutes: 30,
    });
    // Noor co-speaks on "Pin Without Tears" (Sat 10:00, Amphi A); her own talk moves to the same time in Salle B.
    await moveItem(db, signedInAs(organizer), event.id, {
      itemId: items.cospeakerTalk,
      roomId: rooms[1].id,
      start: "2027-03-27T10:15",
      durationMinutes: 30,
    });
    // The day after the conference, and longer than a lightning talk.
    await moveItem(db, signedInAs(organizer), event.id, {
      itemId: items.lightning,
      roomId: rooms[2].id,
      start: "2027-03-29T09:00",
      durationMinutes: 20,
    });

    const { warnings } = await loadScheduleEditor(db, signedInAs(organizer), event.id);
    expect(warnings.map((w) => [w.kind, w.itemIds.sort(), w.message])).toEqual(
      expect.arrayContaining([
        ["room-overlap", [items.asm, items.lunch].sort(), '"Lunch" and "Reading the Assembly" overlap in Amphi A.'],
        [
          "speaker-clash",
          [items.pin, items.cospeakerTalk].sort(),
          `Noor Haddad speaks in "Pin Without Tears" (Amphi A) and "Noor's Own Talk" (Salle B) at the same time.`,
        ],
        ["outside-days", [items.lightning], '"Ten Minutes of Miri" is outside the conference days (2027-03-27 to 2027-03-28).'],
        ["duration", [items.lightning], '"Ten Minutes of Miri" lasts 20 minutes; its session type lasts 10.'],
      ]),
    );
    expect(warnings).toHaveLength(4);
    expect(talks.pin).toBeTruthy();
  });

  it("warns about a talk withdrawn or declined after it was placed, and marks an accepted one as unconfirmed", async () => {
    const db = getDb();
    const { event, organizer, rooms, talks, items } = await programmeEvent(db, { placed: true });
    const placed = await placeTalk(db, signedInAs(organizer), event.id, {
      proposalId: talks.unconfirmed.id,
      roomId: rooms[2].id,
      start: "2027-03-27T16:00",
    });
    expect((await loadScheduleEditor(db, signedInAs(organizer), event.id)).warnings).toEqual([
      {
        kind: "unconfirmed",
        itemIds: [placed.id],
        message: '"Not Yet Confirmed" is accepted but not confirmed yet: it is left out of releases until confirmed.',
      },
    ]);
    await transitionProposal(db, signedInAs(talks.unconfirmed.speaker.id), talks.unconfirmed.id, "decline");
    await transitionProposal(db, signedInAs(talks.asm.speaker.id), talks.asm.id, "withdraw");
    const { warnings } = await loadScheduleEditor(db, signedInAs(organizer), event.id);
    expect(warnings.map((w) => [w.kind, w.itemIds, w.message])).toEqual([
      ["left-programme", [items.asm], '"Reading the Assembly" is withdrawn: remove it from the schedule (it is left out of releases).'],
      ["left-programme", [placed.id], '"Not Yet Confirmed" is declined: remove it from the schedule (it is left out of releases).'],
    ]);
  });

  it("warns when the conference days are not set", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await db.room.create({ data: { eventId: event.id, name: "Main", guid: "6f1c7f4e-8f1e-4d0e-9a43-6f3b5c2d1e00" } });
    const room = await db.room.findFirstOrThrow({ where: { eventId: event.id } });
    const talk = await createProposal(db, { event, status: "confirmed" });
    const item = await placeTalk(db, signedInAs(event.organizer.id), event.id, {
      proposalId: talk.id,
      roomId: room.id,
      start: "2027-06-01T10:00",
    });
    expect((await loadScheduleEditor(db, signedInAs(event.organizer.id), event.id)).warnings).toEqual([
      { kind: "outside-days", itemIds: [item.id], message: `"${talk.title}" is placed, but the conference days are not set.` },
    ]);
  });
});

describe("the drag-and-drop grid", () => {
  it("lays each day out in 15-minute slots from 08:00 to 19:00, puts items in the slot their start falls in, and a drop's start is that slot", async () => {
    const db = getDb();
    const { event, organizer, rooms, talks, items } = await programmeEvent(db, { placed: true });
    // Off the grid's slots (10:40) and before the usual day (07:05, on Sunday after the clocks went forward).
    await moveItem(db, signedInAs(organizer), event.id, {
      itemId: items.asm,
      roomId: rooms[1].id,
      start: "2027-03-27T10:40",
      durationMinutes: 30,
    });
    await addBlock(db, signedInAs(organizer), event.id, {
      title: "Early coffee",
      roomId: rooms[2].id,
      start: "2027-03-28T07:05",
      durationMinutes: 20,
    });
    const editor = await loadScheduleEditor(db, signedInAs(organizer), event.id);
    const grid = scheduleGrid(editor.days, editor.items, editor.timeZone);
    expect(SLOT_MINUTES).toBe(15);
    const [saturday, sunday] = grid.days;
    expect(saturday.day).toBe("2027-03-27");
    expect([saturday.slots[0], saturday.slots.at(-1), saturday.slots.length]).toEqual(["08:00", "18:45", 44]);
    expect([sunday.slots[0], sunday.slots.at(-1)]).toEqual(["07:00", "18:45"]);
    const byTitle = (title: string) => grid.items.find((i) => i.title === title)!;
    expect(byTitle("Reading the Assembly")).toMatchObject({ day: "2027-03-27", slot: "10:30", range: "10:40–11:10", roomId: rooms[1].id });
    expect(byTitle("Early coffee")).toMatchObject({ day: "2027-03-28", slot: "07:00", range: "07:05–07:25", proposalId: null });
    expect(byTitle("Pin Without Tears")).toMatchObject({
      proposalId: talks.pin.id,
      status: "CONFIRMED",
      durationMinutes: 30,
      editable: true,
    });

    // A drop sends the slot as the start, with the item's own length: the same move the form makes.
    const pin = byTitle("Pin Without Tears");
    await moveItem(db, signedInAs(organizer), event.id, {
      itemId: pin.id,
      roomId: rooms[2].id,
      start: `${sunday.day}T${sunday.slots[13]}`,
      durationMinutes: pin.durationMinutes,
    });
    const after = scheduleGrid(editor.days, (await loadScheduleEditor(db, signedInAs(organizer), event.id)).items, editor.timeZone);
    expect(after.items.find((i) => i.id === pin.id)).toMatchObject({
      day: "2027-03-28",
      slot: "10:15",
      range: "10:15–10:45",
      roomId: rooms[2].id,
    });
  });
});
