import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { getTestDbUrl, isPostgresRun, useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal, type EventFixture } from "@/tests/factories";
import { createDb, type Db } from "@/lib/db/client";
import { respondByLink } from "@/lib/lifecycle/respond";
import { promoteFromWaitlist } from "@/lib/lifecycle/waitlist";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { activityOf, giveStats, mailTo, responseLinkIn, setDecisionSettings, statesOf } from "./decisions-fixture";
import { afterQuery, barrier, expectDomainError, once } from "./helpers";

const getDb = useTestDb();
const DAY = 86_400_000;

type Traits = {
  avgScore?: number | null;
  normalizedScore?: number;
  sessionType?: "talk" | "lightning";
  pendingDecision?: "ACCEPTED" | "REJECTED";
  submittedDaysAgo?: number;
};

/** A waitlisted proposal with review statistics (none when avgScore is null). */
async function waitlisted(db: Db, event: EventFixture, t: Traits = {}) {
  const proposal = await createProposal(db, {
    event,
    status: "waitlisted",
    sessionType: t.sessionType ?? "talk",
    pendingDecision: t.pendingDecision,
    submittedAt: t.submittedDaysAgo === undefined ? undefined : new Date(Date.now() - t.submittedDaysAgo * DAY),
  });
  if (t.avgScore !== null) await giveStats(db, proposal, { avgScore: t.avgScore ?? 0.5, normalizedScore: t.normalizedScore });
  return proposal;
}

const promotedMails = (db: Db) => db.outboxEmail.findMany({ where: { kind: "promoted" }, select: { to: true, proposalId: true } });
const vacancyMails = (db: Db) =>
  db.outboxEmail.findMany({ where: { kind: "vacancy" }, orderBy: { to: "asc" }, select: { to: true, subject: true, text: true } });

describe("a slot opens: automatic promotion", () => {
  it("declining an accepted talk promotes the best waitlisted talk of the same session type and emails its speaker", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { autoPromoteWaitlist: true });
    const organizer2 = await addOrganizer(db, event);
    await addReviewer(db, event);
    const accepted = await createProposal(db, { event, status: "accepted" });
    const low = await waitlisted(db, event, { avgScore: 0.5 });
    const best = await waitlisted(db, event, { avgScore: 0.9 });
    const unscored = await waitlisted(db, event, { avgScore: null });
    const lightning = await waitlisted(db, event, { avgScore: 1, sessionType: "lightning" });
    const meantToReject = await waitlisted(db, event, { avgScore: 0.95, pendingDecision: "REJECTED" });

    await transitionProposal(db, signedInAs(accepted.speaker.id), accepted.id, "decline");

    expect(await statesOf(db, accepted, best, low, unscored, lightning, meantToReject)).toEqual([
      { status: "DECLINED", pendingDecision: null },
      { status: "ACCEPTED", pendingDecision: null },
      { status: "WAITLISTED", pendingDecision: null },
      { status: "WAITLISTED", pendingDecision: null },
      { status: "WAITLISTED", pendingDecision: null },
      { status: "WAITLISTED", pendingDecision: "REJECTED" },
    ]);
    const [mail] = await mailTo(db, best.speaker.email);
    expect(mail).toMatchObject({ kind: "promoted", proposalId: best.id, subject: `A slot opened: ${best.title} at ${event.name}` });
    expect(responseLinkIn(mail.text)).toMatchObject({ proposalId: best.id, userId: best.speaker.id });
    expect(await promotedMails(db)).toHaveLength(1);
    // Every organizer (not the reviewers) hears about the vacancy and the promotion.
    const vacancies = await vacancyMails(db);
    expect(vacancies.map((m) => m.to)).toEqual([event.organizer.email, organizer2.email].sort());
    for (const m of vacancies) {
      expect(m.subject).toBe(`A slot opened at ${event.name}: "${accepted.title}"`);
      expect(m.text).toContain("was declined by its speakers");
      expect(m.text).toContain(`Automatic promotion moved "${best.title}"`);
    }
    expect((await activityOf(db, best.id)).find((a) => a.kind === "status")).toEqual({
      kind: "status",
      actorId: null,
      data: { from: "WAITLISTED", to: "ACCEPTED", transition: "promote" },
    });
  });

  it("the promoted speaker can confirm from the link in the promotion email", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { autoPromoteWaitlist: true });
    const accepted = await createProposal(db, { event, status: "accepted" });
    const next = await waitlisted(db, event);
    await transitionProposal(db, signedInAs(accepted.speaker.id), accepted.id, "decline");

    await respondByLink(db, responseLinkIn((await mailTo(db, next.speaker.email))[0].text).token, "confirm");

    expect(await statesOf(db, next)).toEqual([{ status: "CONFIRMED", pendingDecision: null }]);
  });

  it("withdrawing a confirmed talk opens its slot too; withdrawing a waitlisted or submitted one does not", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { autoPromoteWaitlist: true });
    const confirmed = await createProposal(db, { event, status: "confirmed" });
    const submitted = await createProposal(db, { event, status: "submitted" });
    const first = await waitlisted(db, event, { avgScore: 0.9 });
    const second = await waitlisted(db, event, { avgScore: 0.8 });

    await transitionProposal(db, signedInAs(submitted.speaker.id), submitted.id, "withdraw");
    await transitionProposal(db, signedInAs(first.speaker.id), first.id, "withdraw");
    expect(await vacancyMails(db)).toEqual([]);
    expect(await promotedMails(db)).toEqual([]);

    await transitionProposal(db, signedInAs(confirmed.speaker.id), confirmed.id, "withdraw");
    expect(await statesOf(db, confirmed, second)).toEqual([
      { status: "WITHDRAWN", pendingDecision: null },
      { status: "ACCEPTED", pendingDecision: null },
    ]);
    expect((await vacancyMails(db))[0].text).toContain("was withdrawn by its speakers");
  });

  it("ties on the average score go to the higher normalized score, then to the earlier submission", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const lateLowNormalized = await waitlisted(db, event, { avgScore: 0.8, normalizedScore: 0.1, submittedDaysAgo: 1 });
    const lateHighNormalized = await waitlisted(db, event, { avgScore: 0.8, normalizedScore: 0.4, submittedDaysAgo: 1 });
    const earlyHighNormalized = await waitlisted(db, event, { avgScore: 0.8, normalizedScore: 0.4, submittedDaysAgo: 5 });
    const unscored = await waitlisted(db, event, { avgScore: null, submittedDaysAgo: 30 });
    const talk = event.sessionTypes[0].id;

    const order: (string | null)[] = [];
    for (let i = 0; i < 5; i++) order.push((await promoteFromWaitlist(db, signedInAs(event.organizer.id), event.id, talk))?.id ?? null);

    expect(order).toEqual([earlyHighNormalized.id, lateHighNormalized.id, lateLowNormalized.id, unscored.id, null]);
  });

  it("with automatic promotion off, nothing is promoted: the organizers are told who is waiting and where to promote", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const accepted = await createProposal(db, { event, status: "accepted" });
    const a = await waitlisted(db, event);
    const b = await waitlisted(db, event);

    await transitionProposal(db, signedInAs(accepted.speaker.id), accepted.id, "decline");

    expect(await statesOf(db, a, b)).toEqual([
      { status: "WAITLISTED", pendingDecision: null },
      { status: "WAITLISTED", pendingDecision: null },
    ]);
    expect(await promotedMails(db)).toEqual([]);
    const [vacancy] = await vacancyMails(db);
    expect(vacancy.text).toContain("2 Talk proposal(s) are on the waitlist");
    expect(vacancy.text).toContain(`/organize/${event.slug}/decisions`);
    expect(await db.outboxEmail.count()).toBe(1);
  });

  it("a waitlisted proposal the organizers mean to reject (pending REJECTED) is never promoted", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { autoPromoteWaitlist: true });
    const accepted = await createProposal(db, { event, status: "accepted" });
    const meantToReject = await waitlisted(db, event, { avgScore: 1, pendingDecision: "REJECTED" });

    await transitionProposal(db, signedInAs(accepted.speaker.id), accepted.id, "decline");
    expect(await promoteFromWaitlist(db, signedInAs(event.organizer.id), event.id, event.sessionTypes[0].id)).toBeNull();

    expect(await statesOf(db, meantToReject)).toEqual([{ status: "WAITLISTED", pendingDecision: "REJECTED" }]);
    expect(await promotedMails(db)).toEqual([]);
  });

  it("an organizer promoting by hand skips a waitlisted talk they speak on, and takes the next best", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const own = await waitlisted(db, event, { avgScore: 1 });
    await db.proposalSpeaker.create({ data: { proposalId: own.id, userId: event.organizer.id, role: "COSPEAKER" } });
    const next = await waitlisted(db, event, { avgScore: 0.5 });

    expect((await promoteFromWaitlist(db, signedInAs(event.organizer.id), event.id, event.sessionTypes[0].id))?.id).toBe(next.id);
    expect(await statesOf(db, own)).toEqual([{ status: "WAITLISTED", pendingDecision: null }]);
  });

  it("the organizers' vacancy email does not offer to promote a waitlisted proposal they mean to reject", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const accepted = await createProposal(db, { event, status: "accepted" });
    await waitlisted(db, event, { pendingDecision: "REJECTED" });

    await transitionProposal(db, signedInAs(accepted.speaker.id), accepted.id, "decline");

    // Its one-click link would answer "Nobody is on this waitlist".
    expect((await vacancyMails(db))[0].text).toContain("No Talk proposal is on the waitlist.");
  });
});

describe("concurrent vacancies", () => {
  it("two accepted talks declined at the same moment promote two different waitlisted talks, never one twice", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { autoPromoteWaitlist: true });
    const one = await createProposal(db, { event, status: "accepted" });
    const two = await createProposal(db, { event, status: "accepted" });
    const first = await waitlisted(db, event, { avgScore: 0.9 });
    const second = await waitlisted(db, event, { avgScore: 0.8 });
    const third = await waitlisted(db, event, { avgScore: 0.7 });
    // Both requests have read their accepted talk before either writes anything.
    const together = afterQuery(db, "proposal", "findUnique", barrier(2));

    const results = await Promise.allSettled([
      transitionProposal(together, signedInAs(one.speaker.id), one.id, "decline"),
      transitionProposal(together, signedInAs(two.speaker.id), two.id, "decline"),
    ]);

    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await statesOf(db, one, two, first, second, third)).toEqual([
      { status: "DECLINED", pendingDecision: null },
      { status: "DECLINED", pendingDecision: null },
      { status: "ACCEPTED", pendingDecision: null },
      { status: "ACCEPTED", pendingDecision: null },
      { status: "WAITLISTED", pendingDecision: null },
    ]);
    const promoted = await promotedMails(db);
    expect(promoted.map((m) => m.proposalId).sort()).toEqual([first.id, second.id].sort());
    for (const p of [first, second]) {
      expect((await activityOf(db, p.id)).filter((a) => a.kind === "status")).toHaveLength(1);
    }
  });

  it("two organizers promoting at the same moment promote two different proposals", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const first = await waitlisted(db, event, { avgScore: 0.9 });
    const second = await waitlisted(db, event, { avgScore: 0.8 });
    // Both organizers are past the permission check and hold the session type before either promotes.
    const together = afterQuery(db, "sessionType", "findFirst", barrier(2));
    const talk = event.sessionTypes[0].id;

    const [a, b] = await Promise.all([
      promoteFromWaitlist(together, signedInAs(event.organizer.id), event.id, talk),
      promoteFromWaitlist(together, signedInAs(organizer2.id), event.id, talk),
    ]);

    expect([a?.id, b?.id].sort()).toEqual([first.id, second.id].sort());
    expect((await promotedMails(db)).map((m) => m.proposalId).sort()).toEqual([first.id, second.id].sort());
  });

  // On SQLite nothing can run between the two: a transaction has the one
  // connection to itself (docs/decisions/0013-one-sqlite-connection-one-lock.md).
  it.runIf(isPostgresRun())(
    "a candidate taken by someone else between reading the waitlist and promoting it is passed over for the next one",
    async () => {
      const db = getDb();
      const event = await createEvent(db);
      const first = await waitlisted(db, event, { avgScore: 0.9 });
      const second = await waitlisted(db, event, { avgScore: 0.8 });
      // Another request (its own client and connection) promotes the first right after promoteBest has read the waitlist.
      const other = createDb(getTestDbUrl());
      const client = afterQuery(
        db,
        "proposal",
        "findMany",
        once(() => other.$executeRaw`UPDATE "Proposal" SET "status" = 'ACCEPTED' WHERE "id" = ${first.id}`),
      );

      try {
        const promoted = await promoteFromWaitlist(client, signedInAs(event.organizer.id), event.id, event.sessionTypes[0].id);
        expect(promoted?.id).toBe(second.id);
      } finally {
        await other.$disconnect();
      }
      expect((await promotedMails(db)).map((m) => m.proposalId)).toEqual([second.id]);
    },
  );
});

describe("promoteFromWaitlist: one click by an organizer", () => {
  it("promotes the best waitlisted proposal of the chosen session type, emails its speakers, logs the organizer", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const talk = await waitlisted(db, event, { avgScore: 0.6 });
    const lightning = await waitlisted(db, event, { avgScore: 0.9, sessionType: "lightning" });

    const promoted = await promoteFromWaitlist(db, signedInAs(event.organizer.id), event.id, event.sessionTypes[0].id);

    expect(promoted).toEqual({ id: talk.id, title: talk.title });
    expect(await statesOf(db, talk, lightning)).toEqual([
      { status: "ACCEPTED", pendingDecision: null },
      { status: "WAITLISTED", pendingDecision: null },
    ]);
    expect(await mailTo(db, talk.speaker.email)).toMatchObject([{ kind: "promoted", status: "QUEUED" }]);
    const log = await activityOf(db, talk.id);
    expect(log).toEqual([
      { kind: "status", actorId: event.organizer.id, data: { from: "WAITLISTED", to: "ACCEPTED", transition: "promote" } },
      expect.objectContaining({ kind: "email", actorId: event.organizer.id }),
    ]);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: talk.id } })).decidedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("returns null when nobody of that session type is waiting", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await waitlisted(db, event, { sessionType: "lightning" });
    expect(await promoteFromWaitlist(db, signedInAs(event.organizer.id), event.id, event.sessionTypes[0].id)).toBeNull();
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("refuses a session type of another event (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db, { organizer: event.organizer });
    await waitlisted(db, other);
    await expectDomainError(promoteFromWaitlist(db, signedInAs(event.organizer.id), event.id, other.sessionTypes[0].id), "not_found");
    expect(await db.outboxEmail.count()).toBe(0);
  });
});

describe("the confirmation deadline and late promotions", () => {
  it("a talk promoted after the confirmation deadline can still be confirmed by its speakers", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { autoPromoteWaitlist: true, confirmationDeadline: new Date(Date.now() - DAY) });
    const accepted = await createProposal(db, { event, status: "accepted" });
    const next = await waitlisted(db, event);
    await transitionProposal(db, signedInAs(accepted.speaker.id), accepted.id, "decline");
    expect(await statesOf(db, next)).toEqual([{ status: "ACCEPTED", pendingDecision: null }]);

    await transitionProposal(db, signedInAs(next.speaker.id), next.id, "confirm");

    expect(await statesOf(db, next)).toEqual([{ status: "CONFIRMED", pendingDecision: null }]);
  });

  it("the link in a promotion email sent after the confirmation deadline has not already expired", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { autoPromoteWaitlist: true, confirmationDeadline: new Date(Date.now() - DAY) });
    const accepted = await createProposal(db, { event, status: "accepted" });
    const next = await waitlisted(db, event);
    await transitionProposal(db, signedInAs(accepted.speaker.id), accepted.id, "decline");

    const [mail] = await mailTo(db, next.speaker.email);
    expect(responseLinkIn(mail.text).expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describe("a promotion happens at the moment of the call (injected clock)", () => {
  const AT = new Date("2025-06-01T09:00:00.000Z");
  const clock = { now: () => new Date(AT) };

  it("by hand: decidedAt is that moment, and the emailed link lasts two weeks from it", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { confirmationDeadline: new Date(AT.getTime() - DAY) });
    const talk = await waitlisted(db, event);

    await promoteFromWaitlist(db, signedInAs(event.organizer.id), event.id, event.sessionTypes[0].id, { clock });

    expect((await db.proposal.findUniqueOrThrow({ where: { id: talk.id } })).decidedAt).toEqual(AT);
    const [mail] = await mailTo(db, talk.speaker.email);
    expect(responseLinkIn(mail.text, AT).expiresAt).toEqual(new Date(AT.getTime() + 14 * DAY));
  });

  it("into a slot a decline freed: stamped with the decline's moment", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { autoPromoteWaitlist: true });
    const accepted = await createProposal(db, { event, status: "accepted" });
    const next = await waitlisted(db, event);

    await transitionProposal(db, signedInAs(accepted.speaker.id), accepted.id, "decline", { clock });

    const rows = await db.proposal.findMany({
      where: { id: { in: [accepted.id, next.id] } },
      select: { id: true, respondedAt: true, decidedAt: true },
    });
    expect(rows.find((r) => r.id === accepted.id)?.respondedAt).toEqual(AT);
    expect(rows.find((r) => r.id === next.id)?.decidedAt).toEqual(AT);
  });
});
