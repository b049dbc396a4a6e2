import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { createEvent, createProposal, createUser } from "@/tests/factories";
import { programmeStatus, sendConfirmationReminders } from "@/lib/decisions/confirmations";
import { updateDecisionSettings } from "@/lib/decisions/settings";
import { activityOf, mailTo, responseLinkIn, setDecisionSettings } from "./decisions-fixture";
import { expectDenied } from "./helpers";

const getDb = useTestDb();

describe("sendConfirmationReminders", () => {
  it("reminds only the speakers of accepted proposals that have not answered, with their own link", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db, { organizer: event.organizer });
    const cospeaker = await createUser(db);
    const waiting = await createProposal(db, { event, status: "accepted", cospeakers: [cospeaker] });
    const confirmed = await createProposal(db, { event, status: "confirmed" });
    const declined = await createProposal(db, { event, status: "declined" });
    const waitlisted = await createProposal(db, { event, status: "waitlisted" });
    const pending = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });
    const elsewhere = await createProposal(db, { event: other, status: "accepted" });

    expect(await sendConfirmationReminders(db, signedInAs(event.organizer.id), event.id)).toEqual({ reminded: 1 });

    for (const speaker of [waiting.speaker, cospeaker]) {
      const [mail] = await mailTo(db, speaker.email);
      expect(mail).toMatchObject({ kind: "confirmation-reminder", status: "QUEUED", subject: `Reminder: please confirm ${waiting.title}` });
      expect(responseLinkIn(mail.text)).toMatchObject({ proposalId: waiting.id, userId: speaker.id });
    }
    for (const p of [confirmed, declined, waitlisted, pending, elsewhere]) expect(await mailTo(db, p.speaker.email)).toEqual([]);
    expect(await db.outboxEmail.count()).toBe(2);
    expect((await activityOf(db, waiting.id)).map((a) => [a.kind, a.actorId, a.data.kind])).toEqual([
      ["email", event.organizer.id, "confirmation-reminder"],
      ["email", event.organizer.id, "confirmation-reminder"],
    ]);
  });

  it("reminds only the selected proposals, ignoring ones that are not waiting or belong to another event", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db, { organizer: event.organizer });
    const chosen = await createProposal(db, { event, status: "accepted" });
    const notChosen = await createProposal(db, { event, status: "accepted" });
    const confirmed = await createProposal(db, { event, status: "confirmed" });
    const elsewhere = await createProposal(db, { event: other, status: "accepted" });

    expect(await sendConfirmationReminders(db, signedInAs(event.organizer.id), event.id, [chosen.id, confirmed.id, elsewhere.id])).toEqual({
      reminded: 1,
    });

    expect((await db.outboxEmail.findMany({ select: { proposalId: true } })).map((m) => m.proposalId)).toEqual([chosen.id]);
    expect(await mailTo(db, notChosen.speaker.email)).toEqual([]);
  });

  it("holds reminders in the outbox when the event holds email", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { holdOutbox: true });
    const waiting = await createProposal(db, { event, status: "accepted" });
    await sendConfirmationReminders(db, signedInAs(event.organizer.id), event.id);
    expect(await mailTo(db, waiting.speaker.email)).toMatchObject([{ kind: "confirmation-reminder", status: "HELD" }]);
  });
});

describe("programmeStatus", () => {
  it("groups the programme: waiting for confirmation (with the last reminder), confirmed, declined, waitlisted", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const waiting = await createProposal(db, { event, status: "accepted" });
    const reminded = await createProposal(db, { event, status: "accepted" });
    const confirmed = await createProposal(db, { event, status: "confirmed" });
    const declined = await createProposal(db, { event, status: "declined" });
    const waitlisted = await createProposal(db, { event, status: "waitlisted" });
    await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });
    await createProposal(db, { event, status: "rejected" });
    await sendConfirmationReminders(db, signedInAs(event.organizer.id), event.id, [reminded.id]);

    const programme = await programmeStatus(db, signedInAs(event.organizer.id), event.id);

    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    expect(ids(programme.unconfirmed)).toEqual([waiting.id, reminded.id].sort());
    expect(ids(programme.confirmed)).toEqual([confirmed.id]);
    expect(ids(programme.declined)).toEqual([declined.id]);
    expect(ids(programme.waitlisted)).toEqual([waitlisted.id]);
    expect(programme.unconfirmed.find((r) => r.id === waiting.id)!.activities).toEqual([]);
    expect(programme.unconfirmed.find((r) => r.id === reminded.id)!.activities).toEqual([{ createdAt: expect.any(Date) }]);
    expect(programme.confirmed[0]).toMatchObject({
      title: confirmed.title,
      respondedAt: expect.any(Date),
      speakers: [{ user: { email: confirmed.speaker.email } }],
    });
  });
});

describe("updateDecisionSettings", () => {
  it("stores the deadline typed in the event's time zone as UTC, and the two switches", async () => {
    const db = getDb();
    const event = await createEvent(db, { timeZone: "Europe/Paris" });

    await updateDecisionSettings(db, signedInAs(event.organizer.id), event.id, {
      confirmationDeadline: "2031-05-02T18:00",
      autoPromoteWaitlist: true,
      holdOutbox: true,
    });

    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      confirmationDeadline: new Date("2031-05-02T16:00:00Z"),
      autoPromoteWaitlist: true,
      holdOutbox: true,
    });
    await updateDecisionSettings(db, signedInAs(event.organizer.id), event.id, {
      confirmationDeadline: "",
      autoPromoteWaitlist: false,
      holdOutbox: false,
    });
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      confirmationDeadline: null,
      autoPromoteWaitlist: false,
      holdOutbox: false,
    });
  });

  it("refuses a deadline in the spring-forward gap (30 Mar 2031 02:30 does not exist in Europe/Paris): invalid, on the field, nothing stored", async () => {
    const db = getDb();
    const event = await createEvent(db, { timeZone: "Europe/Paris" });
    const error = await expectDenied(db, "invalid", () =>
      updateDecisionSettings(db, signedInAs(event.organizer.id), event.id, {
        confirmationDeadline: "2031-03-30T02:30",
        autoPromoteWaitlist: true,
        holdOutbox: false,
      }),
    );
    expect(error.fields?.confirmationDeadline).toMatch(/does not exist/);
  });
});
