import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal, createReview, createUser, type EventFixture } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { runAutoAssignment } from "@/lib/assignment/run-assignment";
import { assignReviewer, unassignReviewer } from "@/lib/assignment/manual";
import { updateReviewerPreferences } from "@/lib/assignment/reviewer-settings";
import { assignmentOverview } from "@/lib/assignment/overview";
import { reviewerPreferencesInput } from "@/lib/assignment/schemas";
import { afterFirst, afterQuery, barrier, expectDomainError, snapshot, expectRefused } from "./helpers";

const getDb = useTestDb();

const pairsOf = async (db: Db, eventId: string) =>
  (await db.reviewAssignment.findMany({ where: { eventId }, select: { proposalId: true, reviewerId: true } }))
    .map((a) => `${a.proposalId}|${a.reviewerId}`)
    .sort();

async function reviewers(db: Db, event: EventFixture, n: number): Promise<User[]> {
  const out: User[] = [];
  for (let i = 0; i < n; i++) out.push(await addReviewer(db, event));
  return out;
}

async function proposals(db: Db, event: EventFixture, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await createProposal(db, { event, track: event.tracks[i % 2] }));
  return out;
}

/** The people who may never act on an event's assignments, by the error each gets. */
async function outsiders(db: Db, event: EventFixture) {
  const other = await createEvent(db);
  const speaker = (await createProposal(db, { event })).speaker;
  return [
    ["a reviewer of the same event", "forbidden", (await addReviewer(db, event)).id],
    ["an organizer of another event", "not_found", other.organizer.id],
    ["a speaker of the event", "not_found", speaker.id],
    ["an anonymous caller", "unauthenticated", null],
  ] as const;
}

describe("runAutoAssignment", () => {
  it("gives every submitted proposal N reviewers, as AUTO assignments, and reports full coverage", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 3 });
    const team = await reviewers(db, event, 4);
    const ps = await proposals(db, event, 6);

    const result = await runAutoAssignment(db, signedInAs(event.organizer.id), event.id);

    expect(result).toEqual({
      added: 18,
      reviewersNotified: 4,
      proposals: 6,
      covered: 6,
      reviewersPerProposal: 3,
      short: { notEnoughReviewers: 0, capsReached: 0 },
    });
    for (const p of ps) expect(await db.reviewAssignment.count({ where: { proposalId: p.id, source: "AUTO" } })).toBe(3);
    const loads = await Promise.all(team.map((r) => db.reviewAssignment.count({ where: { reviewerId: r.id } })));
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it("only assigns submitted proposals, never drafts, withdrawn or decided ones", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 1 });
    await reviewers(db, event, 2);
    const submitted = await createProposal(db, { event });
    for (const status of ["draft", "withdrawn", "accepted", "rejected"] as const) await createProposal(db, { event, status });

    await runAutoAssignment(db, signedInAs(event.organizer.id), event.id);

    expect(await db.reviewAssignment.findMany({ select: { proposalId: true } })).toEqual([{ proposalId: submitted.id }]);
  });

  it("counts existing assignments and reviews (organizers' too) toward N, and never assigns organizers", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 3 });
    const [r1, r2] = await reviewers(db, event, 3);
    const second = await addOrganizer(db, event);
    const proposal = await createProposal(db, { event });
    await createReview(db, { proposal, reviewer: r1 });
    await createReview(db, { proposal, reviewer: second });
    await assignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId: proposal.id, reviewerId: r2.id });

    const result = await runAutoAssignment(db, signedInAs(event.organizer.id), event.id);

    expect(result).toMatchObject({ added: 0, covered: 1 });
    expect(await db.reviewAssignment.count()).toBe(1);
  });

  it("adds only what is missing: a proposal reviewed by one reviewer gets N − 1 others", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 2 });
    const [r1] = await reviewers(db, event, 3);
    const proposal = await createProposal(db, { event });
    await createReview(db, { proposal, reviewer: r1 });

    expect(await runAutoAssignment(db, signedInAs(event.organizer.id), event.id)).toMatchObject({ added: 1, covered: 1 });
    const assigned = await db.reviewAssignment.findMany({ select: { reviewerId: true } });
    expect(assigned).toHaveLength(1);
    expect(assigned[0].reviewerId).not.toBe(r1.id);
  });

  it("respects caps, existing work included, and says which proposals the caps left short", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 2 });
    const team = await reviewers(db, event, 3);
    const ps = await proposals(db, event, 4);
    await db.eventMember.updateMany({ where: { eventId: event.id, role: "REVIEWER" }, data: { reviewCap: 2 } });
    // The first reviewer is already at their cap.
    await createReview(db, { proposal: ps[0], reviewer: team[0] });
    await assignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId: ps[1].id, reviewerId: team[0].id });

    const result = await runAutoAssignment(db, signedInAs(event.organizer.id), event.id);

    expect(await db.reviewAssignment.count({ where: { reviewerId: team[0].id, source: "AUTO" } })).toBe(0);
    for (const r of team.slice(1)) expect(await db.reviewAssignment.count({ where: { reviewerId: r.id } })).toBe(2);
    // 8 places wanted, 2 existing + 4 within the caps: some proposals stay short, because of the caps.
    expect(result).toMatchObject({ added: 4, proposals: 4, short: { notEnoughReviewers: 0 } });
    expect(result.short.capsReached).toBeGreaterThan(0);
    expect(result.covered + result.short.capsReached).toBe(4);
  });

  it("never assigns a conflicted pair, of any kind, and reports proposals without enough eligible reviewers", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 3 });
    const rosa = await addReviewer(db, event, await createUser(db, { name: "Rosa Jiménez", profile: { company: "Linkwerk GmbH" } }));
    const [ravi, remi] = await reviewers(db, event, 2);
    const jonas = await createUser(db, { name: "Jonas Weber", profile: { company: "Linkwerk" } });
    const cospeaker = await createUser(db);
    const flagged = await createProposal(db, { event, speaker: jonas });
    const ravisOwn = await createProposal(db, { event, speaker: ravi });
    const coSpoken = await createProposal(db, { event, speaker: cospeaker });
    await createProposal(db, { event: await createEvent(db), speaker: remi, cospeakers: [cospeaker] });
    const declared = await createProposal(db, { event });
    await db.proposalConflict.create({
      data: { eventId: event.id, proposalId: declared.id, reviewerId: rosa.id, source: "ORGANIZER", createdById: event.organizer.id },
    });
    const speakerBlocked = await createProposal(db, { event });
    await db.speakerConflict.create({
      data: {
        eventId: event.id,
        reviewerId: ravi.id,
        speakerId: speakerBlocked.speaker.id,
        source: "ORGANIZER",
        createdById: event.organizer.id,
      },
    });

    const result = await runAutoAssignment(db, signedInAs(event.organizer.id), event.id);

    const pairs = await pairsOf(db, event.id);
    for (const [reviewer, proposal] of [
      [rosa, flagged],
      [ravi, ravisOwn],
      [remi, coSpoken],
      [rosa, declared],
      [ravi, speakerBlocked],
    ] as const) {
      expect(pairs).not.toContain(`${proposal.id}|${reviewer.id}`);
    }
    expect(pairs).toHaveLength(5 * 2);
    expect(result).toMatchObject({ added: 10, covered: 0, short: { notEnoughReviewers: 5, capsReached: 0 } });
  });

  it("assigns across a dismissed affiliation flag", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 1 });
    const rosa = await addReviewer(db, event, await createUser(db, { profile: { company: "Linkwerk GmbH" } }));
    const proposal = await createProposal(db, { event, speaker: await createUser(db, { profile: { company: "Linkwerk" } }) });
    expect(await runAutoAssignment(db, signedInAs(event.organizer.id), event.id)).toMatchObject({
      added: 0,
      short: { notEnoughReviewers: 1 },
    });

    await db.speakerConflict.create({
      data: {
        eventId: event.id,
        reviewerId: rosa.id,
        speakerId: proposal.speaker.id,
        source: "AFFILIATION",
        status: "DISMISSED",
        createdById: event.organizer.id,
      },
    });

    expect(await runAutoAssignment(db, signedInAs(event.organizer.id), event.id)).toMatchObject({ added: 1, covered: 1 });
    expect(await pairsOf(db, event.id)).toEqual([`${proposal.id}|${rosa.id}`]);
  });

  it("does not count an assignment that became conflicted, and covers the proposal with someone else", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 1 });
    const [r1, r2] = await reviewers(db, event, 2);
    const proposal = await createProposal(db, { event });
    await assignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId: proposal.id, reviewerId: r1.id });
    // Written directly: the declaring functions would also have removed the assignment.
    await db.proposalConflict.create({
      data: { eventId: event.id, proposalId: proposal.id, reviewerId: r1.id, source: "ORGANIZER", createdById: event.organizer.id },
    });

    expect(await runAutoAssignment(db, signedInAs(event.organizer.id), event.id)).toMatchObject({ added: 1, covered: 1 });
    expect(await pairsOf(db, event.id)).toEqual([`${proposal.id}|${r1.id}`, `${proposal.id}|${r2.id}`].sort());
  });

  it("favours reviewers' preferred tracks", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 1 });
    const [systems, web] = await reviewers(db, event, 2);
    const members = await db.eventMember.findMany({ where: { eventId: event.id, role: "REVIEWER" } });
    const memberOf = (u: User) => members.find((m) => m.userId === u.id)!.id;
    await updateReviewerPreferences(db, signedInAs(event.organizer.id), event.id, memberOf(systems), {
      reviewCap: null,
      trackIds: [event.tracks[0].id],
    });
    await updateReviewerPreferences(db, signedInAs(event.organizer.id), event.id, memberOf(web), {
      reviewCap: null,
      trackIds: [event.tracks[1].id],
    });
    const [a, b] = await proposals(db, event, 2); // tracks 0 and 1

    await runAutoAssignment(db, signedInAs(event.organizer.id), event.id);

    expect(await pairsOf(db, event.id)).toEqual([`${a.id}|${systems.id}`, `${b.id}|${web.id}`].sort());
  });

  it("is idempotent: a second run keeps every assignment and adds nothing", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 2 });
    await reviewers(db, event, 3);
    await proposals(db, event, 5);
    const first = await runAutoAssignment(db, signedInAs(event.organizer.id), event.id);
    const before = await snapshot(db);

    const second = await runAutoAssignment(db, signedInAs(event.organizer.id), event.id);

    expect(second).toEqual({ ...first, added: 0, reviewersNotified: 0 });
    expect(await snapshot(db)).toEqual(before);
  });

  it("a rerun after a new submission assigns only the new proposal", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 2 });
    await reviewers(db, event, 3);
    await proposals(db, event, 3);
    await runAutoAssignment(db, signedInAs(event.organizer.id), event.id);
    const before = await pairsOf(db, event.id);
    const late = await createProposal(db, { event });

    expect(await runAutoAssignment(db, signedInAs(event.organizer.id), event.id)).toMatchObject({ added: 2, covered: 4 });
    const after = await pairsOf(db, event.id);
    expect(after.filter((p) => !before.includes(p)).every((p) => p.startsWith(`${late.id}|`))).toBe(true);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it("two runs that both read before either writes create no duplicates and add each pair once", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 2 });
    await reviewers(db, event, 3);
    await proposals(db, event, 4);
    const together = afterQuery(db, "proposal", "findMany", barrier(2));

    const results = await Promise.all([
      runAutoAssignment(together, signedInAs(event.organizer.id), event.id),
      runAutoAssignment(together, signedInAs(event.organizer.id), event.id),
    ]);

    expect(results.map((r) => r.added).sort()).toEqual([0, 8]);
    expect(await db.reviewAssignment.count()).toBe(8);
    expect(new Set(await pairsOf(db, event.id)).size).toBe(8);
    expect(await db.outboxEmail.count({ where: { kind: "review-assignment" } })).toBe(3);
  });

  it("five runs at once on one client assign each pair once", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 2 });
    await reviewers(db, event, 3);
    await proposals(db, event, 6);

    const results = await Promise.all(Array.from({ length: 5 }, () => runAutoAssignment(db, signedInAs(event.organizer.id), event.id)));

    expect(results.reduce((sum, r) => sum + r.added, 0)).toBe(12);
    expect(await db.reviewAssignment.count()).toBe(12);
  });

  it("a conflict declared while the plan is computed is never assigned", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 2 });
    const [r1] = await reviewers(db, event, 2);
    const proposal = await createProposal(db, { event });
    const { client } = afterFirst(db, "proposal", "findMany", () =>
      db.proposalConflict.create({
        data: { eventId: event.id, proposalId: proposal.id, reviewerId: r1.id, source: "ORGANIZER", createdById: event.organizer.id },
      }),
    );

    await runAutoAssignment(client, signedInAs(event.organizer.id), event.id);

    expect(await pairsOf(db, event.id)).not.toContain(`${proposal.id}|${r1.id}`);
  });

  it("emails each reviewer with new assignments once, with how many and a link to their queue", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 1, name: "Oxidize Lisbon 2027" });
    const [r1, r2] = await reviewers(db, event, 2);
    await proposals(db, event, 4);

    await runAutoAssignment(db, signedInAs(event.organizer.id), event.id);
    await runAutoAssignment(db, signedInAs(event.organizer.id), event.id);

    const mails = await db.outboxEmail.findMany({ orderBy: { to: "asc" } });
    expect(mails.map((m) => m.to)).toEqual([r1.email, r2.email].sort());
    for (const m of mails) {
      expect(m).toMatchObject({ kind: "review-assignment", subject: "New proposals to review for Oxidize Lisbon 2027 (2)" });
      expect(decodeURIComponent(m.text)).toContain(`/signin?callbackUrl=/review/${event.slug}`);
    }
  });

  it("writes nothing, not even an email, when a run fails halfway", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 1 });
    await reviewers(db, event, 1);
    await proposals(db, event, 2);
    const failing = afterQuery(db, "outboxEmail", "create", async () => {
      throw new Error("disk full");
    });
    const before = await snapshot(db);

    await expect(runAutoAssignment(failing, signedInAs(event.organizer.id), event.id)).rejects.toThrow("disk full");

    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    ["a reviewer of the same event", "forbidden"],
    ["an organizer of another event", "not_found"],
    ["a speaker of the event", "not_found"],
    ["an anonymous caller", "unauthenticated"],
  ] as const)("refuses %s (%s) and changes nothing", async (who, code) => {
    const db = getDb();
    const event = await createEvent(db);
    await reviewers(db, event, 2);
    await proposals(db, event, 2);
    const actor = (await outsiders(db, event)).find(([w]) => w === who)![2];
    await expectRefused(db, code, () => runAutoAssignment(db, signedInAs(actor), event.id));
  });

  it("refuses an unknown event id (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await expectRefused(db, "not_found", () => runAutoAssignment(db, signedInAs(event.organizer.id), "no-such-event"));
  });
});

describe("assignReviewer / unassignReviewer", () => {
  it("assigns a reviewer by hand (MANUAL) and removes the assignment again", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const [reviewer] = await reviewers(db, event, 1);
    const proposal = await createProposal(db, { event });
    const target = { proposalId: proposal.id, reviewerId: reviewer.id };

    await assignReviewer(db, signedInAs(event.organizer.id), event.id, target);
    expect(await db.reviewAssignment.findMany({ select: { proposalId: true, reviewerId: true, source: true, eventId: true } })).toEqual([
      { ...target, source: "MANUAL", eventId: event.id },
    ]);

    await unassignReviewer(db, signedInAs(event.organizer.id), event.id, target);
    expect(await db.reviewAssignment.count()).toBe(0);
  });

  it("may go beyond a reviewer's cap: caps are for automatic assignment", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const [reviewer] = await reviewers(db, event, 1);
    await db.eventMember.updateMany({ where: { userId: reviewer.id }, data: { reviewCap: 0 } });
    const proposal = await createProposal(db, { event });
    await assignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId: proposal.id, reviewerId: reviewer.id });
    expect(await db.reviewAssignment.count()).toBe(1);
  });

  it("refuses a conflicted pair with a message naming the reviewer", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const rosa = await addReviewer(db, event, await createUser(db, { name: "Rosa Jiménez", profile: { company: "Linkwerk GmbH" } }));
    const proposal = await createProposal(db, { event, speaker: await createUser(db, { profile: { company: "Linkwerk" } }) });

    const error = await expectRefused(db, "invalid", () =>
      assignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId: proposal.id, reviewerId: rosa.id }),
    );
    expect(error.message).toBe("Rosa Jiménez has a conflict of interest with this proposal and cannot be assigned to it.");
    expect(error.fields).toEqual({ reviewerId: error.message });
  });

  it("refuses their own proposal", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const [reviewer] = await reviewers(db, event, 1);
    const own = await createProposal(db, { event, speaker: reviewer });
    await expectRefused(db, "invalid", () =>
      assignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId: own.id, reviewerId: reviewer.id }),
    );
  });

  it("refuses an organizer (invalid), someone off the team and a reviewer of another event (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event });
    const assign = (reviewerId: string) => () =>
      assignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId: proposal.id, reviewerId });
    const organizer = await addOrganizer(db, event);
    const stranger = await createUser(db);
    const elsewhere = await addReviewer(db, await createEvent(db));

    expect((await expectRefused(db, "invalid", assign(organizer.id))).message).toMatch(/is an organizer, not a reviewer/);
    await expectRefused(db, "not_found", assign(stranger.id));
    await expectRefused(db, "not_found", assign(elsewhere.id));
  });

  it("refuses a proposal of another event or a draft (not_found), and a decided one (invalid)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const [reviewer] = await reviewers(db, event, 1);
    const other = await createEvent(db);
    await addReviewer(db, other, reviewer);
    const assign = (proposalId: string) => () =>
      assignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId, reviewerId: reviewer.id });

    await expectRefused(db, "not_found", assign((await createProposal(db, { event: other })).id));
    await expectRefused(db, "not_found", assign((await createProposal(db, { event, status: "draft" })).id));
    await expectRefused(db, "not_found", assign("no-such-proposal"));
    for (const status of ["accepted", "rejected", "withdrawn"] as const) {
      await expectRefused(db, "invalid", assign((await createProposal(db, { event, status })).id));
    }
  });

  it("refuses to assign the same reviewer twice (conflict)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const [reviewer] = await reviewers(db, event, 1);
    const proposal = await createProposal(db, { event });
    const target = { proposalId: proposal.id, reviewerId: reviewer.id };
    await assignReviewer(db, signedInAs(event.organizer.id), event.id, target);
    const error = await expectRefused(db, "conflict", () => assignReviewer(db, signedInAs(event.organizer.id), event.id, target));
    expect(error.message).toMatch(/already assigned/);
  });

  it("rolls back an assignment when a conflict was declared while it was being made", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const [reviewer] = await reviewers(db, event, 1);
    const proposal = await createProposal(db, { event });
    const { client } = afterFirst(db, "proposal", "findFirst", () =>
      db.proposalConflict.create({
        data: { eventId: event.id, proposalId: proposal.id, reviewerId: reviewer.id, source: "ORGANIZER", createdById: event.organizer.id },
      }),
    );
    await expectDomainError(
      assignReviewer(client, signedInAs(event.organizer.id), event.id, { proposalId: proposal.id, reviewerId: reviewer.id }),
      "invalid",
    );
    expect(await db.reviewAssignment.count()).toBe(0);
  });

  it("unassign: refuses an assignment that does not exist or belongs to another event (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const [reviewer] = await reviewers(db, other, 1);
    const theirs = await createProposal(db, { event: other });
    await assignReviewer(db, signedInAs(other.organizer.id), other.id, { proposalId: theirs.id, reviewerId: reviewer.id });

    await expectRefused(db, "not_found", () =>
      unassignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId: theirs.id, reviewerId: reviewer.id }),
    );
    await expectRefused(db, "not_found", () =>
      unassignReviewer(db, signedInAs(other.organizer.id), other.id, { proposalId: theirs.id, reviewerId: other.organizer.id }),
    );
  });

  it.each([
    ["a reviewer of the same event", "forbidden"],
    ["an organizer of another event", "not_found"],
    ["a speaker of the event", "not_found"],
    ["an anonymous caller", "unauthenticated"],
  ] as const)("refuses %s (%s) for both and changes nothing", async (who, code) => {
    const db = getDb();
    const event = await createEvent(db);
    const [reviewer, other] = await reviewers(db, event, 2);
    const proposal = await createProposal(db, { event });
    await assignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId: proposal.id, reviewerId: other.id });
    const actor = (await outsiders(db, event)).find(([w]) => w === who)![2];

    await expectRefused(db, code, () =>
      assignReviewer(db, signedInAs(actor), event.id, { proposalId: proposal.id, reviewerId: reviewer.id }),
    );
    await expectRefused(db, code, () =>
      unassignReviewer(db, signedInAs(actor), event.id, { proposalId: proposal.id, reviewerId: other.id }),
    );
  });
});

describe("updateReviewerPreferences", () => {
  async function setup(db: Db) {
    const event = await createEvent(db);
    const [reviewer] = await reviewers(db, event, 1);
    const member = await db.eventMember.findUniqueOrThrow({ where: { eventId_userId: { eventId: event.id, userId: reviewer.id } } });
    const prefs = async () => ({
      reviewCap: (await db.eventMember.findUniqueOrThrow({ where: { id: member.id } })).reviewCap,
      trackIds: (await db.reviewerTrack.findMany({ where: { memberId: member.id }, orderBy: { trackId: "asc" } })).map((t) => t.trackId),
    });
    return { event, member, prefs };
  }

  it("sets the cap and the preferred tracks, and replaces them on the next save", async () => {
    const db = getDb();
    const { event, member, prefs } = await setup(db);
    const [systems, web] = event.tracks;

    await updateReviewerPreferences(db, signedInAs(event.organizer.id), event.id, member.id, {
      reviewCap: 12,
      trackIds: [systems.id, web.id, web.id],
    });
    expect(await prefs()).toEqual({ reviewCap: 12, trackIds: [systems.id, web.id].sort() });

    await updateReviewerPreferences(db, signedInAs(event.organizer.id), event.id, member.id, { reviewCap: null, trackIds: [web.id] });
    expect(await prefs()).toEqual({ reviewCap: null, trackIds: [web.id] });
  });

  it("the form schema turns an empty cap into no cap and refuses anything but a whole number ≥ 0", () => {
    const parse = (reviewCap: string) => reviewerPreferencesInput.safeParse({ memberId: "m1", reviewCap, trackIds: [] });
    expect(parse(" ").data?.reviewCap).toBeNull();
    expect(parse("0").data?.reviewCap).toBe(0);
    expect(parse("15").data?.reviewCap).toBe(15);
    for (const bad of ["-1", "2.5", "ten", "1001"]) expect(parse(bad).error?.issues[0].path).toEqual(["reviewCap"]);
  });

  it("refuses a track of another event (invalid, next to the tracks) and a bad cap", async () => {
    const db = getDb();
    const { event, member } = await setup(db);
    const other = await createEvent(db);
    const error = await expectRefused(db, "invalid", () =>
      updateReviewerPreferences(db, signedInAs(event.organizer.id), event.id, member.id, { reviewCap: 3, trackIds: [other.tracks[0].id] }),
    );
    expect(error.fields).toEqual({ trackIds: "Choose tracks of this event." });
    await expectRefused(db, "invalid", () =>
      updateReviewerPreferences(db, signedInAs(event.organizer.id), event.id, member.id, { reviewCap: -1, trackIds: [] }),
    );
  });

  it("refuses a member of another event and an organizer's membership (not_found)", async () => {
    const db = getDb();
    const { event } = await setup(db);
    const other = await createEvent(db);
    const theirs = await addReviewer(db, other);
    const theirMember = await db.eventMember.findUniqueOrThrow({ where: { eventId_userId: { eventId: other.id, userId: theirs.id } } });
    const organizerMember = await db.eventMember.findUniqueOrThrow({
      where: { eventId_userId: { eventId: event.id, userId: event.organizer.id } },
    });
    for (const memberId of [theirMember.id, organizerMember.id, "no-such-member"]) {
      await expectRefused(db, "not_found", () =>
        updateReviewerPreferences(db, signedInAs(event.organizer.id), event.id, memberId, { reviewCap: 1, trackIds: [] }),
      );
    }
  });

  it.each([
    ["a reviewer of the same event", "forbidden"],
    ["an organizer of another event", "not_found"],
    ["a speaker of the event", "not_found"],
    ["an anonymous caller", "unauthenticated"],
  ] as const)("refuses %s (%s) and changes nothing", async (who, code) => {
    const db = getDb();
    const { event, member } = await setup(db);
    const actor = (await outsiders(db, event)).find(([w]) => w === who)![2];
    await expectRefused(db, code, () =>
      updateReviewerPreferences(db, signedInAs(actor), event.id, member.id, { reviewCap: 1, trackIds: [event.tracks[0].id] }),
    );
  });
});

describe("assignmentOverview", () => {
  it("shows coverage, each reviewer's load, and per proposal who is on it and who else may be assigned", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 2 });
    const rosa = await addReviewer(db, event, await createUser(db, { name: "Rosa Jiménez", profile: { company: "Linkwerk GmbH" } }));
    const ravi = await addReviewer(db, event, await createUser(db, { name: "Ravi Menon" }));
    const flagged = await createProposal(db, { event, speaker: await createUser(db, { profile: { company: "Linkwerk" } }) });
    const open = await createProposal(db, { event });
    await assignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId: open.id, reviewerId: rosa.id });
    await createReview(db, { proposal: open, reviewer: ravi });

    const view = await assignmentOverview(db, signedInAs(event.organizer.id), event.id);

    expect(view.summary).toEqual({ reviewersPerProposal: 2, proposals: 2, covered: 1, short: 1, notEnoughReviewers: 1 });
    expect(view.reviewers.map((r) => [r.person.name, r.assigned, r.reviewed])).toEqual([
      ["Ravi Menon", 0, 1],
      ["Rosa Jiménez", 1, 0],
    ]);
    expect(view.proposals.map((p) => p.id)).toEqual([flagged.id, open.id]); // least covered first
    expect(view.proposals[0].eligible.map((r) => r.person.name)).toEqual(["Ravi Menon"]);
    expect(view.proposals[1]).toMatchObject({
      count: 2,
      assigned: [{ person: { name: "Rosa Jiménez" }, source: "MANUAL", reviewed: false, conflicted: false }],
      reviewedUnassigned: [{ name: "Ravi Menon" }],
      eligible: [],
    });
  });

  it("pages proposals 50 at a time", async () => {
    const db = getDb();
    const event = await createEvent(db);
    for (let i = 0; i < 51; i++) await createProposal(db, { event });

    const first = await assignmentOverview(db, signedInAs(event.organizer.id), event.id, 1);
    const second = await assignmentOverview(db, signedInAs(event.organizer.id), event.id, 2);
    const beyond = await assignmentOverview(db, signedInAs(event.organizer.id), event.id, 99);
    expect([first.proposals.length, second.proposals.length, first.pages]).toEqual([50, 1, 2]);
    expect(beyond.page).toBe(2);
  });

  it.each([
    ["a reviewer of the same event", "forbidden"],
    ["an organizer of another event", "not_found"],
    ["a speaker of the event", "not_found"],
    ["an anonymous caller", "unauthenticated"],
  ] as const)("refuses %s (%s)", async (who, code) => {
    const db = getDb();
    const event = await createEvent(db);
    const actor = (await outsiders(db, event)).find(([w]) => w === who)![2];
    await expectDomainError(() => assignmentOverview(db, signedInAs(actor), event.id), code);
  });
});
