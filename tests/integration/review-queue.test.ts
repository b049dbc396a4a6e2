import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import {
  addReviewer,
  assignProposal,
  createEvent,
  createOutsider,
  createProposal,
  createProposalConflict,
  createReview,
  createUser,
  OUTSIDERS,
  type EventFixture,
  type ProposalTraits,
} from "@/tests/factories";
import { bulkProposalIdentifiers } from "@/tests/factories/identifiers";
import { expectRefused } from "./helpers";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { nextUnreviewed, QUEUE_PAGE_SIZE, queueNeighbours, queuePosition, reviewerQueue, reviewerScope } from "@/lib/reviews/queue";

const getDb = useTestDb();
const MINUTE = 60_000;

/** A submitted proposal whose submission was `minutesAgo` minutes ago, so queue order is explicit. */
async function submitted(db: Db, event: EventFixture, minutesAgo: number, traits: Partial<ProposalTraits> = {}) {
  const p = await createProposal(db, { event, status: "submitted", ...traits });
  return db.proposal.update({ where: { id: p.id }, data: { submittedAt: new Date(Date.now() - minutesAgo * MINUTE) } });
}

/** `count` submitted proposals in a few statements, oldest first; the first `assigned` go to `reviewer`. */
async function bulkSubmitted(db: Db, event: EventFixture, count: number, reviewer: User, assigned = 0) {
  const speaker = await createUser(db);
  const talks = await db.talk.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({
      ownerId: speaker.id,
      title: `Talk ${i}`,
      abstract: "An abstract.",
      level: "BEGINNER" as const,
    })),
  });
  const ids = await bulkProposalIdentifiers(db, event.id, talks.length);
  const proposals = await db.proposal.createManyAndReturn({
    data: talks.map((t, i) => ({
      ...ids[i],
      eventId: event.id,
      talkId: t.id,
      title: t.title,
      abstract: t.abstract,
      level: t.level,
      sessionTypeId: event.sessionTypes[0].id,
      status: "SUBMITTED" as const,
      submittedAt: new Date(Date.now() - (count - i) * MINUTE),
    })),
  });
  await db.proposalSpeaker.createMany({ data: proposals.map((p) => ({ proposalId: p.id, userId: speaker.id })) });
  await db.reviewAssignment.createMany({
    data: proposals.slice(0, assigned).map((p) => ({ eventId: event.id, proposalId: p.id, reviewerId: reviewer.id })),
  });
  return proposals.map((p) => p.id);
}

const ids = (queue: { items: { id: string }[] }) => queue.items.map((i) => i.id);

describe("reviewerQueue", () => {
  it("lists the proposals assigned to the reviewer first, then the rest, oldest submission first in each group", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const oldest = await submitted(db, event, 50);
    const old = await submitted(db, event, 40);
    const assignedNewer = await submitted(db, event, 10);
    const assignedOlder = await submitted(db, event, 30);
    const newest = await submitted(db, event, 5);
    await assignProposal(db, { proposal: assignedNewer, reviewer });
    await assignProposal(db, { proposal: assignedOlder, reviewer, source: "AUTO" });
    // Assigned to a colleague: no difference for this reviewer.
    await assignProposal(db, { proposal: old, reviewer: await addReviewer(db, event) });

    const queue = await reviewerQueue(db, signedInAs(reviewer.id), event.id);

    expect(queue.items.map((i) => [i.id, i.assigned])).toEqual([
      [assignedOlder.id, true],
      [assignedNewer.id, true],
      [oldest.id, false],
      [old.id, false],
      [newest.id, false],
    ]);
  });

  it("filters by track, by session type, and to the proposals still to review; the progress stays over the whole event", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const [systems, web] = event.tracks;
    const talkSystems = await submitted(db, event, 40, { track: systems });
    const talkWeb = await submitted(db, event, 30, { track: web });
    const lightningSystems = await submitted(db, event, 20, { track: systems, sessionType: "lightning" });
    const noTrack = await submitted(db, event, 10, { track: null });
    await createReview(db, { proposal: talkSystems, reviewer, score: 4 });
    await assignProposal(db, { proposal: lightningSystems, reviewer });
    const lightning = event.sessionTypes[1];

    const byTrack = await reviewerQueue(db, signedInAs(reviewer.id), event.id, { trackId: systems.id });
    const bySession = await reviewerQueue(db, signedInAs(reviewer.id), event.id, { sessionTypeId: lightning.id });
    const todo = await reviewerQueue(db, signedInAs(reviewer.id), event.id, { todo: true });
    const todoInSystems = await reviewerQueue(db, signedInAs(reviewer.id), event.id, { trackId: systems.id, todo: true });
    const none = await reviewerQueue(db, signedInAs(reviewer.id), event.id, { trackId: web.id, sessionTypeId: lightning.id });

    expect(ids(byTrack)).toEqual([lightningSystems.id, talkSystems.id]);
    expect(ids(bySession)).toEqual([lightningSystems.id]);
    expect(ids(todo)).toEqual([lightningSystems.id, talkWeb.id, noTrack.id]);
    expect(ids(todoInSystems)).toEqual([lightningSystems.id]);
    expect(none).toMatchObject({ items: [], matching: 0, page: 1, pages: 1 });
    expect([byTrack.matching, bySession.matching, todo.matching, todoInSystems.matching]).toEqual([2, 1, 3, 1]);
    for (const q of [byTrack, bySession, todo, todoInSystems, none]) {
      expect(q.progress).toEqual({ reviewed: 1, total: 4, assignedTotal: 1, assignedDone: 0 });
    }
    expect(byTrack.items.find((i) => i.id === talkSystems.id)!.myScore).toBe(0.75);
  });

  it("a track or session type of another event matches nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    await submitted(db, event, 10);
    expect((await reviewerQueue(db, signedInAs(reviewer.id), event.id, { trackId: other.tracks[0].id })).items).toEqual([]);
    expect((await reviewerQueue(db, signedInAs(reviewer.id), event.id, { sessionTypeId: other.sessionTypes[0].id })).items).toEqual([]);
  });

  it("counts reviewed, total, assigned and assigned-done over submitted, conflict-free proposals only", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const assignedDone = await submitted(db, event, 60);
    const assignedTodo = await submitted(db, event, 50);
    const reviewedUnassigned = await submitted(db, event, 40);
    const unassignedTodo = await submitted(db, event, 30);
    const assignedDecided = await createProposal(db, { event, status: "accepted" });
    const assignedConflicted = await submitted(db, event, 20);
    for (const p of [assignedDone, assignedTodo, assignedDecided, assignedConflicted]) await assignProposal(db, { proposal: p, reviewer });
    // Reviewed before the conflict was declared: counted nowhere.
    for (const p of [assignedDone, reviewedUnassigned, assignedDecided, assignedConflicted])
      await createReview(db, { proposal: p, reviewer, score: 3 });
    await createProposalConflict(db, { proposal: assignedConflicted, reviewer });
    await createProposal(db, { event, status: "draft" });
    await createProposal(db, { event, status: "withdrawn" });

    const queue = await reviewerQueue(db, signedInAs(reviewer.id), event.id);

    expect(queue.progress).toEqual({ reviewed: 2, total: 4, assignedTotal: 2, assignedDone: 1 });
    expect(queue.matching).toBe(4);
    const todo = await reviewerQueue(db, signedInAs(reviewer.id), event.id, { todo: true });
    expect(todo.matching).toBe(2);
    expect(todo.items.map((i) => [i.id, i.assigned])).toEqual([
      [assignedTodo.id, true],
      [unassignedTodo.id, false],
    ]);
  });

  it("answers the same for a scope resolved once (reviewerScope) as for the actor id, and refuses a scope for another event", async () => {
    const db = getDb();
    const [event, other] = [await createEvent(db), await createEvent(db)];
    const reviewer = await addReviewer(db, event);
    await addReviewer(db, other, reviewer);
    const [a, b, c] = [await submitted(db, event, 60), await submitted(db, event, 50), await submitted(db, event, 40)];
    const conflicted = await submitted(db, event, 45);
    await createProposalConflict(db, { proposal: conflicted, reviewer });
    await assignProposal(db, { proposal: c, reviewer });
    await createReview(db, { proposal: a, reviewer, score: 4 });

    const scope = await reviewerScope(db, signedInAs(reviewer.id), event.id);
    expect(scope.conflictedIds).toEqual([conflicted.id]);
    expect(await reviewerQueue(db, scope, event.id, { todo: true })).toEqual(
      await reviewerQueue(db, signedInAs(reviewer.id), event.id, { todo: true }),
    );
    expect(await nextUnreviewed(db, scope, event.id)).toEqual({ id: c.id });
    expect(await nextUnreviewed(db, scope, event.id, c.id)).toEqual(await nextUnreviewed(db, signedInAs(reviewer.id), event.id, c.id));
    expect(await queueNeighbours(db, scope, event.id, b.id)).toEqual(await queueNeighbours(db, signedInAs(reviewer.id), event.id, b.id));

    const elsewhere = await submitted(db, other, 10);
    await expectRefused(db, "forbidden", () => reviewerQueue(db, scope, other.id));
    await expectRefused(db, "forbidden", () => nextUnreviewed(db, scope, other.id));
    await expectRefused(db, "forbidden", () => queueNeighbours(db, scope, other.id, elsewhere.id));
  });

  describe("pages of 50", () => {
    it("50 proposals fit on one page", async () => {
      const db = getDb();
      const event = await createEvent(db);
      const reviewer = await addReviewer(db, event);
      const all = await bulkSubmitted(db, event, 50, reviewer);

      const queue = await reviewerQueue(db, signedInAs(reviewer.id), event.id, {}, 1);

      expect(QUEUE_PAGE_SIZE).toBe(50);
      expect(queue).toMatchObject({ page: 1, pages: 1, matching: 50 });
      expect(ids(queue)).toEqual(all);
    });

    it("51 proposals with 3 assigned: page 1 has the 3 assigned and the 47 oldest others, page 2 the last one", async () => {
      const db = getDb();
      const event = await createEvent(db);
      const reviewer = await addReviewer(db, event);
      const all = await bulkSubmitted(db, event, 51, reviewer);
      // Assign three of the newest, so they jump ahead.
      for (const id of all.slice(-3))
        await db.reviewAssignment.create({ data: { eventId: event.id, proposalId: id, reviewerId: reviewer.id } });

      const page1 = await reviewerQueue(db, signedInAs(reviewer.id), event.id, {}, 1);
      const page2 = await reviewerQueue(db, signedInAs(reviewer.id), event.id, {}, 2);

      expect(page1).toMatchObject({ page: 1, pages: 2, matching: 51 });
      expect(ids(page1)).toEqual([...all.slice(-3), ...all.slice(0, 47)]);
      expect(ids(page2)).toEqual([all[47]]);
      expect(page2.items[0].assigned).toBe(false);
    });

    it("51 assigned and 1 other: page 1 is all assigned, page 2 starts with the last assigned then the other", async () => {
      const db = getDb();
      const event = await createEvent(db);
      const reviewer = await addReviewer(db, event);
      const all = await bulkSubmitted(db, event, 52, reviewer, 51);

      const page1 = await reviewerQueue(db, signedInAs(reviewer.id), event.id, {}, 1);
      const page2 = await reviewerQueue(db, signedInAs(reviewer.id), event.id, {}, 2);

      expect(ids(page1)).toEqual(all.slice(0, 50));
      expect(page1.items.every((i) => i.assigned)).toBe(true);
      expect(page2.items.map((i) => [i.id, i.assigned])).toEqual([
        [all[50], true],
        [all[51], false],
      ]);
      expect(page2.progress).toMatchObject({ total: 52, assignedTotal: 51 });
    });

    it("clamps a page number past the end to the last page, and below 1 to the first", async () => {
      const db = getDb();
      const event = await createEvent(db);
      const reviewer = await addReviewer(db, event);
      const all = await bulkSubmitted(db, event, 51, reviewer);

      expect(await reviewerQueue(db, signedInAs(reviewer.id), event.id, {}, 9)).toMatchObject({ page: 2, items: [{ id: all[50] }] });
      expect((await reviewerQueue(db, signedInAs(reviewer.id), event.id, {}, 0)).page).toBe(1);
      expect((await reviewerQueue(db, signedInAs(reviewer.id), event.id, {}, -4)).items).toHaveLength(50);
    });

    it("an empty queue is one empty page", async () => {
      const db = getDb();
      const event = await createEvent(db);
      const reviewer = await addReviewer(db, event);
      expect(await reviewerQueue(db, signedInAs(reviewer.id), event.id, {}, 3)).toEqual({
        role: "REVIEWER",
        items: [],
        progress: { reviewed: 0, total: 0, assignedTotal: 0, assignedDone: 0 },
        matching: 0,
        page: 1,
        pages: 1,
      });
    });
  });
});

describe("nextUnreviewed", () => {
  it("prefers an assigned proposal to an older unassigned one, and skips what is scored or current", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const oldUnassigned = await submitted(db, event, 60);
    const assignedA = await submitted(db, event, 20);
    const assignedB = await submitted(db, event, 10);
    await assignProposal(db, { proposal: assignedA, reviewer });
    await assignProposal(db, { proposal: assignedB, reviewer });

    expect(await nextUnreviewed(db, signedInAs(reviewer.id), event.id)).toEqual({ id: assignedA.id });
    expect(await nextUnreviewed(db, signedInAs(reviewer.id), event.id, assignedA.id)).toEqual({ id: assignedB.id });
    await createReview(db, { proposal: assignedB, reviewer, score: 2 });
    expect(await nextUnreviewed(db, signedInAs(reviewer.id), event.id, assignedA.id)).toEqual({ id: oldUnassigned.id });
    await createReview(db, { proposal: oldUnassigned, reviewer, score: 2 });
    expect(await nextUnreviewed(db, signedInAs(reviewer.id), event.id, assignedA.id)).toBeNull();
  });

  it("keeps to the queue's filter", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    await submitted(db, event, 60, { track: event.tracks[0] });
    const web = await submitted(db, event, 10, { track: event.tracks[1] });
    expect(await nextUnreviewed(db, signedInAs(reviewer.id), event.id, undefined, { trackId: event.tracks[1].id })).toEqual({ id: web.id });
  });
});

describe("queueNeighbours", () => {
  // Queue order: A1, A2 (assigned), then U1, U2, U3 (oldest first).
  async function setup(db: Db) {
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const [systems, web] = event.tracks;
    const u1 = await submitted(db, event, 50, { track: systems });
    const a1 = await submitted(db, event, 40, { track: systems });
    const u2 = await submitted(db, event, 30, { track: web });
    const a2 = await submitted(db, event, 20, { track: web });
    const u3 = await submitted(db, event, 10, { track: systems });
    await assignProposal(db, { proposal: a1, reviewer });
    await assignProposal(db, { proposal: a2, reviewer });
    return { event, reviewer, a1, a2, u1, u2, u3 };
  }

  it("walks the queue order across the assigned/unassigned boundary", async () => {
    const db = getDb();
    const { event, reviewer, a1, a2, u1, u2, u3 } = await setup(db);
    const order = [a1.id, a2.id, u1.id, u2.id, u3.id];
    expect(ids(await reviewerQueue(db, signedInAs(reviewer.id), event.id))).toEqual(order);

    for (const [i, id] of order.entries()) {
      expect(await queueNeighbours(db, signedInAs(reviewer.id), event.id, id)).toEqual({
        previousId: order[i - 1] ?? null,
        nextId: order[i + 1] ?? null,
      });
    }
  });

  it('gives each proposal its place in the queue, "3 of 5", filtered or not; none for one outside the filter', async () => {
    const db = getDb();
    const { event, reviewer, a1, a2, u1, u2, u3 } = await setup(db);
    const me = signedInAs(reviewer.id);
    for (const [i, p] of [a1, a2, u1, u2, u3].entries()) {
      expect(await queuePosition(db, me, event.id, p.id)).toEqual({ position: i + 1, total: 5 });
    }
    const systems = { trackId: event.tracks[0].id };
    for (const [i, p] of [a1, u1, u3].entries()) {
      expect(await queuePosition(db, me, event.id, p.id, systems)).toEqual({ position: i + 1, total: 3 });
    }
    expect(await queuePosition(db, me, event.id, u2.id, systems)).toBeNull();
    await createReview(db, { proposal: a1, reviewer, score: 4 });
    expect(await queuePosition(db, me, event.id, a1.id, { todo: true })).toBeNull();
    expect(await queuePosition(db, me, event.id, u1.id, { todo: true })).toEqual({ position: 2, total: 4 });
  });

  it("tells no place in another event's queue, nor of a proposal the reviewer has a conflict with", async () => {
    const db = getDb();
    const { event, reviewer, u1 } = await setup(db);
    const other = await createEvent(db);
    await expectRefused(db, "not_found", () => queuePosition(db, signedInAs(reviewer.id), other.id, u1.id));
    await createProposalConflict(db, { proposal: u1, reviewer });
    expect(await queuePosition(db, signedInAs(reviewer.id), event.id, u1.id)).toBeNull();
  });

  it("with a track filter, skips proposals outside it, also across the boundary", async () => {
    const db = getDb();
    const { event, reviewer, a1, u1, u3 } = await setup(db);
    const filter = { trackId: event.tracks[0].id };
    const order = [a1.id, u1.id, u3.id];
    expect(ids(await reviewerQueue(db, signedInAs(reviewer.id), event.id, filter))).toEqual(order);

    for (const [i, id] of order.entries()) {
      expect(await queueNeighbours(db, signedInAs(reviewer.id), event.id, id, filter)).toEqual({
        previousId: order[i - 1] ?? null,
        nextId: order[i + 1] ?? null,
      });
    }
  });

  it("with the to-review filter, a proposal just scored still knows its place: previous and next are unscored ones", async () => {
    const db = getDb();
    const { event, reviewer, a1, a2, u1, u2 } = await setup(db);
    await createReview(db, { proposal: a2, reviewer, score: 5 });
    await createReview(db, { proposal: u1, reviewer, score: 5 });

    expect(await queueNeighbours(db, signedInAs(reviewer.id), event.id, a2.id, { todo: true })).toEqual({
      previousId: a1.id,
      nextId: u2.id,
    });
    expect(await queueNeighbours(db, signedInAs(reviewer.id), event.id, u1.id, { todo: true })).toEqual({
      previousId: a1.id,
      nextId: u2.id,
    });
  });

  it("never steps onto a conflicted proposal", async () => {
    const db = getDb();
    const { event, reviewer, a1, a2, u1, u2 } = await setup(db);
    await createProposalConflict(db, { proposal: a2, reviewer });
    expect(await queueNeighbours(db, signedInAs(reviewer.id), event.id, a1.id)).toEqual({ previousId: null, nextId: u1.id });
    expect(await queueNeighbours(db, signedInAs(reviewer.id), event.id, u1.id)).toEqual({ previousId: a1.id, nextId: u2.id });
  });

  it("has no neighbours for a proposal of another event or an unknown id", async () => {
    const db = getDb();
    const { event, reviewer } = await setup(db);
    const foreign = await createProposal(db, { event: await createEvent(db), status: "submitted" });
    expect(await queueNeighbours(db, signedInAs(reviewer.id), event.id, foreign.id)).toEqual({ previousId: null, nextId: null });
    expect(await queueNeighbours(db, signedInAs(reviewer.id), event.id, "nope")).toEqual({ previousId: null, nextId: null });
  });
});

describe("the queue refuses", () => {
  const notConflicted = OUTSIDERS.filter((k) => k !== "conflicted reviewer");
  describe.each(notConflicted)("the %s", (kind) => {
    it("for the list, next-to-review, previous/next and the place in the queue, revealing no title", async () => {
      const db = getDb();
      const event = await createEvent(db);
      const proposal = await createProposal(db, { event, status: "submitted" });
      const { actorId, code } = await createOutsider(db, kind, event, proposal);

      await expectRefused(db, code, () => reviewerQueue(db, signedInAs(actorId), event.id), [proposal.title]);
      await expectRefused(db, code, () => nextUnreviewed(db, signedInAs(actorId), event.id), [proposal.title]);
      await expectRefused(db, code, () => queueNeighbours(db, signedInAs(actorId), event.id, proposal.id), [proposal.title]);
      await expectRefused(db, code, () => queuePosition(db, signedInAs(actorId), event.id, proposal.id), [proposal.title]);
    });
  });

  it("nothing to a conflicted reviewer, who simply does not see the proposal", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    const { actorId } = await createOutsider(db, "conflicted reviewer", event, proposal);
    expect(await reviewerQueue(db, signedInAs(actorId), event.id)).toMatchObject({ items: [], progress: { total: 0 } });
    expect(await nextUnreviewed(db, signedInAs(actorId), event.id)).toBeNull();
  });
});
