import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import {
  addOrganizer,
  addReviewer,
  assignProposal,
  createEvent,
  createOutsider,
  createProposal,
  createProposalConflict,
  createReview,
  createSpeakerConflict,
  createUser,
  OUTSIDERS,
  type EventFixture,
} from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { affiliationFlags, resolveAffiliationFlag } from "@/lib/reviews/conflicts/affiliation";
import { declareOwnConflict } from "@/lib/reviews/conflicts/declare";
import { hasConflict, noConflictWhere } from "@/lib/reviews/conflicts/filter";
import { declareConflict, listConflicts, removeConflict } from "@/lib/reviews/conflicts/manage";
import { addDiscussionComment, listDiscussion } from "@/lib/reviews/discussion";
import { nextUnreviewed, queueNeighbours, reviewerQueue } from "@/lib/reviews/queue";
import { proposalForReviewer } from "@/lib/reviews/reviewer-access";
import { saveReview } from "@/lib/reviews/save-review";
import { reviewInput } from "@/lib/reviews/schemas";
import { reviewerView } from "@/lib/reviews/team-view";
import { afterQuery, barrier, expectDomainError, expectRefused, snapshot } from "./helpers";

const getDb = useTestDb();

const review = (event: EventFixture, value: number) =>
  reviewInput.parse({ scores: { [event.criteria[0].id]: String(value) }, comment: "" });
const personAt = (db: Db, company: string) => createUser(db, { profile: { company } });
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

/** The ids of the event's proposals `reviewer` is free to review, by the filter itself. */
async function cleanIds(db: Db, eventId: string, reviewerId: string) {
  const rows = await db.proposal.findMany({ where: await noConflictWhere(db, eventId, reviewerId), select: { id: true } });
  return rows.map((r) => r.id).sort();
}

// Each way a reviewer (who works at "Linkwerk GmbH") can be conflicted with a proposal of `event`.
type Conflicted = (db: Db, event: EventFixture, reviewer: User) => Promise<{ id: string; eventId: string }>;
const CONFLICT_KINDS: [string, Conflicted][] = [
  ["they speak on it", (db, event, reviewer) => createProposal(db, { event, speaker: reviewer })],
  ["they co-speak on it", (db, event, reviewer) => createProposal(db, { event, cospeakers: [reviewer] })],
  [
    "its speaker once shared a proposal with them (a draft, at another event)",
    async (db, event, reviewer) => {
      const speaker = await createUser(db);
      await createProposal(db, { event: await createEvent(db), speaker, cospeakers: [reviewer], status: "draft" });
      return createProposal(db, { event, speaker });
    },
  ],
  [
    "they declared a conflict with it",
    async (db, event, reviewer) => {
      const p = await createProposal(db, { event });
      await createProposalConflict(db, { proposal: p, reviewer, source: "REVIEWER" });
      return p;
    },
  ],
  [
    "an organizer declared a conflict with it",
    async (db, event, reviewer) => {
      const p = await createProposal(db, { event });
      await createProposalConflict(db, { proposal: p, reviewer, source: "ORGANIZER", createdBy: event.organizer });
      return p;
    },
  ],
  [
    "an organizer declared a conflict with its co-speaker",
    async (db, event, reviewer) => {
      const cospeaker = await createUser(db);
      const p = await createProposal(db, { event, cospeakers: [cospeaker] });
      await createSpeakerConflict(db, { event, reviewer, speaker: cospeaker, createdBy: event.organizer });
      return p;
    },
  ],
  [
    'its speaker works at the same company ("linkwerk"), not yet reviewed by an organizer',
    async (db, event) => createProposal(db, { event, speaker: await personAt(db, "linkwerk") }),
  ],
  [
    "its speaker works at the same company, confirmed by an organizer",
    async (db, event, reviewer) => {
      const speaker = await personAt(db, "LINKWERK");
      await createSpeakerConflict(db, { event, reviewer, speaker, source: "AFFILIATION", createdBy: event.organizer });
      return createProposal(db, { event, speaker });
    },
  ],
];

describe("a conflicted reviewer", () => {
  describe.each(CONFLICT_KINDS)("when %s", (_, makeConflicted) => {
    async function setup(db: Db) {
      const event = await createEvent(db);
      const reviewer = await addReviewer(db, event, await personAt(db, "Linkwerk GmbH"));
      const conflicted = await makeConflicted(db, event, reviewer);
      const clean = await createProposal(db, { event, speaker: await personAt(db, "Ferrous Systems") });
      // The conflicted one is older and assigned, so it would come first in every queue.
      await db.proposal.update({ where: { id: conflicted.id }, data: { status: "SUBMITTED", submittedAt: daysAgo(10) } });
      await assignProposal(db, { proposal: conflicted, reviewer });
      const colleague = await addReviewer(db, event);
      await createReview(db, { proposal: conflicted, reviewer: colleague, score: 2, comment: "A colleague's opinion." });
      return { event, reviewer, conflicted, clean };
    }

    it("is conflicted by hasConflict and noConflictWhere, and not with a clean proposal", async () => {
      const db = getDb();
      const { event, reviewer, conflicted, clean } = await setup(db);
      expect(await hasConflict(db, event.id, reviewer.id, conflicted.id)).toBe(true);
      expect(await hasConflict(db, event.id, reviewer.id, clean.id)).toBe(false);
      expect(await cleanIds(db, event.id, reviewer.id)).toEqual([clean.id]);
    });

    it("cannot open, score, see the reviews of, or discuss the proposal; nothing is written", async () => {
      const db = getDb();
      const { event, reviewer, conflicted } = await setup(db);
      const hides = ["A colleague's opinion."];
      await expectRefused(db, "forbidden", () => proposalForReviewer(db, signedInAs(reviewer.id), conflicted.id), hides);
      await expectRefused(db, "forbidden", () => saveReview(db, signedInAs(reviewer.id), conflicted.id, review(event, 5)), hides);
      await expectRefused(db, "forbidden", () => reviewerView(db, signedInAs(reviewer.id), conflicted.id), hides);
      await expectRefused(db, "forbidden", () => listDiscussion(db, signedInAs(reviewer.id), conflicted.id), hides);
      await expectRefused(
        db,
        "forbidden",
        () => addDiscussionComment(db, signedInAs(reviewer.id), conflicted.id, { body: "Looks good" }),
        hides,
      );
    });

    it("does not find it in their queue, counts, next-to-review or previous/next", async () => {
      const db = getDb();
      const { event, reviewer, clean } = await setup(db);

      const queue = await reviewerQueue(db, signedInAs(reviewer.id), event.id);
      expect(queue.items.map((i) => i.id)).toEqual([clean.id]);
      expect(queue.progress).toEqual({ reviewed: 0, total: 1, assignedTotal: 0, assignedDone: 0 });
      expect(queue.matching).toBe(1);
      expect(await nextUnreviewed(db, signedInAs(reviewer.id), event.id)).toEqual({ id: clean.id });
      expect(await nextUnreviewed(db, signedInAs(reviewer.id), event.id, clean.id)).toBeNull();
      expect(await queueNeighbours(db, signedInAs(reviewer.id), event.id, clean.id)).toEqual({ previousId: null, nextId: null });
    });
  });
});

describe("a conflict declared while a review is being saved", () => {
  it("refuses the review that passed the conflict check just before the organizer declared the conflict (nothing written)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted" });
    let declared = false;
    // saveReview's conflict check ends by reading declared proposal conflicts; the organizer acts right after it.
    const racing = afterQuery(db, "proposalConflict", "findMany", async () => {
      if (declared) return;
      declared = true;
      await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, proposalId: proposal.id });
    });

    const outcome = await saveReview(racing, signedInAs(reviewer.id), proposal.id, review(event, 5)).then(
      () => "saved",
      (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
    );

    expect(declared).toBe(true);
    expect(await db.review.count({ where: { reviewerId: reviewer.id } })).toBe(0);
    expect(["forbidden", "conflict"]).toContain(outcome);
  });
});

describe("noConflictWhere", () => {
  it("co-speakers: anyone who ever shared a proposal with the reviewer, but not their co-speakers in turn", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const partner = await createUser(db);
    const partnersPartner = await createUser(db);
    await createProposal(db, { event: await createEvent(db), speaker: reviewer, cospeakers: [partner], status: "rejected" });
    await createProposal(db, { event: await createEvent(db), speaker: partner, cospeakers: [partnersPartner] });
    const byPartner = await createProposal(db, { event, speaker: partner });
    const withPartner = await createProposal(db, { event, cospeakers: [partner] });
    const byPartnersPartner = await createProposal(db, { event, speaker: partnersPartner });
    const stranger = await createProposal(db, { event });

    expect(await cleanIds(db, event.id, reviewer.id)).toEqual([byPartnersPartner.id, stranger.id].sort());
    expect(await hasConflict(db, event.id, reviewer.id, byPartner.id)).toBe(true);
    expect(await hasConflict(db, event.id, reviewer.id, withPartner.id)).toBe(true);
  });

  it("a declared proposal conflict covers that proposal only, and only for that reviewer", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const [reviewer, colleague] = [await addReviewer(db, event), await addReviewer(db, event)];
    const speaker = await createUser(db);
    const declared = await createProposal(db, { event, speaker });
    const sameSpeaker = await createProposal(db, { event, speaker });
    await createProposalConflict(db, { proposal: declared, reviewer });

    expect(await cleanIds(db, event.id, reviewer.id)).toEqual([sameSpeaker.id]);
    expect(await cleanIds(db, event.id, colleague.id)).toEqual([declared.id, sameSpeaker.id].sort());
  });

  it("a speaker conflict covers every proposal that speaker is on, owner or co-speaker, in this event only", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const otherEvent = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    await addReviewer(db, otherEvent, reviewer);
    const speaker = await createUser(db);
    await createProposal(db, { event, speaker });
    await createProposal(db, { event, cospeakers: [speaker] });
    const unrelated = await createProposal(db, { event });
    const elsewhere = await createProposal(db, { event: otherEvent, speaker });
    await createSpeakerConflict(db, { event, reviewer, speaker, createdBy: event.organizer });

    expect(await cleanIds(db, event.id, reviewer.id)).toEqual([unrelated.id]);
    expect(await cleanIds(db, otherEvent.id, reviewer.id)).toEqual([elsewhere.id]);
  });

  it("affiliation: equal company keys block until an organizer dismisses the match, then the proposal is allowed", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event, await personAt(db, "Linkwerk GmbH"));
    const speaker = await personAt(db, "linkwerk");
    const proposal = await createProposal(db, { event, speaker });
    expect(await hasConflict(db, event.id, reviewer.id, proposal.id)).toBe(true);

    await createSpeakerConflict(db, { event, reviewer, speaker, source: "AFFILIATION", status: "DISMISSED", createdBy: event.organizer });

    expect(await hasConflict(db, event.id, reviewer.id, proposal.id)).toBe(false);
    expect(await cleanIds(db, event.id, reviewer.id)).toEqual([proposal.id]);
    expect((await proposalForReviewer(db, signedInAs(reviewer.id), proposal.id)).proposal.id).toBe(proposal.id);
    await saveReview(db, signedInAs(reviewer.id), proposal.id, review(event, 4));
  });

  it("affiliation: a dismissal at another event does not clear the match here", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const otherEvent = await createEvent(db);
    const reviewer = await addReviewer(db, event, await personAt(db, "Linkwerk GmbH"));
    const speaker = await personAt(db, "linkwerk");
    const proposal = await createProposal(db, { event, speaker });
    await createSpeakerConflict(db, { event: otherEvent, reviewer, speaker, source: "AFFILIATION", status: "DISMISSED" });

    expect(await hasConflict(db, event.id, reviewer.id, proposal.id)).toBe(true);
    expect(await cleanIds(db, event.id, reviewer.id)).toEqual([]);
  });

  it("affiliation: a dismissed match for one speaker does not clear a co-speaker from the same company", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event, await personAt(db, "Linkwerk GmbH"));
    const [a, b] = [await personAt(db, "linkwerk"), await personAt(db, "Linkwerk AG")];
    const proposal = await createProposal(db, { event, speaker: a, cospeakers: [b] });
    await createSpeakerConflict(db, { event, reviewer, speaker: a, source: "AFFILIATION", status: "DISMISSED" });

    expect(await hasConflict(db, event.id, reviewer.id, proposal.id)).toBe(true);
    expect(await cleanIds(db, event.id, reviewer.id)).toEqual([]);
  });

  it("affiliation: people without a company never match each other, and different companies do not match", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const noCompany = await addReviewer(db, event, await personAt(db, ""));
    const noProfile = await addReviewer(db, event);
    const ferrous = await addReviewer(db, event, await personAt(db, "Ferrous Systems"));
    const a = await createProposal(db, { event, speaker: await personAt(db, "") });
    const b = await createProposal(db, { event, speaker: await createUser(db) });
    const c = await createProposal(db, { event, speaker: await personAt(db, "Ferrous Industries") });
    const all = [a.id, b.id, c.id].sort();

    for (const r of [noCompany, noProfile, ferrous]) expect(await cleanIds(db, event.id, r.id)).toEqual(all);
  });
});

describe("declareOwnConflict", () => {
  async function reviewedSetup(db: Db) {
    const event = await createEvent(db);
    const [reviewer, colleague] = [await addReviewer(db, event), await addReviewer(db, event)];
    const proposal = await createProposal(db, { event, status: "submitted" });
    const other = await createProposal(db, { event, status: "submitted" });
    await assignProposal(db, { proposal, reviewer });
    await assignProposal(db, { proposal, reviewer: colleague });
    await assignProposal(db, { proposal: other, reviewer });
    await saveReview(db, signedInAs(reviewer.id), proposal.id, review(event, 5));
    await saveReview(db, signedInAs(colleague.id), proposal.id, review(event, 2));
    await saveReview(db, signedInAs(reviewer.id), other.id, review(event, 3));
    return { event, reviewer, colleague, proposal, other };
  }

  it("removes the reviewer's review and assignment of a proposal under review, and recomputes its stats", async () => {
    const db = getDb();
    const { event, reviewer, colleague, proposal, other } = await reviewedSetup(db);

    expect(await declareOwnConflict(db, signedInAs(reviewer.id), proposal.id)).toEqual({
      eventId: event.id,
      eventSlug: event.slug,
      removedReview: true,
    });

    expect(
      await db.proposalConflict.findMany({
        select: { proposalId: true, reviewerId: true, source: true, createdById: true, eventId: true },
      }),
    ).toEqual([{ proposalId: proposal.id, reviewerId: reviewer.id, source: "REVIEWER", createdById: reviewer.id, eventId: event.id }]);
    expect(await db.review.findMany({ where: { proposalId: proposal.id }, select: { reviewerId: true } })).toEqual([
      { reviewerId: colleague.id },
    ]);
    expect(await db.reviewScore.count({ where: { review: { proposalId: proposal.id } } })).toBe(1);
    expect(await db.reviewAssignment.findMany({ where: { proposalId: proposal.id }, select: { reviewerId: true } })).toEqual([
      { reviewerId: colleague.id },
    ]);
    expect(await db.proposalStats.findUniqueOrThrow({ where: { proposalId: proposal.id } })).toMatchObject({
      reviewCount: 1,
      scoreSum: 0.25,
      avgScore: 0.25,
      medianScore: 0.25,
      minScore: 0.25,
      maxScore: 0.25,
      stddevScore: 0,
      disagreement: false,
    });
    // Their work on other proposals stays.
    expect(await db.review.count({ where: { proposalId: other.id, reviewerId: reviewer.id } })).toBe(1);
    expect(await db.reviewAssignment.count({ where: { proposalId: other.id, reviewerId: reviewer.id } })).toBe(1);
    // And the proposal has left their queue and counts.
    const queue = await reviewerQueue(db, signedInAs(reviewer.id), event.id);
    expect(queue.items.map((i) => i.id)).toEqual([other.id]);
    expect(queue.progress).toEqual({ reviewed: 1, total: 1, assignedTotal: 1, assignedDone: 1 });
  });

  it("keeps the review of a decided proposal (history), while recording the conflict", async () => {
    const db = getDb();
    const { reviewer, proposal } = await reviewedSetup(db);
    await db.proposal.update({ where: { id: proposal.id }, data: { status: "ACCEPTED", decidedAt: new Date() } });
    const stats = await db.proposalStats.findUniqueOrThrow({ where: { proposalId: proposal.id } });

    await declareOwnConflict(db, signedInAs(reviewer.id), proposal.id);

    expect(await db.proposalConflict.count()).toBe(1);
    expect(await db.review.count({ where: { proposalId: proposal.id, reviewerId: reviewer.id } })).toBe(1);
    expect(await db.proposalStats.findUniqueOrThrow({ where: { proposalId: proposal.id } })).toEqual(stats);
  });

  it("declaring again is refused as already conflicted and changes nothing", async () => {
    const db = getDb();
    const { reviewer, proposal } = await reviewedSetup(db);
    await declareOwnConflict(db, signedInAs(reviewer.id), proposal.id);
    await expectRefused(db, "forbidden", () => declareOwnConflict(db, signedInAs(reviewer.id), proposal.id));
  });

  it("two concurrent declarations (a double submit) leave one conflict and no error", async () => {
    const db = getDb();
    const { reviewer, proposal } = await reviewedSetup(db);
    const together = afterQuery(db, "proposal", "findFirst", barrier(2));

    const results = await Promise.allSettled([
      declareOwnConflict(together, signedInAs(reviewer.id), proposal.id),
      declareOwnConflict(together, signedInAs(reviewer.id), proposal.id),
    ]);

    expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : r.status))).toEqual(["fulfilled", "fulfilled"]);
    expect(await db.proposalConflict.count()).toBe(1);
    expect(await db.review.count({ where: { proposalId: proposal.id, reviewerId: reviewer.id } })).toBe(0);
  });

  describe.each(OUTSIDERS)("refuses the %s", (kind) => {
    it("and records nothing", async () => {
      const db = getDb();
      const event = await createEvent(db);
      const proposal = await createProposal(db, { event, status: "submitted" });
      const { actorId, code } = await createOutsider(db, kind, event, proposal);
      await expectRefused(db, code, () => declareOwnConflict(db, signedInAs(actorId), proposal.id), [proposal.title]);
    });
  });
});

describe("declareConflict / removeConflict / listConflicts (organizers)", () => {
  async function setup(db: Db) {
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const speaker = await createUser(db, { name: "Sam Speaker" });
    const owned = await createProposal(db, { event, speaker, status: "submitted" });
    const cospoken = await createProposal(db, { event, cospeakers: [speaker], status: "submitted" });
    const decided = await createProposal(db, { event, speaker, status: "accepted" });
    const unrelated = await createProposal(db, { event, status: "submitted" });
    await createReview(db, { proposal: owned, reviewer, score: 5 });
    await createReview(db, { proposal: decided, reviewer, score: 4 });
    await createReview(db, { proposal: unrelated, reviewer, score: 1 });
    await assignProposal(db, { proposal: cospoken, reviewer });
    // A colleague's review, so this proposal has a stats row (see the next-but-one test for one without).
    await createReview(db, { proposal: cospoken, reviewer: await addReviewer(db, event), score: 2 });
    return { event, reviewer, speaker, owned, cospoken, decided, unrelated };
  }

  it("a proposal conflict is recorded, and the reviewer's review of it dropped with its stats recomputed", async () => {
    const db = getDb();
    const { event, reviewer, owned, unrelated } = await setup(db);

    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, proposalId: owned.id });

    expect(await db.proposalConflict.findMany({ select: { proposalId: true, reviewerId: true, source: true, createdById: true } })).toEqual(
      [{ proposalId: owned.id, reviewerId: reviewer.id, source: "ORGANIZER", createdById: event.organizer.id }],
    );
    expect(await db.review.count({ where: { proposalId: owned.id } })).toBe(0);
    expect(await db.proposalStats.findUniqueOrThrow({ where: { proposalId: owned.id } })).toMatchObject({
      reviewCount: 0,
      scoreSum: 0,
      avgScore: null,
      medianScore: null,
    });
    expect(await db.review.count({ where: { proposalId: unrelated.id } })).toBe(1);
    await expectDomainError(proposalForReviewer(db, signedInAs(reviewer.id), owned.id), "forbidden");
  });

  it("a speaker conflict covers all their proposals: drops reviews and assignments under review, keeps decided history", async () => {
    const db = getDb();
    const { event, reviewer, speaker, owned, cospoken, decided, unrelated } = await setup(db);

    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, speakerId: speaker.id });

    expect(
      await db.speakerConflict.findMany({ select: { reviewerId: true, speakerId: true, source: true, status: true, createdById: true } }),
    ).toEqual([{ reviewerId: reviewer.id, speakerId: speaker.id, source: "ORGANIZER", status: "ACTIVE", createdById: event.organizer.id }]);
    const left = await db.review.findMany({ where: { reviewerId: reviewer.id }, select: { proposalId: true } });
    expect(left.map((r) => r.proposalId).sort()).toEqual([decided.id, unrelated.id].sort());
    expect(await db.reviewAssignment.count({ where: { proposalId: cospoken.id } })).toBe(0);
    expect(await db.proposalStats.findUniqueOrThrow({ where: { proposalId: owned.id } })).toMatchObject({ reviewCount: 0 });
    expect(await cleanIds(db, event.id, reviewer.id)).toEqual([unrelated.id]);
  });

  it("a speaker conflict where the reviewer scored one of the speaker's proposals and is only assigned another, not yet reviewed by anyone (no stats row): succeeds", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const speaker = await createUser(db);
    const reviewed = await createProposal(db, { event, speaker, status: "submitted" });
    const assignedOnly = await createProposal(db, { event, speaker, status: "submitted" });
    await createReview(db, { proposal: reviewed, reviewer, score: 5 });
    await assignProposal(db, { proposal: assignedOnly, reviewer });
    expect(await db.proposalStats.count({ where: { proposalId: assignedOnly.id } })).toBe(0);

    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, speakerId: speaker.id });

    expect(await db.review.count({ where: { reviewerId: reviewer.id } })).toBe(0);
    expect(await db.reviewAssignment.count({ where: { reviewerId: reviewer.id } })).toBe(0);
    expect(await db.proposalStats.findUniqueOrThrow({ where: { proposalId: reviewed.id } })).toMatchObject({
      reviewCount: 0,
      avgScore: null,
    });
  });

  it("declaring a speaker conflict over a dismissed affiliation match makes it an active organizer conflict", async () => {
    const db = getDb();
    const { event, reviewer, speaker, owned } = await setup(db);
    const dismissed = await createSpeakerConflict(db, { event, reviewer, speaker, source: "AFFILIATION", status: "DISMISSED" });

    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, speakerId: speaker.id });

    expect(await db.speakerConflict.findMany()).toEqual([
      expect.objectContaining({ id: dismissed.id, status: "ACTIVE", source: "ORGANIZER", createdById: event.organizer.id }),
    ]);
    expect(await hasConflict(db, event.id, reviewer.id, owned.id)).toBe(true);
  });

  it("declaring the same conflict twice keeps one row", async () => {
    const db = getDb();
    const { event, reviewer, speaker, owned } = await setup(db);
    for (let i = 0; i < 2; i++) {
      await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, proposalId: owned.id });
      await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, speakerId: speaker.id });
    }
    expect([await db.proposalConflict.count(), await db.speakerConflict.count()]).toEqual([1, 1]);
  });

  it("removing a conflict gives the reviewer the proposal back", async () => {
    const db = getDb();
    const { event, reviewer, speaker, owned } = await setup(db);
    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, proposalId: owned.id });
    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, speakerId: speaker.id });
    const { proposalConflicts, speakerConflicts } = await listConflicts(db, signedInAs(event.organizer.id), event.id);

    await removeConflict(db, signedInAs(event.organizer.id), event.id, { kind: "proposal", id: proposalConflicts[0].id });
    expect(await hasConflict(db, event.id, reviewer.id, owned.id)).toBe(true);
    await removeConflict(db, signedInAs(event.organizer.id), event.id, { kind: "speaker", id: speakerConflicts[0].id });

    expect(await hasConflict(db, event.id, reviewer.id, owned.id)).toBe(false);
    await saveReview(db, signedInAs(reviewer.id), owned.id, review(event, 3));
  });

  it("lists this event's conflicts of both kinds, with who and what", async () => {
    const db = getDb();
    const { event, reviewer, speaker, owned } = await setup(db);
    const other = await createEvent(db);
    const otherReviewer = await addReviewer(db, other);
    await createProposalConflict(db, { proposal: await createProposal(db, { event: other }), reviewer: otherReviewer });
    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, proposalId: owned.id });
    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, speakerId: speaker.id });

    const list = await listConflicts(db, signedInAs(event.organizer.id), event.id);

    const person = (u: User) => ({ id: u.id, name: u.name, email: u.email });
    expect(list.proposalConflicts).toEqual([
      expect.objectContaining({ source: "ORGANIZER", reviewer: person(reviewer), proposal: { id: owned.id, title: owned.title } }),
    ]);
    expect(list.speakerConflicts).toEqual([
      expect.objectContaining({ source: "ORGANIZER", status: "ACTIVE", reviewer: person(reviewer), speaker: person(speaker) }),
    ]);
  });

  describe("refuses", () => {
    it.each([
      ["an anonymous caller", "unauthenticated"],
      ["a reviewer of the event", "forbidden"],
      ["an organizer of another event", "not_found"],
      ["the speaker", "not_found"],
    ] as const)("%s (%s), for declaring, removing and listing", async (who, code) => {
      const db = getDb();
      const { event, reviewer, speaker, owned } = await setup(db);
      const existing = await createProposalConflict(db, { proposal: owned, reviewer, source: "ORGANIZER", createdBy: event.organizer });
      const actorId = {
        "an anonymous caller": null,
        "a reviewer of the event": reviewer.id,
        "an organizer of another event": (await createEvent(db)).organizer.id,
        "the speaker": speaker.id,
      }[who];

      await expectRefused(db, code, () =>
        declareConflict(db, signedInAs(actorId), event.id, { reviewerId: reviewer.id, speakerId: speaker.id }),
      );
      await expectRefused(db, code, () => removeConflict(db, signedInAs(actorId), event.id, { kind: "proposal", id: existing.id }));
      await expectRefused(db, code, () => listConflicts(db, signedInAs(actorId), event.id), [reviewer.email, owned.title]);
    });

    it("a reviewer who is not on this event's team (not_found)", async () => {
      const db = getDb();
      const { event, owned } = await setup(db);
      const outsider = await addReviewer(db, await createEvent(db));
      await expectRefused(db, "not_found", () =>
        declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: outsider.id, proposalId: owned.id }),
      );
    });

    it("a proposal of another event (not_found)", async () => {
      const db = getDb();
      const { event, reviewer } = await setup(db);
      const foreign = await createProposal(db, { event: await createEvent(db) });
      await expectRefused(db, "not_found", () =>
        declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, proposalId: foreign.id }),
      );
    });

    it("a speaker who has nothing but drafts, or nothing at all, on this event (invalid)", async () => {
      const db = getDb();
      const { event, reviewer } = await setup(db);
      const drafter = await createUser(db);
      await createProposal(db, { event, speaker: drafter, status: "draft" });
      const elsewhere = await createUser(db);
      await createProposal(db, { event: await createEvent(db), speaker: elsewhere });
      for (const speaker of [drafter, elsewhere]) {
        await expectRefused(db, "invalid", () =>
          declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, speakerId: speaker.id }),
        );
      }
    });

    it("removing another event's conflict, or with the wrong kind (not_found); the rows stay", async () => {
      const db = getDb();
      const { event, reviewer, owned } = await setup(db);
      const other = await createEvent(db);
      const foreignReviewer = await addReviewer(db, other);
      const foreign = await createProposalConflict(db, { proposal: await createProposal(db, { event: other }), reviewer: foreignReviewer });
      const own = await createProposalConflict(db, { proposal: owned, reviewer });

      await expectRefused(db, "not_found", () =>
        removeConflict(db, signedInAs(event.organizer.id), event.id, { kind: "proposal", id: foreign.id }),
      );
      await expectRefused(db, "not_found", () =>
        removeConflict(db, signedInAs(event.organizer.id), event.id, { kind: "speaker", id: own.id }),
      );
    });
  });
});

describe("affiliation flags", () => {
  async function setup(db: Db) {
    const event = await createEvent(db);
    const linkwerker = await addReviewer(db, event, await createUser(db, { name: "Lin Kwerk", profile: { company: "Linkwerk GmbH" } }));
    const ferrous = await addReviewer(db, event, await personAt(db, "Ferrous Systems"));
    const noCompany = await addReviewer(db, event, await personAt(db, ""));
    await addReviewer(db, await createEvent(db), await personAt(db, "linkwerk")); // another event's reviewer
    const s1 = await personAt(db, "linkwerk");
    const s2 = await personAt(db, "LINKWERK AG");
    const s6 = await personAt(db, "Ferrous Systems GmbH");
    const drafter = await personAt(db, "Linkwerk");
    const elsewhere = await personAt(db, "Linkwerk");
    const dismissed = await personAt(db, "Linkwerk");
    const confirmed = await personAt(db, "Linkwerk");
    const blank = await personAt(db, "");
    const p1 = await createProposal(db, { event, speaker: s1, status: "submitted" });
    await createProposal(db, { event, speaker: s2, status: "accepted" });
    await createProposal(db, { event, speaker: s6, status: "submitted" });
    await createProposal(db, { event, speaker: drafter, status: "draft" });
    await createProposal(db, { event: await createEvent(db), speaker: elsewhere });
    await createProposal(db, { event, speaker: dismissed });
    await createProposal(db, { event, speaker: confirmed });
    await createProposal(db, { event, speaker: blank });
    await createProposal(db, { event, speaker: linkwerker }); // never flagged against themselves
    await createSpeakerConflict(db, { event, reviewer: linkwerker, speaker: dismissed, source: "AFFILIATION", status: "DISMISSED" });
    await createSpeakerConflict(db, { event, reviewer: linkwerker, speaker: confirmed, source: "AFFILIATION" });
    return { event, linkwerker, ferrous, noCompany, s1, s2, s6, p1 };
  }
  const pairs = (flags: Awaited<ReturnType<typeof affiliationFlags>>) =>
    flags.map((f) => `${f.reviewer.id} ${f.speaker.id} ${f.company}`).sort();

  it("lists exactly the open matches of team members and the event's non-draft speakers", async () => {
    const db = getDb();
    const { event, linkwerker, ferrous, s1, s2, s6 } = await setup(db);

    const flags = await affiliationFlags(db, signedInAs(event.organizer.id), event.id);

    expect(pairs(flags)).toEqual(
      [`${linkwerker.id} ${s1.id} linkwerk`, `${linkwerker.id} ${s2.id} LINKWERK AG`, `${ferrous.id} ${s6.id} Ferrous Systems GmbH`].sort(),
    );
    expect(flags.find((f) => f.speaker.id === s1.id)!.reviewer).toEqual({ id: linkwerker.id, name: "Lin Kwerk", email: linkwerker.email });
  });

  it("dismissing a flag lets the reviewer review that speaker", async () => {
    const db = getDb();
    const { event, linkwerker, s1, p1 } = await setup(db);
    expect(await hasConflict(db, event.id, linkwerker.id, p1.id)).toBe(true);

    await resolveAffiliationFlag(db, signedInAs(event.organizer.id), event.id, {
      reviewerId: linkwerker.id,
      speakerId: s1.id,
      decision: "dismiss",
    });

    expect(await db.speakerConflict.findFirst({ where: { speakerId: s1.id } })).toMatchObject({
      eventId: event.id,
      reviewerId: linkwerker.id,
      source: "AFFILIATION",
      status: "DISMISSED",
      createdById: event.organizer.id,
    });
    expect(pairs(await affiliationFlags(db, signedInAs(event.organizer.id), event.id)).some((p) => p.includes(s1.id))).toBe(false);
    await saveReview(db, signedInAs(linkwerker.id), p1.id, review(event, 4));
  });

  it("confirming a flag keeps the reviewer out and drops their earlier work on that speaker's proposals", async () => {
    const db = getDb();
    const { event, linkwerker, s1, p1 } = await setup(db);
    // Written before the profiles matched (e.g. the speaker changed company later).
    await createReview(db, { proposal: p1, reviewer: linkwerker, score: 5 });
    await assignProposal(db, { proposal: p1, reviewer: linkwerker });

    await resolveAffiliationFlag(db, signedInAs(event.organizer.id), event.id, {
      reviewerId: linkwerker.id,
      speakerId: s1.id,
      decision: "confirm",
    });

    expect(await db.speakerConflict.findFirst({ where: { speakerId: s1.id } })).toMatchObject({ status: "ACTIVE", source: "AFFILIATION" });
    expect(await db.review.count({ where: { proposalId: p1.id } })).toBe(0);
    expect(await db.reviewAssignment.count({ where: { proposalId: p1.id } })).toBe(0);
    expect(await db.proposalStats.findUniqueOrThrow({ where: { proposalId: p1.id } })).toMatchObject({ reviewCount: 0, avgScore: null });
    expect(await hasConflict(db, event.id, linkwerker.id, p1.id)).toBe(true);
    expect(pairs(await affiliationFlags(db, signedInAs(event.organizer.id), event.id)).some((p) => p.includes(s1.id))).toBe(false);
  });

  it("refuses to resolve a pair that does not match, or was resolved already (invalid), or a reviewer from elsewhere (not_found)", async () => {
    const db = getDb();
    const { event, linkwerker, ferrous, s1 } = await setup(db);
    const outsider = await addReviewer(db, await createEvent(db), await personAt(db, "Linkwerk"));
    const resolve = (reviewerId: string, speakerId: string) =>
      resolveAffiliationFlag(db, signedInAs(event.organizer.id), event.id, { reviewerId, speakerId, decision: "dismiss" });

    await expectRefused(db, "invalid", () => resolve(ferrous.id, s1.id));
    await resolve(linkwerker.id, s1.id);
    await expectRefused(db, "invalid", () => resolve(linkwerker.id, s1.id));
    await expectRefused(db, "not_found", () => resolve(outsider.id, s1.id));
  });

  it("two organizers resolving the same flag at once: one wins, the other gets a conflict", async () => {
    const db = getDb();
    const { event, linkwerker, s1 } = await setup(db);
    const second = await addOrganizer(db, event);
    // Both read the open flags before either writes.
    const together = afterQuery(db, "speakerConflict", "findMany", barrier(2));

    const results = await Promise.allSettled([
      resolveAffiliationFlag(together, signedInAs(event.organizer.id), event.id, {
        reviewerId: linkwerker.id,
        speakerId: s1.id,
        decision: "confirm",
      }),
      resolveAffiliationFlag(together, signedInAs(second.id), event.id, {
        reviewerId: linkwerker.id,
        speakerId: s1.id,
        decision: "dismiss",
      }),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [failure] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failure.reason).toBeInstanceOf(DomainError);
    expect((failure.reason as DomainError).code).toBe("conflict");
    expect(await db.speakerConflict.count({ where: { reviewerId: linkwerker.id, speakerId: s1.id } })).toBe(1);
  });

  describe("refuses", () => {
    it.each([
      ["an anonymous caller", "unauthenticated"],
      ["a reviewer of the event", "forbidden"],
      ["an organizer of another event", "not_found"],
      ["a speaker", "not_found"],
    ] as const)("%s (%s), for listing and resolving", async (who, code) => {
      const db = getDb();
      const { event, linkwerker, ferrous, s1 } = await setup(db);
      const actorId = {
        "an anonymous caller": null,
        "a reviewer of the event": ferrous.id,
        "an organizer of another event": (await createEvent(db)).organizer.id,
        "a speaker": s1.id,
      }[who];
      const before = await snapshot(db);

      await expectRefused(db, code, () => affiliationFlags(db, signedInAs(actorId), event.id), [linkwerker.email, "linkwerk"]);
      await expectRefused(db, code, () =>
        resolveAffiliationFlag(db, signedInAs(actorId), event.id, { reviewerId: linkwerker.id, speakerId: s1.id, decision: "dismiss" }),
      );
      expect(await snapshot(db)).toEqual(before);
    });
  });
});
