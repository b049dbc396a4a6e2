import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal, createReview, type EventFixture } from "@/tests/factories";
import { expectRefused } from "./helpers";
import { saveReview } from "@/lib/reviews/save-review";
import { nextUnreviewed, reviewerQueue } from "@/lib/reviews/queue";
import { proposalForReviewer } from "@/lib/reviews/reviewer-access";
import { ownReview, reviewerView } from "@/lib/reviews/team-view";
import { reviewInput } from "@/lib/reviews/schemas";
import { afterFirst, afterQuery, barrier, expectDomainError, snapshot } from "./helpers";

const getDb = useTestDb();
/** A review giving `value` on the event's one default criterion ("Overall", 1–5). */
const review = (event: Pick<EventFixture, "criteria">, value: number, comment = "") =>
  reviewInput.parse({ scores: { [event.criteria[0].id]: String(value) }, comment });
// Stored scores are on 0..1: on the 1–5 "Overall" scale, 1 → 0, 2 → 0.25, 3 → 0.5, 4 → 0.75, 5 → 1.

const statsOf = (db: ReturnType<typeof getDb>, proposalId: string) =>
  db.proposalStats.findUniqueOrThrow({
    where: { proposalId },
    select: { eventId: true, reviewCount: true, scoreSum: true, avgScore: true },
  });

describe("saveReview", () => {
  it("creates the reviewer's review and the proposal's stats", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted" });

    const saved = await saveReview(db, signedInAs(reviewer.id), proposal.id, review(event, 4, "Solid outline."));

    expect(saved).toMatchObject({ proposalId: proposal.id, reviewerId: reviewer.id, score: 0.75, comment: "Solid outline." });
    expect(await db.reviewScore.findMany({ where: { reviewId: saved.id }, select: { criterionId: true, value: true } })).toEqual([
      { criterionId: event.criteria[0].id, value: 4 },
    ]);
    expect(await statsOf(db, proposal.id)).toEqual({ eventId: event.id, reviewCount: 1, scoreSum: 0.75, avgScore: 0.75 });
  });

  it("lets an organizer review too", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await saveReview(db, signedInAs(event.organizer.id), proposal.id, review(event, 2));
    expect(await statsOf(db, proposal.id)).toMatchObject({ reviewCount: 1, avgScore: 0.25 });
  });

  it("saving twice keeps ONE review per reviewer, updated, and recounts the stats exactly", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const other = await addReviewer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await saveReview(db, signedInAs(other.id), proposal.id, review(event, 2));

    const first = await saveReview(db, signedInAs(reviewer.id), proposal.id, review(event, 5, "Great"));
    const second = await saveReview(db, signedInAs(reviewer.id), proposal.id, review(event, 3, "On reflection, fine"));

    expect(second.id).toBe(first.id);
    const reviews = await db.review.findMany({ where: { proposalId: proposal.id, reviewerId: reviewer.id } });
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ score: 0.5, comment: "On reflection, fine" });
    expect(await db.reviewScore.findMany({ where: { reviewId: first.id }, select: { value: true } })).toEqual([{ value: 3 }]);
    expect(await db.review.count({ where: { proposalId: proposal.id } })).toBe(2);
    // 2 → 0.25 and 3 → 0.5: all multiples of 1/4, so the totals are exact.
    expect(await statsOf(db, proposal.id)).toEqual({ eventId: event.id, reviewCount: 2, scoreSum: 0.75, avgScore: 0.375 });
  });

  it("keeps exact totals for an average that is not a binary fraction (1, 2, 2 → 0, 0.25, 0.25 → 1/6)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    for (const score of [1, 2, 2]) await saveReview(db, signedInAs((await addReviewer(db, event)).id), proposal.id, review(event, score));
    const stats = await statsOf(db, proposal.id);
    expect(stats).toMatchObject({ eventId: event.id, reviewCount: 3, scoreSum: 0.5 });
    // Prisma writes Float values with 16 significant digits (0.1666666666666667), so the
    // stored average is 1/6 to within one unit in the last place, not bit-identical.
    expect(stats.avgScore).toBeCloseTo(1 / 6, 15);
  });

  it("repairs the totals from the reviews when the stats row is missing or wrong", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    const r1 = await addReviewer(db, event);
    await createReview(db, { proposal, reviewer: r1, score: 5, updateStats: false });
    expect(await db.proposalStats.count()).toBe(0);

    await saveReview(db, signedInAs((await addReviewer(db, event)).id), proposal.id, review(event, 2));

    // 5 → 1 and 2 → 0.25.
    expect(await statsOf(db, proposal.id)).toEqual({ eventId: event.id, reviewCount: 2, scoreSum: 1.25, avgScore: 0.625 });
  });

  it("5 reviewers saving concurrently (Promise.all): reviewCount 5 and the exact average", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    const reviewers = [];
    for (let i = 0; i < 5; i++) reviewers.push(await addReviewer(db, event));
    const scores = [5, 4, 4, 2, 1];

    await Promise.all(reviewers.map((r, i) => saveReview(db, signedInAs(r.id), proposal.id, review(event, scores[i]))));

    expect(await db.review.count({ where: { proposalId: proposal.id } })).toBe(5);
    // 1 + 0.75 + 0.75 + 0.25 + 0 = 2.75, exact in any order.
    expect(await statsOf(db, proposal.id)).toEqual({ eventId: event.id, reviewCount: 5, scoreSum: 2.75, avgScore: 2.75 / 5 });
  });

  it("5 reviewers that all read the proposal before any writes: the totals are still exact", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    const reviewers = [];
    for (let i = 0; i < 5; i++) reviewers.push(await addReviewer(db, event));
    const together = afterQuery(db, "proposal", "findFirst", barrier(5));

    await Promise.all(reviewers.map((r, i) => saveReview(together, signedInAs(r.id), proposal.id, review(event, i + 1))));

    // 0 + 0.25 + 0.5 + 0.75 + 1.
    expect(await statsOf(db, proposal.id)).toEqual({ eventId: event.id, reviewCount: 5, scoreSum: 2.5, avgScore: 0.5 });
  });

  it("the same reviewer saving concurrently twice still has ONE review", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted" });

    const results = await Promise.allSettled([
      saveReview(db, signedInAs(reviewer.id), proposal.id, review(event, 1)),
      saveReview(db, signedInAs(reviewer.id), proposal.id, review(event, 5)),
    ]);

    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const rows = await db.review.findMany({ where: { proposalId: proposal.id } });
    expect(rows).toHaveLength(1);
    expect([0, 1]).toContain(rows[0].score);
    // Whichever write won, its per-criterion row matches its score (no mix of the two).
    expect(await db.reviewScore.findMany({ where: { reviewId: rows[0].id }, select: { value: true } })).toEqual([
      { value: rows[0].score === 0 ? 1 : 5 },
    ]);
    expect(await statsOf(db, proposal.id)).toMatchObject({ reviewCount: 1, scoreSum: rows[0].score, avgScore: rows[0].score });
  });

  it("refuses an anonymous caller (unauthenticated) and changes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await expectRefused(db, "unauthenticated", () => saveReview(db, signedInAs(null), proposal.id, review(event, 3)));
  });

  it("refuses a review from the proposal's own speaker who is not on the team (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await expectRefused(db, "not_found", () => saveReview(db, signedInAs(proposal.speaker.id), proposal.id, review(event, 5)));
  });

  it("refuses another speaker (not_found) and changes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    const other = await createProposal(db, { event, status: "submitted" });
    await expectRefused(db, "not_found", () => saveReview(db, signedInAs(other.speaker.id), proposal.id, review(event, 1)));
  });

  it("refuses a review from the proposal's own speaker who is a reviewer of the event (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const own = await createProposal(db, { event, speaker: reviewer, status: "submitted" });
    await expectRefused(db, "forbidden", () => saveReview(db, signedInAs(reviewer.id), own.id, review(event, 5)));
  });

  it("refuses a review from a co-speaker who is an organizer of the event (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted", cospeakers: [event.organizer] });
    await expectRefused(db, "forbidden", () => saveReview(db, signedInAs(event.organizer.id), proposal.id, review(event, 5)));
  });

  it("refuses a reviewer of another event (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const reviewer = await addReviewer(db, other);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await expectRefused(db, "not_found", () => saveReview(db, signedInAs(reviewer.id), proposal.id, review(event, 3)));
  });

  it("refuses an organizer of another event (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await expectRefused(db, "not_found", () => saveReview(db, signedInAs(other.organizer.id), proposal.id, review(event, 3)));
  });

  it.each(["draft", "withdrawn"] as const)("refuses to review a %s proposal (not_found: invisible to the team)", async (status) => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event, status });
    await expectRefused(db, "not_found", () => saveReview(db, signedInAs(reviewer.id), proposal.id, review(event, 3)));
  });

  it.each(["accepted", "rejected"] as const)("refuses to review a %s proposal (conflict: reviews are closed)", async (status) => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event, status });
    await expectRefused(db, "conflict", () => saveReview(db, signedInAs(reviewer.id), proposal.id, review(event, 3)));
  });

  it("refuses an unknown proposal id (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await expectRefused(db, "not_found", () => saveReview(db, signedInAs(event.organizer.id), "no-such-proposal", review(event, 3)));
  });

  it("refuses a stale review: the proposal was accepted after the review request loaded it (conflict, nothing written)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await saveReview(db, signedInAs(reviewer.id), proposal.id, review(event, 4));
    // The decision is written directly: what matters here is saveReview's re-check, not how organizers decide.
    const { client: stale, after: afterAccept } = afterFirst(db, "proposal", "findFirst", async () => {
      await db.proposal.update({ where: { id: proposal.id }, data: { status: "ACCEPTED", decidedAt: new Date() } });
    });

    await expectDomainError(saveReview(stale, signedInAs(reviewer.id), proposal.id, review(event, 1)), "conflict");

    expect(await snapshot(db)).toEqual(afterAccept());
    expect(await statsOf(db, proposal.id)).toMatchObject({ reviewCount: 1, avgScore: 0.75 });
    expect(await db.reviewScore.findMany({ select: { value: true } })).toEqual([{ value: 4 }]);
  });
});

describe("proposalForReviewer", () => {
  it("returns the proposal, the actor's role and id for a reviewer of its event", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted" });

    const access = await proposalForReviewer(db, signedInAs(reviewer.id), proposal.id);

    expect(access.userId).toBe(reviewer.id);
    expect(access.role).toBe("REVIEWER");
    expect(access.proposal).toMatchObject({
      id: proposal.id,
      event: { id: event.id },
      sessionType: { id: event.sessionTypes[0].id },
      track: { id: event.tracks[0].id },
    });
  });

  it("shows decided proposals to the team (read only)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "accepted" });
    expect((await proposalForReviewer(db, signedInAs(event.organizer.id), proposal.id)).role).toBe("ORGANIZER");
  });

  it("refuses an anonymous caller (unauthenticated)", async () => {
    const db = getDb();
    const proposal = await createProposal(db, { event: await createEvent(db), status: "submitted" });
    await expectDomainError(() => proposalForReviewer(db, signedInAs(null), proposal.id), "unauthenticated");
  });

  it.each(["draft", "withdrawn"] as const)("hides a %s proposal from the team (not_found)", async (status) => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status });
    await expectDomainError(proposalForReviewer(db, signedInAs(event.organizer.id), proposal.id), "not_found");
  });

  it("refuses a reviewer of another event (not_found)", async () => {
    const db = getDb();
    const reviewer = await addReviewer(db, await createEvent(db));
    const proposal = await createProposal(db, { event: await createEvent(db), status: "submitted" });
    await expectDomainError(proposalForReviewer(db, signedInAs(reviewer.id), proposal.id), "not_found");
  });

  it("refuses a speaker who is not on the team (not_found)", async () => {
    const db = getDb();
    const proposal = await createProposal(db, { event: await createEvent(db), status: "submitted" });
    await expectDomainError(proposalForReviewer(db, signedInAs(proposal.speaker.id), proposal.id), "not_found");
  });

  it("refuses a reviewer on their own proposal (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const own = await createProposal(db, { event, speaker: reviewer, status: "submitted" });
    await expectDomainError(proposalForReviewer(db, signedInAs(reviewer.id), own.id), "forbidden");
  });
});

describe("reviewerQueue", () => {
  it("lists only submitted proposals: no drafts, withdrawn or decided ones", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const submitted = await createProposal(db, { event, status: "submitted" });
    for (const status of ["draft", "withdrawn", "accepted", "rejected"] as const) await createProposal(db, { event, status });

    const queue = await reviewerQueue(db, signedInAs(reviewer.id), event.id);

    expect(queue.items.map((i) => i.id)).toEqual([submitted.id]);
    expect(queue.role).toBe("REVIEWER");
  });

  it("leaves out the reviewer's own proposals, owned or co-spoken", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    await createProposal(db, { event, speaker: reviewer, status: "submitted" });
    await createProposal(db, { event, status: "submitted", cospeakers: [reviewer] });
    const others = await createProposal(db, { event, status: "submitted" });

    const queue = await reviewerQueue(db, signedInAs(reviewer.id), event.id);

    expect(queue.items.map((i) => i.id)).toEqual([others.id]);
    expect(queue.progress.total).toBe(1);
  });

  it("leaves out proposals of other events", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    await createProposal(db, { event: await createEvent(db), status: "submitted" });
    expect((await reviewerQueue(db, signedInAs(reviewer.id), event.id)).items).toEqual([]);
  });

  it("reports reviewed/total and the reviewer's own score only", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const colleague = await addReviewer(db, event);
    const a = await createProposal(db, { event, status: "submitted" });
    const b = await createProposal(db, { event, status: "submitted" });
    const c = await createProposal(db, { event, status: "submitted" });
    await saveReview(db, signedInAs(reviewer.id), a.id, review(event, 4));
    await saveReview(db, signedInAs(colleague.id), b.id, review(event, 1));
    await saveReview(db, signedInAs(colleague.id), a.id, review(event, 2));

    const queue = await reviewerQueue(db, signedInAs(reviewer.id), event.id);

    expect(queue.progress).toEqual({ reviewed: 1, total: 3, assignedTotal: 0, assignedDone: 0 });
    const scores = Object.fromEntries(queue.items.map((i) => [i.id, i.myScore]));
    expect(scores).toEqual({ [a.id]: 0.75, [b.id]: null, [c.id]: null });
  });

  it("orders by submission time, oldest first, with session type, track and level", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const newer = await createProposal(db, { event, status: "submitted" });
    const older = await createProposal(db, { event, status: "submitted", sessionType: "lightning", level: "BEGINNER" });
    await db.proposal.update({ where: { id: older.id }, data: { submittedAt: new Date(Date.now() - 10 * 86_400_000) } });

    const queue = await reviewerQueue(db, signedInAs(reviewer.id), event.id);

    expect(queue.items.map((i) => i.id)).toEqual([older.id, newer.id]);
    expect(queue.items[0]).toMatchObject({
      title: older.title,
      level: "BEGINNER",
      sessionType: { name: "Lightning talk" },
      track: { name: event.tracks[0].name },
      myScore: null,
    });
  });

  it("works for an organizer, whose role is reported", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    await createProposal(db, { event, status: "submitted" });
    const queue = await reviewerQueue(db, signedInAs(organizer2.id), event.id);
    expect(queue).toMatchObject({ role: "ORGANIZER", progress: { reviewed: 0, total: 1 }, matching: 1, page: 1, pages: 1 });
  });

  it("refuses an anonymous caller (unauthenticated)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await expectDomainError(() => reviewerQueue(db, signedInAs(null), event.id), "unauthenticated");
  });

  it("refuses a speaker of the event who is not on the team (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await expectDomainError(reviewerQueue(db, signedInAs(proposal.speaker.id), event.id), "not_found");
  });

  it("refuses a reviewer of another event (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, await createEvent(db));
    await expectDomainError(reviewerQueue(db, signedInAs(reviewer.id), event.id), "not_found");
  });
});

describe("ownReview", () => {
  it("returns the actor's own review and never a colleague's", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const colleague = await addReviewer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await saveReview(db, signedInAs(colleague.id), proposal.id, review(event, 1, "Not for us"));

    expect(await ownReview(db, reviewer.id, proposal.id)).toBeNull();
    await saveReview(db, signedInAs(reviewer.id), proposal.id, review(event, 4, "Yes"));
    expect(await ownReview(db, reviewer.id, proposal.id)).toMatchObject({
      score: 0.75,
      comment: "Yes",
      scores: [{ criterionId: event.criteria[0].id, value: 4 }],
    });
    expect((await reviewerView(db, signedInAs(reviewer.id), proposal.id)).mine).toMatchObject({ score: 0.75, comment: "Yes" });
  });

  it("is reached through reviewerView, which refuses an anonymous caller (unauthenticated)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await expectDomainError(() => reviewerView(db, signedInAs(null), proposal.id), "unauthenticated");
  });
});

describe("nextUnreviewed", () => {
  it("returns the oldest submitted proposal the reviewer has not scored, skipping their own, drafts and the current one", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const scored = await createProposal(db, { event, status: "submitted" });
    await createReview(db, { proposal: scored, reviewer, score: 3 });
    await createProposal(db, { event, status: "submitted", speaker: reviewer });
    await createProposal(db, { event, status: "draft" });
    const current = await createProposal(db, { event, status: "submitted" });
    const next = await createProposal(db, { event, status: "submitted" });

    expect(await nextUnreviewed(db, signedInAs(reviewer.id), event.id, current.id)).toEqual({ id: next.id });
    await createReview(db, { proposal: next, reviewer, score: 4 });
    expect(await nextUnreviewed(db, signedInAs(reviewer.id), event.id, current.id)).toBeNull();
  });

  it("is refused to anonymous callers, speakers and members of another event", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });

    await expectDomainError(() => nextUnreviewed(db, signedInAs(null), event.id), "unauthenticated");
    await expectDomainError(nextUnreviewed(db, signedInAs(proposal.speaker.id), event.id), "not_found");
    await expectDomainError(nextUnreviewed(db, signedInAs(other.organizer.id), event.id), "not_found");
  });
});
