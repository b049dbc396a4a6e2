import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import {
  addOrganizer,
  addReviewer,
  createEvent,
  createOutsider,
  createProposal,
  createReview,
  createUser,
  OUTSIDERS,
  type EventTraits,
} from "@/tests/factories";
import { expectRefused } from "./helpers";
import type { Db } from "@/lib/db/client";
import { reviewerView } from "@/lib/reviews/team-view";

const getDb = useTestDb();

const COLLEAGUE_COMMENT = "Strong speaker, weak abstract.";

/** An event with one submitted proposal (speaker + co-speaker) that a colleague and the organizer reviewed. */
async function setup(db: Db, traits: EventTraits) {
  const event = await createEvent(db, traits);
  const reviewer = await addReviewer(db, event);
  const colleague = await addReviewer(db, event, await createUser(db, { name: "Colleague Reviewer" }));
  const speaker = await createUser(db, { name: "Sandra Speaker", profile: { company: "Oxide", bio: "Kernel hacker." } });
  const cospeaker = await createUser(db, { name: "Carl Cospeaker" });
  const proposal = await createProposal(db, { event, speaker, cospeakers: [cospeaker], status: "submitted" });
  await createReview(db, { proposal, reviewer: colleague, score: 2, comment: COLLEAGUE_COMMENT });
  await createReview(db, { proposal, reviewer: event.organizer, score: 5, comment: "Yes please." });
  return { event, reviewer, colleague, speaker, cospeaker, proposal };
}

describe("reviewerView: other reviews", () => {
  it("NEVER: a reviewer sees no other review, count or average, before or after their own review", async () => {
    const db = getDb();
    const { reviewer, proposal } = await setup(db, { reviewVisibility: "NEVER" });

    const before = await reviewerView(db, signedInAs(reviewer.id), proposal.id);
    await createReview(db, { proposal, reviewer, score: 4 });
    const after = await reviewerView(db, signedInAs(reviewer.id), proposal.id);

    expect(before).toMatchObject({ role: "REVIEWER", mine: null, others: null, stats: null });
    expect(after).toMatchObject({ mine: { score: 0.75 }, others: null, stats: null });
    expect(JSON.stringify(after)).not.toContain(COLLEAGUE_COMMENT);
  });

  it("AFTER_OWN_REVIEW: hidden before the reviewer's own review, shown after it", async () => {
    const db = getDb();
    const { event, reviewer, colleague, proposal } = await setup(db, { reviewVisibility: "AFTER_OWN_REVIEW" });

    const before = await reviewerView(db, signedInAs(reviewer.id), proposal.id);
    expect(before).toMatchObject({ mine: null, others: null, stats: null });
    expect(JSON.stringify(before)).not.toContain(COLLEAGUE_COMMENT);

    await createReview(db, { proposal, reviewer, score: 4, comment: "Mine." });
    const after = await reviewerView(db, signedInAs(reviewer.id), proposal.id);

    expect(after.mine).toMatchObject({ score: 0.75, comment: "Mine.", scores: [{ criterionId: event.criteria[0].id, value: 4 }] });
    // Everyone else's reviews, never the reviewer's own among them; totals include all three.
    expect(after.others!.map((r) => [r.reviewer.name, r.score, r.comment]).sort()).toEqual(
      [
        [colleague.name, 0.25, COLLEAGUE_COMMENT],
        [event.organizer.name, 1, "Yes please."],
      ].sort(),
    );
    expect(after.others!.find((r) => r.comment === COLLEAGUE_COMMENT)!.scores).toEqual([{ criterionId: event.criteria[0].id, value: 2 }]);
    expect(after.stats!.reviewCount).toBe(3);
    expect(after.stats!.avgScore).toBeCloseTo(2 / 3, 14); // (0.25 + 1 + 0.75) / 3
  });

  it("ALWAYS: a reviewer sees the others before reviewing", async () => {
    const db = getDb();
    const { reviewer, proposal } = await setup(db, { reviewVisibility: "ALWAYS" });

    const view = await reviewerView(db, signedInAs(reviewer.id), proposal.id);

    expect(view.mine).toBeNull();
    expect(view.others!.map((r) => r.comment).sort()).toEqual([COLLEAGUE_COMMENT, "Yes please."].sort());
    expect(view.stats).toEqual({ reviewCount: 2, avgScore: 0.625 });
  });

  it.each(["NEVER", "AFTER_OWN_REVIEW", "ALWAYS"] as const)("%s: organizers always see every other review", async (visibility) => {
    const db = getDb();
    const { event, proposal } = await setup(db, { reviewVisibility: visibility });
    const coOrganizer = await addOrganizer(db, event);

    const view = await reviewerView(db, signedInAs(coOrganizer.id), proposal.id);

    expect(view.role).toBe("ORGANIZER");
    expect(view.mine).toBeNull();
    expect(view.others).toHaveLength(2);
    expect(view.stats).toEqual({ reviewCount: 2, avgScore: 0.625 });
  });
});

describe("reviewerView: speakers", () => {
  it("blind review: a reviewer gets no speakers at all, an organizer gets them", async () => {
    const db = getDb();
    const { event, reviewer, proposal } = await setup(db, { blindReview: true, reviewVisibility: "ALWAYS" });

    const asReviewer = await reviewerView(db, signedInAs(reviewer.id), proposal.id);
    const asOrganizer = await reviewerView(db, signedInAs(event.organizer.id), proposal.id);

    expect(asReviewer.speakers).toBeNull();
    const payload = JSON.stringify(asReviewer);
    for (const secret of ["Sandra Speaker", "Carl Cospeaker", "Oxide", "Kernel hacker."]) expect(payload).not.toContain(secret);
    expect(asOrganizer.speakers!.map((s) => [s.role, s.user.name]).sort()).toEqual([
      ["COSPEAKER", "Carl Cospeaker"],
      ["OWNER", "Sandra Speaker"],
    ]);
  });

  it("lists the proposal's owner before its co-speakers", async () => {
    const db = getDb();
    const { reviewer, proposal } = await setup(db, { blindReview: false });
    const view = await reviewerView(db, signedInAs(reviewer.id), proposal.id);
    expect(view.speakers!.map((s) => s.role)).toEqual(["OWNER", "COSPEAKER"]);
  });

  it("open review: reviewers see the speakers with their profiles", async () => {
    const db = getDb();
    const { reviewer, proposal } = await setup(db, { blindReview: false, reviewVisibility: "NEVER" });

    const view = await reviewerView(db, signedInAs(reviewer.id), proposal.id);

    expect(view.speakers!.map((s) => s.user.name).sort()).toEqual(["Carl Cospeaker", "Sandra Speaker"]);
    expect(view.speakers!.find((s) => s.role === "OWNER")!.user.profile).toMatchObject({ company: "Oxide", bio: "Kernel hacker." });
    // Visibility of reviews is a separate rule.
    expect(view.others).toBeNull();
  });

  it("the default event is blind, and shows reviews after one's own", async () => {
    const db = getDb();
    const { event } = await setup(db, {});
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      blindReview: true,
      reviewVisibility: "AFTER_OWN_REVIEW",
    });
  });
});

describe("reviewerView refuses", () => {
  describe.each(OUTSIDERS)("the %s", (kind) => {
    it("revealing neither reviews nor speakers", async () => {
      const db = getDb();
      const { event, proposal } = await setup(db, { reviewVisibility: "ALWAYS", blindReview: false });
      const { actorId, code } = await createOutsider(db, kind, event, proposal);
      await expectRefused(db, code, () => reviewerView(db, signedInAs(actorId), proposal.id), [
        COLLEAGUE_COMMENT,
        "Sandra Speaker",
        proposal.title,
      ]);
    });
  });

  it.each(["draft", "withdrawn"] as const)("a %s proposal, even to an organizer (not_found)", async (status) => {
    const db = getDb();
    const event = await createEvent(db, { reviewVisibility: "ALWAYS" });
    const proposal = await createProposal(db, { event, status });
    await expectRefused(db, "not_found", () => reviewerView(db, signedInAs(event.organizer.id), proposal.id));
  });
});
