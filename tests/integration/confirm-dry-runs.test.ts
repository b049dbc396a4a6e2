import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import {
  addOrganizer,
  addReviewer,
  assignProposal,
  createEvent,
  createProposal,
  createProposalConflict,
  createReview,
} from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { redactSecrets } from "@/lib/text/secret-links";
import { publishDecisions } from "@/lib/lifecycle/decide";
import { planPublication, publishAsPreviewed, PUBLICATION_CHANGED } from "@/lib/lifecycle/publish-plan";
import { planPromotion, promoteAsPreviewed, PROMOTION_CHANGED } from "@/lib/lifecycle/promote-plan";
import { promoteFromWaitlist } from "@/lib/lifecycle/waitlist";
import { ASSIGNMENT_CHANGED, planAutoAssignment, runAutoAssignment } from "@/lib/assignment/run-assignment";
import { declareOwnConflict, OWN_CONFLICT_CHANGED, planOwnConflict } from "@/lib/reviews/conflicts/declare";
import { giveStats, setDecisionSettings, statesOf } from "./decisions-fixture";
import { expectDenied, expectDomainError, snapshot } from "./helpers";

// Each confirmation shows a dry run; the confirmed action must do exactly what it showed, or refuse and change nothing.

const getDb = useTestDb();

const outbox = (db: Db, kind: string) =>
  db.outboxEmail.findMany({ where: { kind }, orderBy: { to: "asc" }, select: { to: true, subject: true, text: true, status: true } });

async function expectRefused(db: Db, message: string, call: () => Promise<unknown>) {
  const before = await snapshot(db);
  const error = await expectDomainError(call, "conflict");
  expect(error.message).toBe(message);
  expect(await snapshot(db)).toEqual(before);
}

describe("publishing all decisions, as previewed", () => {
  async function pendingEvent(db: Db) {
    const event = await createEvent(db);
    const accept = await createProposal(db, { event, pendingDecision: "ACCEPTED", title: "LTO in the wild" });
    const waitlist = await createProposal(db, { event, pendingDecision: "WAITLISTED" });
    const reject = await createProposal(db, { event, pendingDecision: "REJECTED" });
    const undecided = await createProposal(db, { event });
    return { event, accept, waitlist, reject, undecided };
  }

  it("publishes exactly the previewed proposals, and queues the emails the preview showed", async () => {
    const db = getDb();
    const { event, accept, waitlist, reject, undecided } = await pendingEvent(db);
    await setDecisionSettings(db, event.id, { holdOutbox: true });
    const actor = signedInAs(event.organizer.id);

    const plan = await planPublication(db, actor, event.id);
    expect(plan.publish.map((p) => [p.id, p.decision]).sort()).toEqual(
      [
        [accept.id, "ACCEPTED"],
        [waitlist.id, "WAITLISTED"],
        [reject.id, "REJECTED"],
      ].sort(),
    );
    expect(plan.publish.find((p) => p.id === accept.id)!.speakers).toEqual([{ name: accept.speaker.name, email: accept.speaker.email }]);
    expect(plan).toMatchObject({ skipped: [], recipients: 3, held: true });
    expect(plan.emails.map((e) => e.kind).sort()).toEqual(["accepted", "rejected", "waitlisted"]);
    expect(await db.outboxEmail.count()).toBe(0);

    const result = await publishAsPreviewed(db, actor, event.id, plan.fingerprint);

    expect(result).toEqual({ changed: 3, skipped: [], held: true });
    expect(await statesOf(db, accept, waitlist, reject, undecided)).toEqual([
      { status: "ACCEPTED", pendingDecision: null },
      { status: "WAITLISTED", pendingDecision: null },
      { status: "REJECTED", pendingDecision: null },
      { status: "SUBMITTED", pendingDecision: null },
    ]);
    for (const preview of plan.emails) {
      const [queued] = await outbox(db, preview.kind);
      // The preview is the queued message, with the speaker's personal confirmation link hidden.
      expect(preview).toMatchObject({ subject: queued.subject, body: redactSecrets(queued.text), held: true });
      expect(preview.to).toContain(queued.to);
      expect(queued.status).toBe("HELD");
    }
    expect(plan.emails.find((e) => e.kind === "accepted")!.body).not.toMatch(/\/respond\/[A-Za-z0-9_-]+\./);
  });

  it("refuses, publishing nothing, when another organizer published one meanwhile", async () => {
    const db = getDb();
    const { event, accept, waitlist, reject } = await pendingEvent(db);
    const plan = await planPublication(db, signedInAs(event.organizer.id), event.id);
    const other = await addOrganizer(db, event);
    await publishDecisions(db, signedInAs(other.id), event.id, [accept.id]);

    await expectRefused(db, PUBLICATION_CHANGED, () => publishAsPreviewed(db, signedInAs(event.organizer.id), event.id, plan.fingerprint));
    expect(await statesOf(db, waitlist, reject)).toEqual([
      { status: "SUBMITTED", pendingDecision: "WAITLISTED" },
      { status: "SUBMITTED", pendingDecision: "REJECTED" },
    ]);
  });

  it("refuses when a previewed decision was changed, or a new one added, meanwhile", async () => {
    const db = getDb();
    const { event, reject, undecided } = await pendingEvent(db);
    const actor = signedInAs(event.organizer.id);
    const plan = await planPublication(db, actor, event.id);

    await db.proposal.update({ where: { id: reject.id }, data: { pendingDecision: "ACCEPTED" } });
    await expectRefused(db, PUBLICATION_CHANGED, () => publishAsPreviewed(db, actor, event.id, plan.fingerprint));

    const again = await planPublication(db, actor, event.id);
    await db.proposal.update({ where: { id: undecided.id }, data: { pendingDecision: "REJECTED" } });
    await expectRefused(db, PUBLICATION_CHANGED, () => publishAsPreviewed(db, actor, event.id, again.fingerprint));
  });
});

describe("promoting the best waitlisted talk, as previewed", () => {
  async function waitlist(db: Db) {
    const event = await createEvent(db);
    const best = await createProposal(db, { event, status: "waitlisted", title: "LTO in the wild" });
    const next = await createProposal(db, { event, status: "waitlisted" });
    await giveStats(db, best, { avgScore: 0.9 });
    await giveStats(db, next, { avgScore: 0.6 });
    return { event, best, next, sessionTypeId: best.sessionTypeId! };
  }

  it("promotes the previewed talk and queues the email the preview showed", async () => {
    const db = getDb();
    const { event, best, next, sessionTypeId } = await waitlist(db);
    const actor = signedInAs(event.organizer.id);

    const plan = await planPromotion(db, actor, event.id, sessionTypeId);
    expect(plan.candidate).toEqual({
      id: best.id,
      title: "LTO in the wild",
      speakers: [{ name: best.speaker.name, email: best.speaker.email }],
    });
    expect(plan).toMatchObject({ waiting: 2, held: false });
    expect(await db.outboxEmail.count()).toBe(0);

    const outcome = await promoteAsPreviewed(db, actor, event.id, sessionTypeId, plan.candidate!.id);

    expect(outcome).toEqual({ ...plan.candidate, held: false });
    expect(await statesOf(db, best, next)).toEqual([
      { status: "ACCEPTED", pendingDecision: null },
      { status: "WAITLISTED", pendingDecision: null },
    ]);
    const [queued] = await outbox(db, "promoted");
    expect(plan.email).toEqual({
      to: `${best.speaker.name} <${best.speaker.email}>`,
      subject: queued.subject,
      body: redactSecrets(queued.text),
      held: false,
    });
    expect(queued.to).toBe(best.speaker.email);
  });

  it("refuses, promoting nobody, when the previewed talk was promoted by someone else meanwhile", async () => {
    const db = getDb();
    const { event, next, sessionTypeId } = await waitlist(db);
    const actor = signedInAs(event.organizer.id);
    const plan = await planPromotion(db, actor, event.id, sessionTypeId);
    const other = await addOrganizer(db, event);
    await promoteFromWaitlist(db, signedInAs(other.id), event.id, sessionTypeId);

    await expectRefused(db, PROMOTION_CHANGED, () => promoteAsPreviewed(db, actor, event.id, sessionTypeId, plan.candidate!.id));
    expect(await statesOf(db, next)).toEqual([{ status: "WAITLISTED", pendingDecision: null }]);
  });

  it("refuses when another talk has become the best meanwhile", async () => {
    const db = getDb();
    const { event, next, sessionTypeId } = await waitlist(db);
    const actor = signedInAs(event.organizer.id);
    const plan = await planPromotion(db, actor, event.id, sessionTypeId);
    await db.proposalStats.update({ where: { proposalId: next.id }, data: { avgScore: 0.99 } });

    await expectRefused(db, PROMOTION_CHANGED, () => promoteAsPreviewed(db, actor, event.id, sessionTypeId, plan.candidate!.id));
  });
});

describe("automatic assignment, as previewed", () => {
  async function team(db: Db) {
    const event = await createEvent(db, { reviewsPerProposal: 2 });
    const reviewers = [await addReviewer(db, event), await addReviewer(db, event), await addReviewer(db, event)];
    for (let i = 0; i < 4; i++) await createProposal(db, { event });
    return { event, reviewers };
  }

  it("writes the previewed plan, reports what the preview said, and emails exactly the previewed reviewers", async () => {
    const db = getDb();
    const { event } = await team(db);
    const actor = signedInAs(event.organizer.id);

    const plan = await planAutoAssignment(db, actor, event.id);
    expect(plan.result).toMatchObject({ added: 8, proposals: 4, covered: 4 });
    expect(plan.recipients.reduce((n, r) => n + r.count, 0)).toBe(8);
    expect(await db.reviewAssignment.count()).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);

    expect(await runAutoAssignment(db, actor, event.id, { asPreviewed: plan.fingerprint })).toEqual(plan.result);

    for (const r of plan.recipients) expect(await db.reviewAssignment.count({ where: { reviewerId: r.id } })).toBe(r.count);
    const queued = await outbox(db, "review-assignment");
    expect(queued.map((m) => m.to)).toEqual(plan.recipients.map((r) => r.email).sort());
    const first = queued.find((m) => plan.email!.to.includes(m.to))!;
    expect(plan.email).toMatchObject({ subject: first.subject, body: first.text });
  });

  it("refuses, assigning nothing, when the plan would differ (a reviewer joined meanwhile)", async () => {
    const db = getDb();
    const { event } = await team(db);
    const actor = signedInAs(event.organizer.id);
    const plan = await planAutoAssignment(db, actor, event.id);
    await addReviewer(db, event);

    await expectRefused(db, ASSIGNMENT_CHANGED, () => runAutoAssignment(db, actor, event.id, { asPreviewed: plan.fingerprint }));
  });

  it("refuses when a previewed pair was assigned by hand meanwhile", async () => {
    const db = getDb();
    const { event, reviewers } = await team(db);
    const actor = signedInAs(event.organizer.id);
    const plan = await planAutoAssignment(db, actor, event.id);
    const proposal = await db.proposal.findFirstOrThrow({ where: { eventId: event.id } });
    await assignProposal(db, { proposal, reviewer: reviewers[0] });

    await expectRefused(db, ASSIGNMENT_CHANGED, () => runAutoAssignment(db, actor, event.id, { asPreviewed: plan.fingerprint }));
  });
});

describe("declaring a conflict and leaving, as previewed", () => {
  async function reviewed(db: Db) {
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event });
    await assignProposal(db, { proposal, reviewer });
    const review = await createReview(db, { proposal, reviewer, comment: "Solid outline." });
    return { event, reviewer, proposal, review };
  }

  it("shows the review it deletes, then deletes exactly that", async () => {
    const db = getDb();
    const { reviewer, proposal, review } = await reviewed(db);
    const actor = signedInAs(reviewer.id);

    const plan = await planOwnConflict(db, actor, proposal.id);
    expect(plan).toMatchObject({ review: { score: review.score, comment: "Solid outline." }, assigned: true });

    const done = await declareOwnConflict(db, actor, proposal.id, { asPreviewed: plan.fingerprint });

    expect(done.removedReview).toBe(true);
    expect(await db.review.count({ where: { reviewerId: reviewer.id } })).toBe(0);
    expect(await db.reviewAssignment.count({ where: { reviewerId: reviewer.id } })).toBe(0);
    expect(await db.proposalConflict.count({ where: { reviewerId: reviewer.id, proposalId: proposal.id } })).toBe(1);
  });

  it("previews that no review is deleted when there is none", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event });
    const plan = await planOwnConflict(db, signedInAs(reviewer.id), proposal.id);
    expect(plan).toMatchObject({ review: null, assigned: false });
    expect((await declareOwnConflict(db, signedInAs(reviewer.id), proposal.id, { asPreviewed: plan.fingerprint })).removedReview).toBe(
      false,
    );
  });

  it("refuses, deleting nothing, when the review was edited after the preview", async () => {
    const db = getDb();
    const { reviewer, proposal, review } = await reviewed(db);
    const actor = signedInAs(reviewer.id);
    const plan = await planOwnConflict(db, actor, proposal.id);
    await db.review.update({
      where: { id: review.id },
      data: { comment: "Changed my mind.", updatedAt: new Date(review.updatedAt.getTime() + 1000) },
    });

    await expectRefused(db, OWN_CONFLICT_CHANGED, () => declareOwnConflict(db, actor, proposal.id, { asPreviewed: plan.fingerprint }));
  });

  it("refuses when a review was written after a preview that showed none", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event });
    const plan = await planOwnConflict(db, signedInAs(reviewer.id), proposal.id);
    await createReview(db, { proposal, reviewer });

    await expectRefused(db, OWN_CONFLICT_CHANGED, () =>
      declareOwnConflict(db, signedInAs(reviewer.id), proposal.id, { asPreviewed: plan.fingerprint }),
    );
  });
});

describe("the dry runs refuse whoever may not act", () => {
  it("planAutoAssignment: a reviewer and an organizer of another event are refused", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const other = await createEvent(db);
    await expectDenied(db, "forbidden", () => planAutoAssignment(db, signedInAs(reviewer.id), event.id));
    await expectDenied(db, "not_found", () => planAutoAssignment(db, signedInAs(other.organizer.id), event.id));
  });

  it("planOwnConflict: the proposal's speaker and a conflicted reviewer are refused", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event });
    const conflicted = await addReviewer(db, event);
    await createProposalConflict(db, { proposal, reviewer: conflicted });
    await expectDenied(db, "not_found", () => planOwnConflict(db, signedInAs(proposal.speaker.id), proposal.id));
    await expectDenied(db, "forbidden", () => planOwnConflict(db, signedInAs(conflicted.id), proposal.id));
  });
});
