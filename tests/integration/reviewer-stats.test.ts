import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { reviewerStats } from "@/lib/reviews/ranking/reviewer-stats";
import { meanDifferenceDisplay } from "@/lib/reviews/ranking/format";
import { expectDenied } from "./helpers";
import { review, smallEvent, speakerOf } from "./ranking-fixture";

const getDb = useTestDb();

/** smallEvent plus assignments, some done, some open, one on a decided proposal. */
async function eventWithAssignments(db: Db) {
  const s = await smallEvent(db);
  const [r1, r2, r3] = s.reviewers;
  const assign = (proposalId: string, reviewerId: string) => ({ eventId: s.event.id, proposalId, reviewerId });
  await db.reviewAssignment.createMany({
    data: [
      assign(s.p.A.id, r1.id), // reviewed
      assign(s.p.E.id, r1.id), // open
      assign(s.p.B.id, r2.id), // open
      assign(s.p.E.id, r2.id), // open
      assign(s.p.D.id, r2.id), // reviewed
      assign(s.p.A.id, r3.id), // reviewed
      assign(s.p.D.id, r3.id), // not reviewed, but D is decided: nothing left to do
    ],
  });
  return s;
}

describe("reviewerStats", () => {
  it("gives each reviewer's reviews done, open assignments, mean and spread, computed by hand", async () => {
    const db = getDb();
    const s = await eventWithAssignments(db);
    const [r1, r2, r3] = s.reviewers;
    const idle = await addReviewer(db, s.event);

    const stats = await reviewerStats(db, signedInAs(s.event.organizer.id), s.event.id);
    const row = (id: string) => stats.reviewers.find((r) => r.reviewerId === id)!;

    // Scores in eighteenths: R1 6, 2, 15; R2 6, 9, 3; R3 18, 14, 15. Two scales, so percent.
    expect(row(r1.id)).toMatchObject({
      role: "REVIEWER",
      pending: 1,
      summary: { reviewsDone: 3, mean: { label: "43%" }, spread: { text: "37" } },
    });
    expect(row(r2.id)).toMatchObject({ pending: 2, summary: { reviewsDone: 3, mean: { label: "33%" }, spread: { text: "17" } } });
    expect(row(r3.id)).toMatchObject({ pending: 0, summary: { reviewsDone: 3, mean: { label: "87%" }, spread: { text: "12" } } });
    expect(row(r1.id).profile.mean).toBeCloseTo(23 / 54, 12);
    expect(row(r1.id).profile.stddev).toBeCloseTo(Math.sqrt(798 / 9 / 2) / 18, 12); // deviations −5/3, −17/3, 22/3
    expect(row(r2.id).profile.stddev).toBeCloseTo(3 / 18, 12); // deviations 0, 3, −3; n − 1 = 2
    expect(row(idle.id)).toMatchObject({
      pending: 0,
      summary: { reviewsDone: 0, mean: { text: "—" }, spread: { text: "—" } },
      profile: { count: 0 },
    });
    expect(stats.reviewers).toHaveLength(4); // the organizer reviewed nothing: not listed
  });

  it("puts each reviewer's distribution next to the team's, in the event's bins", async () => {
    const db = getDb();
    const s = await eventWithAssignments(db);
    const [r1, r2, r3] = s.reviewers;

    const stats = await reviewerStats(db, signedInAs(s.event.organizer.id), s.event.id);
    const counts = (id: string) => stats.reviewers.find((r) => r.reviewerId === id)!.profile.histogram.map((b) => b.count);

    expect(stats.team.histogram.map((b) => b.label)).toEqual(["0–20%", "20–40%", "40–60%", "60–80%", "80–100%"]);
    expect(stats.team.histogram.map((b) => b.count)).toEqual([2, 2, 1, 1, 3]);
    expect(stats.team.count).toBe(9);
    expect(stats.team.mean).toBeCloseTo(88 / 162, 12);
    expect(counts(r1.id)).toEqual([1, 1, 0, 0, 1]);
    expect(counts(r2.id)).toEqual([1, 1, 1, 0, 0]);
    expect(counts(r3.id)).toEqual([0, 0, 0, 1, 2]);
    // R3 is the lenient one: 33 percentage points above the team.
    expect(meanDifferenceDisplay(stats.reviewers.find((r) => r.reviewerId === r3.id)!.profile.mean, stats.team.mean, stats.criteria)).toBe(
      "+33 percentage points",
    );
  });

  it("lists reviewers by name", async () => {
    const db = getDb();
    const s = await smallEvent(db);
    const names = (await reviewerStats(db, signedInAs(s.event.organizer.id), s.event.id)).reviewers.map((r) => r.name!);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it("lists organizers who reviewed and people who left the team, with their role", async () => {
    const db = getDb();
    const s = await smallEvent(db);
    const [, r2] = s.reviewers;
    await review(db, s.event, s.p.E, s.event.organizer, 18);
    await db.eventMember.delete({ where: { eventId_userId: { eventId: s.event.id, userId: r2.id } } });

    const stats = await reviewerStats(db, signedInAs(s.event.organizer.id), s.event.id);
    const row = (id: string) => stats.reviewers.find((r) => r.reviewerId === id);

    expect(row(s.event.organizer.id)).toMatchObject({ role: "ORGANIZER", summary: { reviewsDone: 1, mean: { label: "100%" } } });
    expect(row(r2.id)).toMatchObject({ role: null, summary: { reviewsDone: 3 } });
    expect(stats.team.count).toBe(10);
  });

  it("leaves out reviews of proposals the organizer speaks on", async () => {
    const db = getDb();
    const s = await smallEvent(db);
    const [r1] = s.reviewers;
    const own = await createProposal(db, { event: s.event, speaker: s.event.organizer, status: "submitted" });
    await review(db, s.event, own, r1, 18);
    await db.reviewAssignment.create({ data: { eventId: s.event.id, proposalId: own.id, reviewerId: s.reviewers[1].id } });

    const mine = await reviewerStats(db, signedInAs(s.event.organizer.id), s.event.id);
    const colleague = await reviewerStats(db, signedInAs((await addOrganizer(db, s.event)).id), s.event.id);
    const r1Row = (stats: typeof mine) => stats.reviewers.find((r) => r.reviewerId === r1.id)!;
    const r2Row = (stats: typeof mine) => stats.reviewers.find((r) => r.reviewerId === s.reviewers[1].id)!;

    expect(r1Row(mine).summary.reviewsDone).toBe(3);
    expect(r2Row(mine).pending).toBe(0);
    expect(mine.team.count).toBe(9);
    expect(r1Row(colleague).summary.reviewsDone).toBe(4);
    expect(r2Row(colleague).pending).toBe(1);
  });

  it("shows an event without reviews as empty distributions", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const stats = await reviewerStats(db, signedInAs(event.organizer.id), event.id);
    expect(stats.team).toMatchObject({ count: 0, mean: null });
    expect(stats.team.histogram.map((b) => b.label)).toEqual(["1", "2", "3", "4", "5"]);
    expect(stats.reviewers.map((r) => r.reviewerId)).toEqual([reviewer.id]);
  });
});

describe("reviewerStats: who may see it", () => {
  it("refuses a reviewer of the same event (forbidden), revealing nothing", async () => {
    const db = getDb();
    const s = await eventWithAssignments(db);
    const error = await expectDenied(db, "forbidden", () => reviewerStats(db, signedInAs(s.reviewers[0].id), s.event.id));
    expect(error.message).not.toMatch(/%|review/i);
  });

  it("refuses an organizer of another event (not_found)", async () => {
    const db = getDb();
    const s = await eventWithAssignments(db);
    const other = await createEvent(db);
    await expectDenied(db, "not_found", () => reviewerStats(db, signedInAs(other.organizer.id), s.event.id));
  });

  it("refuses a speaker of the event (not_found)", async () => {
    const db = getDb();
    const s = await eventWithAssignments(db);
    const speaker = await speakerOf(db, s.event);
    await expectDenied(db, "not_found", () => reviewerStats(db, signedInAs(speaker.id), s.event.id));
  });

  it("refuses an anonymous caller (unauthenticated)", async () => {
    const db = getDb();
    const s = await eventWithAssignments(db);
    await expectDenied(db, "unauthenticated", () => reviewerStats(db, signedInAs(undefined), s.event.id));
  });
});
