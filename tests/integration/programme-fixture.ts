import { signedInAs } from "@/lib/auth/actor";
// Shared set-up for the programme tests (programme-*.test.ts); not a test file.
import type { Db } from "@/lib/db/client";
import { createEvent, createProposal, createUser } from "@/tests/factories";
import { updateConference } from "@/lib/programme/conference";
import { addBlock, placeTalk } from "@/lib/programme/place";

/**
 * An event in Europe/Paris on 27–28 March 2027 (clocks go forward on the
 * night to Sunday 28), three rooms, four confirmed talks (one with a
 * co-speaker who also gives another talk), an accepted unconfirmed talk, and a
 * lunch break. Nothing is placed unless `placed` is true.
 */
export async function programmeEvent(db: Db, { placed = false } = {}) {
  const event = await createEvent(db, { timeZone: "Europe/Paris", name: "Borrow Checker Days 2027" });
  const organizer = event.organizer.id;
  await updateConference(db, signedInAs(organizer), event.id, {
    startsOn: "2027-03-27",
    endsOn: "2027-03-28",
    venue: "Centre de Congrès, Lyon",
    rooms: [{ name: "Amphi A", capacity: 400 }, { name: "Salle B", capacity: 120 }, { name: "Atelier C" }],
  });
  const rooms = await db.room.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } });
  const cospeaker = await createUser(db, { name: "Noor Haddad" });
  const talks = {
    pin: await createProposal(db, { event, status: "confirmed", cospeakers: [cospeaker], title: "Pin Without Tears" }),
    asm: await createProposal(db, { event, status: "confirmed", title: "Reading the Assembly" }),
    embedded: await createProposal(db, { event, status: "confirmed", title: "Embassy on a Pico" }),
    lightning: await createProposal(db, { event, status: "confirmed", sessionType: "lightning", title: "Ten Minutes of Miri" }),
    unconfirmed: await createProposal(db, { event, status: "accepted", title: "Not Yet Confirmed" }),
  };
  const cospeakerTalk = await createProposal(db, { event, speaker: cospeaker, status: "confirmed", title: "Noor's Own Talk" });
  const [a, b, c] = rooms;
  const items: Record<string, string> = {};
  if (placed) {
    items.pin = (
      await placeTalk(db, signedInAs(organizer), event.id, { proposalId: talks.pin.id, roomId: a.id, start: "2027-03-27T10:00" })
    ).id;
    items.asm = (
      await placeTalk(db, signedInAs(organizer), event.id, { proposalId: talks.asm.id, roomId: b.id, start: "2027-03-27T10:00" })
    ).id;
    items.lunch = (
      await addBlock(db, signedInAs(organizer), event.id, { title: "Lunch", roomId: a.id, start: "2027-03-27T12:00", durationMinutes: 60 })
    ).id;
    // Sunday, after the clocks went forward: 10:00 is UTC+2.
    items.embedded = (
      await placeTalk(db, signedInAs(organizer), event.id, { proposalId: talks.embedded.id, roomId: a.id, start: "2027-03-28T10:00" })
    ).id;
    items.lightning = (
      await placeTalk(db, signedInAs(organizer), event.id, { proposalId: talks.lightning.id, roomId: c.id, start: "2027-03-28T11:00" })
    ).id;
    items.cospeakerTalk = (
      await placeTalk(db, signedInAs(organizer), event.id, { proposalId: cospeakerTalk.id, roomId: b.id, start: "2027-03-28T14:00" })
    ).id;
  }
  return { event, organizer, rooms, cospeaker, talks: { ...talks, cospeakerTalk }, items };
}
