// The organizers' conflicts page: declared conflicts (lib/reviews/conflicts/manage.ts),
// affiliation flags (affiliation.ts), and the choices its form offers (lib/assignment/conflict-choices.ts).
import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal, createReview, createUser, type EventFixture } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { declareConflict, listConflicts, removeConflict } from "@/lib/reviews/conflicts/manage";
import { affiliationFlags, resolveAffiliationFlag } from "@/lib/reviews/conflicts/affiliation";
import { hasConflict } from "@/lib/reviews/conflicts/filter";
import { conflictChoices } from "@/lib/assignment/conflict-choices";
import { assignReviewer } from "@/lib/assignment/manual";
import { runAutoAssignment } from "@/lib/assignment/run-assignment";
import { expectDomainError, expectRefused } from "./helpers";

const getDb = useTestDb();

const reviewCount = async (db: Db, proposalId: string) => (await db.proposalStats.findUniqueOrThrow({ where: { proposalId } })).reviewCount;

/** Rosa (reviewer, "Linkwerk GmbH") and Jonas (speaker, "Linkwerk"): the seeded affiliation match. */
async function linkwerk(db: Db, event: EventFixture) {
  const rosa = await addReviewer(db, event, await createUser(db, { name: "Rosa Jiménez", profile: { company: "Linkwerk GmbH" } }));
  const jonas = await createUser(db, { name: "Jonas Weber", profile: { company: "Linkwerk" } });
  const proposal = await createProposal(db, { event, speaker: jonas, title: "LTO in the wild" });
  return { rosa, jonas, proposal };
}

const WHO = [
  ["a reviewer of the same event", "forbidden"],
  ["an organizer of another event", "not_found"],
  ["a speaker of the event", "not_found"],
  ["an anonymous caller", "unauthenticated"],
] as const;

async function actorFor(db: Db, event: EventFixture, who: (typeof WHO)[number][0]): Promise<string | null> {
  switch (who) {
    case "a reviewer of the same event":
      return (await addReviewer(db, event)).id;
    case "an organizer of another event":
      return (await createEvent(db)).organizer.id;
    case "a speaker of the event":
      return (await createProposal(db, { event })).speaker.id;
    case "an anonymous caller":
      return null;
  }
}

describe("declareConflict (organizer)", () => {
  it("with a proposal: blocks the reviewer and removes their assignment and review of it", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const [reviewer, other] = [await addReviewer(db, event), await addReviewer(db, event)];
    const proposal = await createProposal(db, { event });
    await assignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId: proposal.id, reviewerId: reviewer.id });
    await createReview(db, { proposal, reviewer });
    await createReview(db, { proposal, reviewer: other });

    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, proposalId: proposal.id });

    expect(await hasConflict(db, event.id, reviewer.id, proposal.id)).toBe(true);
    expect(await db.proposalConflict.findMany({ select: { reviewerId: true, proposalId: true, source: true, createdById: true } })).toEqual(
      [{ reviewerId: reviewer.id, proposalId: proposal.id, source: "ORGANIZER", createdById: event.organizer.id }],
    );
    expect(await db.reviewAssignment.count()).toBe(0);
    expect(await db.review.findMany({ select: { reviewerId: true } })).toEqual([{ reviewerId: other.id }]);
    expect(await reviewCount(db, proposal.id)).toBe(1);
  });

  it("with a speaker: blocks everything the speaker is on, and nothing else", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 1 });
    const reviewer = await addReviewer(db, event);
    const speaker = await createUser(db);
    const owned = await createProposal(db, { event, speaker });
    const coSpoken = await createProposal(db, { event, cospeakers: [speaker] });
    const unrelated = await createProposal(db, { event });
    await assignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId: owned.id, reviewerId: reviewer.id });

    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, speakerId: speaker.id });

    expect(await hasConflict(db, event.id, reviewer.id, owned.id)).toBe(true);
    expect(await hasConflict(db, event.id, reviewer.id, coSpoken.id)).toBe(true);
    expect(await hasConflict(db, event.id, reviewer.id, unrelated.id)).toBe(false);
    expect(await db.reviewAssignment.count()).toBe(0);
    await runAutoAssignment(db, signedInAs(event.organizer.id), event.id);
    expect(await db.reviewAssignment.findMany({ select: { proposalId: true } })).toEqual([{ proposalId: unrelated.id }]);
  });

  it("keeps reviews of decided proposals: the decision's history stays", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const decided = await createProposal(db, { event, status: "accepted" });
    await createReview(db, { proposal: decided, reviewer });
    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, speakerId: decided.speaker.id });
    expect(await db.review.count()).toBe(1);
  });

  it("declaring twice is harmless, and re-declaring a dismissed speaker match makes it a conflict", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { rosa, jonas, proposal } = await linkwerk(db, event);
    await resolveAffiliationFlag(db, signedInAs(event.organizer.id), event.id, {
      reviewerId: rosa.id,
      speakerId: jonas.id,
      decision: "dismiss",
    });

    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: rosa.id, speakerId: jonas.id });
    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: rosa.id, speakerId: jonas.id });
    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: rosa.id, proposalId: proposal.id });
    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: rosa.id, proposalId: proposal.id });

    expect(await db.speakerConflict.findMany({ select: { status: true, source: true } })).toEqual([
      { status: "ACTIVE", source: "ORGANIZER" },
    ]);
    expect(await db.proposalConflict.count()).toBe(1);
    expect(await hasConflict(db, event.id, rosa.id, proposal.id)).toBe(true);
  });

  it("refuses ids from elsewhere: a reviewer or proposal of another event (not_found), a speaker not on this event (invalid)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const other = await createEvent(db);
    const theirReviewer = await addReviewer(db, other);
    const theirs = await createProposal(db, { event: other });
    const ours = await createProposal(db, { event });
    const draft = await createProposal(db, { event, status: "draft", speaker: await createUser(db) });
    const declare = (target: Parameters<typeof declareConflict>[3]) => () =>
      declareConflict(db, signedInAs(event.organizer.id), event.id, target);

    await expectRefused(db, "not_found", declare({ reviewerId: theirReviewer.id, proposalId: ours.id }));
    await expectRefused(db, "not_found", declare({ reviewerId: reviewer.id, proposalId: theirs.id }));
    await expectRefused(db, "invalid", declare({ reviewerId: reviewer.id, speakerId: theirs.speaker.id }));
    await expectRefused(db, "invalid", declare({ reviewerId: reviewer.id, speakerId: draft.speaker.id }));
  });

  it.each(WHO)("refuses %s (%s) and changes nothing", async (who, code) => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event });
    const actor = await actorFor(db, event, who);
    await expectRefused(db, code, () =>
      declareConflict(db, signedInAs(actor), event.id, { reviewerId: reviewer.id, proposalId: proposal.id }),
    );
    await expectRefused(db, code, () =>
      declareConflict(db, signedInAs(actor), event.id, { reviewerId: reviewer.id, speakerId: proposal.speaker.id }),
    );
  });
});

describe("removeConflict and listConflicts", () => {
  it("lists both kinds with their source, and removing one lets the reviewer be assigned again", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event, await createUser(db, { name: "Ravi Menon" }));
    const proposal = await createProposal(db, { event, title: "Rust channels" });
    const speaker = await createUser(db, { name: "Sam Okafor" });
    await createProposal(db, { event, speaker });
    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, proposalId: proposal.id });
    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, speakerId: speaker.id });

    const { proposalConflicts, speakerConflicts } = await listConflicts(db, signedInAs(event.organizer.id), event.id);
    expect(proposalConflicts).toMatchObject([
      { source: "ORGANIZER", reviewer: { name: "Ravi Menon" }, proposal: { title: "Rust channels" } },
    ]);
    expect(speakerConflicts).toMatchObject([
      { source: "ORGANIZER", status: "ACTIVE", reviewer: { name: "Ravi Menon" }, speaker: { name: "Sam Okafor" } },
    ]);

    await removeConflict(db, signedInAs(event.organizer.id), event.id, { kind: "proposal", id: proposalConflicts[0].id });
    await removeConflict(db, signedInAs(event.organizer.id), event.id, { kind: "speaker", id: speakerConflicts[0].id });

    expect(await listConflicts(db, signedInAs(event.organizer.id), event.id)).toEqual({ proposalConflicts: [], speakerConflicts: [] });
    await assignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId: proposal.id, reviewerId: reviewer.id });
  });

  it("removing a confirmed affiliation conflict reopens the flag: the company match blocks again until resolved", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { rosa, jonas, proposal } = await linkwerk(db, event);
    await resolveAffiliationFlag(db, signedInAs(event.organizer.id), event.id, {
      reviewerId: rosa.id,
      speakerId: jonas.id,
      decision: "confirm",
    });
    const [confirmed] = (await listConflicts(db, signedInAs(event.organizer.id), event.id)).speakerConflicts;
    expect(confirmed).toMatchObject({ source: "AFFILIATION", status: "ACTIVE" });

    await removeConflict(db, signedInAs(event.organizer.id), event.id, { kind: "speaker", id: confirmed.id });

    expect(await affiliationFlags(db, signedInAs(event.organizer.id), event.id)).toHaveLength(1);
    expect(await hasConflict(db, event.id, rosa.id, proposal.id)).toBe(true);
  });

  it("refuses a conflict of another event or an unknown id (not_found), leaving the other event's conflict alone", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const reviewer = await addReviewer(db, other);
    const theirs = await createProposal(db, { event: other });
    await declareConflict(db, signedInAs(other.organizer.id), other.id, { reviewerId: reviewer.id, proposalId: theirs.id });
    await declareConflict(db, signedInAs(other.organizer.id), other.id, { reviewerId: reviewer.id, speakerId: theirs.speaker.id });
    const { proposalConflicts, speakerConflicts } = await listConflicts(db, signedInAs(other.organizer.id), other.id);

    await expectRefused(db, "not_found", () =>
      removeConflict(db, signedInAs(event.organizer.id), event.id, { kind: "proposal", id: proposalConflicts[0].id }),
    );
    await expectRefused(db, "not_found", () =>
      removeConflict(db, signedInAs(event.organizer.id), event.id, { kind: "speaker", id: speakerConflicts[0].id }),
    );
    // The right event with the other kind's id: still not found.
    await expectRefused(db, "not_found", () =>
      removeConflict(db, signedInAs(other.organizer.id), other.id, { kind: "speaker", id: proposalConflicts[0].id }),
    );
    await expectRefused(db, "not_found", () =>
      removeConflict(db, signedInAs(event.organizer.id), event.id, { kind: "proposal", id: "no-such-conflict" }),
    );
  });

  it.each(WHO)("refuses %s (%s) to list or remove", async (who, code) => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event });
    await declareConflict(db, signedInAs(event.organizer.id), event.id, { reviewerId: reviewer.id, proposalId: proposal.id });
    const [declared] = (await listConflicts(db, signedInAs(event.organizer.id), event.id)).proposalConflicts;
    const actor = await actorFor(db, event, who);

    await expectDomainError(() => listConflicts(db, signedInAs(actor), event.id), code);
    await expectRefused(db, code, () => removeConflict(db, signedInAs(actor), event.id, { kind: "proposal", id: declared.id }));
  });
});

describe("affiliation flags", () => {
  it("flags a reviewer and a speaker whose companies match (Linkwerk GmbH ~ Linkwerk), and the flag blocks the reviewer", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 1 });
    const { rosa, jonas, proposal } = await linkwerk(db, event);

    expect(await affiliationFlags(db, signedInAs(event.organizer.id), event.id)).toEqual([
      {
        reviewer: { id: rosa.id, name: "Rosa Jiménez", email: rosa.email },
        speaker: { id: jonas.id, name: "Jonas Weber", email: jonas.email },
        company: "Linkwerk",
        blocking: true,
      },
    ]);
    expect(await hasConflict(db, event.id, rosa.id, proposal.id)).toBe(true);
    await expectRefused(db, "invalid", () =>
      assignReviewer(db, signedInAs(event.organizer.id), event.id, { proposalId: proposal.id, reviewerId: rosa.id }),
    );
    expect(await runAutoAssignment(db, signedInAs(event.organizer.id), event.id)).toMatchObject({
      added: 0,
      short: { notEnoughReviewers: 1 },
    });
  });

  it("dismissing closes the flag and lets the reviewer review and be assigned", async () => {
    const db = getDb();
    const event = await createEvent(db, { reviewsPerProposal: 1 });
    const { rosa, jonas, proposal } = await linkwerk(db, event);

    await resolveAffiliationFlag(db, signedInAs(event.organizer.id), event.id, {
      reviewerId: rosa.id,
      speakerId: jonas.id,
      decision: "dismiss",
    });

    expect(await affiliationFlags(db, signedInAs(event.organizer.id), event.id)).toEqual([]);
    expect(await db.speakerConflict.findMany({ select: { status: true, source: true, createdById: true } })).toEqual([
      { status: "DISMISSED", source: "AFFILIATION", createdById: event.organizer.id },
    ]);
    expect(await hasConflict(db, event.id, rosa.id, proposal.id)).toBe(false);
    expect(await runAutoAssignment(db, signedInAs(event.organizer.id), event.id)).toMatchObject({ added: 1, covered: 1 });
  });

  it("confirming keeps the reviewer blocked and removes their assignment and review of a still-submitted proposal, not of a decided one", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { rosa, jonas, proposal } = await linkwerk(db, event);
    const decided = await createProposal(db, { event, speaker: jonas, status: "accepted" });
    const colleague = await addReviewer(db, event);
    // Written directly, as if Rosa had reviewed before either of them gave a company.
    await db.reviewAssignment.create({ data: { eventId: event.id, proposalId: proposal.id, reviewerId: rosa.id } });
    await createReview(db, { proposal, reviewer: rosa, score: 5 });
    await createReview(db, { proposal, reviewer: colleague, score: 2 });
    await createReview(db, { proposal: decided, reviewer: rosa });
    expect(await reviewCount(db, proposal.id)).toBe(2);

    await resolveAffiliationFlag(db, signedInAs(event.organizer.id), event.id, {
      reviewerId: rosa.id,
      speakerId: jonas.id,
      decision: "confirm",
    });

    expect(await affiliationFlags(db, signedInAs(event.organizer.id), event.id)).toEqual([]);
    expect(await hasConflict(db, event.id, rosa.id, proposal.id)).toBe(true);
    expect(await db.reviewAssignment.count()).toBe(0);
    expect(await db.review.findMany({ where: { reviewerId: rosa.id }, select: { proposalId: true } })).toEqual([
      { proposalId: decided.id },
    ]);
    expect(await db.proposalStats.findUniqueOrThrow({ where: { proposalId: proposal.id } })).toMatchObject({
      reviewCount: 1,
      avgScore: 0.25,
    }); // the colleague's 2 on 1–5
  });

  it("refuses to resolve a pair that is not flagged, or a flag already resolved (invalid)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { rosa, jonas } = await linkwerk(db, event);
    const other = await createProposal(db, { event });
    const resolve = (speakerId: string, decision: "confirm" | "dismiss") => () =>
      resolveAffiliationFlag(db, signedInAs(event.organizer.id), event.id, { reviewerId: rosa.id, speakerId, decision });

    await expectRefused(db, "invalid", resolve(other.speaker.id, "confirm"));
    await resolve(jonas.id, "dismiss")();
    await expectRefused(db, "invalid", resolve(jonas.id, "confirm"));
  });

  it("two organizers resolving the same flag at once: one wins, the other is refused", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const second = await addOrganizer(db, event);
    const { rosa, jonas } = await linkwerk(db, event);

    const results = await Promise.allSettled([
      resolveAffiliationFlag(db, signedInAs(event.organizer.id), event.id, {
        reviewerId: rosa.id,
        speakerId: jonas.id,
        decision: "confirm",
      }),
      resolveAffiliationFlag(db, signedInAs(second.id), event.id, { reviewerId: rosa.id, speakerId: jonas.id, decision: "dismiss" }),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused.reason).toBeInstanceOf(DomainError);
    expect(["conflict", "invalid"]).toContain((refused.reason as DomainError).code);
    expect(await db.speakerConflict.count()).toBe(1);
  });

  it("refuses a reviewer of another event (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { jonas } = await linkwerk(db, event);
    const other = await createEvent(db);
    const elsewhere = await addReviewer(db, other, await createUser(db, { profile: { company: "Linkwerk" } }));
    await expectRefused(db, "not_found", () =>
      resolveAffiliationFlag(db, signedInAs(event.organizer.id), event.id, {
        reviewerId: elsewhere.id,
        speakerId: jonas.id,
        decision: "dismiss",
      }),
    );
  });

  it.each(WHO)("refuses %s (%s) to list or resolve flags", async (who, code) => {
    const db = getDb();
    const event = await createEvent(db);
    const { rosa, jonas } = await linkwerk(db, event);
    const actor = await actorFor(db, event, who);

    await expectDomainError(() => affiliationFlags(db, signedInAs(actor), event.id), code);
    for (const decision of ["confirm", "dismiss"] as const) {
      await expectRefused(db, code, () =>
        resolveAffiliationFlag(db, signedInAs(actor), event.id, { reviewerId: rosa.id, speakerId: jonas.id, decision }),
      );
    }
  });
});

describe("conflictChoices", () => {
  it("offers the team (reviewers first), the event's non-draft proposals and their speakers", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const rosa = await addReviewer(db, event, await createUser(db, { name: "Rosa Jiménez" }));
    const ravi = await addReviewer(db, event, await createUser(db, { name: "Ravi Menon" }));
    const mara = await createUser(db, { name: "Mara Chen" });
    const jonas = await createUser(db, { name: "Jonas Weber" });
    const b = await createProposal(db, { event, speaker: mara, title: "B talk" });
    const a = await createProposal(db, { event, speaker: jonas, title: "A talk", status: "withdrawn" });
    await createProposal(db, { event, speaker: await createUser(db, { name: "Draft Only" }), title: "Draft", status: "draft" });
    await createProposal(db, { event: await createEvent(db), title: "Elsewhere" });

    const choices = await conflictChoices(db, signedInAs(event.organizer.id), event.id);

    expect(choices.members.map((m) => m.id)).toEqual([ravi.id, rosa.id, event.organizer.id]);
    expect(choices.proposals).toEqual([
      { id: a.id, title: "A talk" },
      { id: b.id, title: "B talk" },
    ]);
    expect(choices.speakers.map((s) => s.name)).toEqual(["Jonas Weber", "Mara Chen"]);
  });

  it.each(WHO)("refuses %s (%s)", async (who, code) => {
    const db = getDb();
    const event = await createEvent(db);
    const actor = await actorFor(db, event, who);
    await expectDomainError(() => conflictChoices(db, signedInAs(actor), event.id), code);
  });
});
