import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addReviewer, createEvent, createInvitation, createProposal, createReview, createUser, type EventFixture } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { respondToInvitation } from "@/lib/cospeakers/respond";
import { inviteTeamMember } from "@/lib/events/team";
import { profileInput } from "@/lib/profile/schemas";
import { updateProfile } from "@/lib/profile/profile";
import { affiliationFlags, resolveAffiliationFlag } from "@/lib/reviews/conflicts/affiliation";
import { listDiscussion } from "@/lib/reviews/discussion";
import { refreshEventStats } from "@/lib/reviews/proposal-stats";
import { nextUnreviewed, queueNeighbours, reviewerQueue } from "@/lib/reviews/queue";
import { saveReview } from "@/lib/reviews/save-review";
import { reviewInput } from "@/lib/reviews/schemas";
import { reviewerView } from "@/lib/reviews/team-view";

// Findings 3 and 4 of issue 10: a reviewer's own company must not be an
// oracle for who works where, nor a way around an affiliation conflict.

const getDb = useTestDb();

const setCompany = (db: Db, user: User, company: string) =>
  updateProfile(
    db,
    signedInAs(user.id),
    profileInput.parse({ name: user.name ?? "Someone", bio: "", company, location: "", website: "", github: "", mastodon: "" }),
  );
const personAt = (db: Db, name: string, company: string) => createUser(db, { name, profile: { company } });
const review = (event: EventFixture, value: number) =>
  reviewInput.parse({ scores: { [event.criteria[0].id]: String(value) }, comment: "" });
const outcome = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ value }),
    (e: unknown) => (e instanceof DomainError ? { refused: e.code, message: e.message } : Promise.reject(e)),
  );

/** Everything the reviewer's queue page and each proposal page render from the domain, as one string. */
async function whatTheReviewerSees(db: Db, reviewer: User, event: EventFixture, proposalIds: string[]) {
  const queues = [];
  for (const filter of [{}, { trackId: event.tracks[0].id }])
    queues.push(await reviewerQueue(db, signedInAs(reviewer.id), event.id, filter));
  const pages = [];
  for (const id of proposalIds) {
    pages.push({
      id,
      view: await outcome(reviewerView(db, signedInAs(reviewer.id), id)),
      discussion: await outcome(listDiscussion(db, signedInAs(reviewer.id), id)),
      neighbours: await outcome(queueNeighbours(db, signedInAs(reviewer.id), event.id, id)),
    });
  }
  return JSON.stringify({ queues, next: await nextUnreviewed(db, signedInAs(reviewer.id), event.id), pages });
}

/** Rosa (Linkwerk) reviews an event whose speakers work at Linkwerk, Ferrous Labs, CrabHub or nowhere. */
async function conference(db: Db) {
  const event = await createEvent(db);
  const rosa = await addReviewer(db, event, await personAt(db, "Rosa Jiménez", "Linkwerk GmbH"));
  const other = await addReviewer(db, event);
  const jonas = await personAt(db, "Jonas Weber", "Linkwerk");
  const mara = await personAt(db, "Mara Chen", "Ferrous Labs");
  const kai = await personAt(db, "Kai Brandt", "CrabHub");
  const p = {
    jonas: await createProposal(db, { event, speaker: jonas, track: event.tracks[0] }),
    mara: await createProposal(db, { event, speaker: mara, track: event.tracks[0] }),
    kai: await createProposal(db, { event, speaker: kai, track: event.tracks[1] }),
    nobody: await createProposal(db, { event, speaker: await createUser(db) }),
  };
  await createReview(db, { proposal: p.mara, reviewer: rosa, score: 4 });
  await createReview(db, { proposal: p.mara, reviewer: other, score: 2 });
  await createReview(db, { proposal: p.jonas, reviewer: other, score: 5 });
  await refreshEventStats(db, event.id);
  return { event, rosa, other, jonas, mara, kai, p, ids: Object.values(p).map((x) => x.id) };
}

describe("a reviewer's own company, once proposals have arrived", () => {
  // About 25 domain calls per company tried: a wide timeout for a busy machine.
  it("changes nothing they see: queue and proposal pages are identical for every company they try", { timeout: 300_000 }, async () => {
    const db = getDb();
    const { event, rosa, p, ids } = await conference(db);
    const before = await whatTheReviewerSees(db, rosa, event, ids);
    // Sanity: the colleague's proposal is the one she cannot see.
    expect(before).toContain(`"id":"${p.jonas.id}","view":{"refused":"forbidden"`);

    // Guesses, blank, the colleague's exact company, and her own back.
    for (const guess of ["ferrous-labs inc", "CrabHub", "", "Linkwerk", "Ferrous Labs", "Linkwerk GmbH"]) {
      await setCompany(db, rosa, guess);
      expect(await whatTheReviewerSees(db, rosa, event, ids), `company "${guess}"`).toBe(before);
    }
  });

  it("cannot be blanked to review a colleague: the review is refused and nothing counts", async () => {
    const db = getDb();
    const { event, rosa, p } = await conference(db);
    const statsBefore = await db.proposalStats.findUniqueOrThrow({ where: { proposalId: p.jonas.id } });

    await setCompany(db, rosa, "");
    await expect(saveReview(db, signedInAs(rosa.id), p.jonas.id, review(event, 1))).rejects.toMatchObject({ code: "forbidden" });
    await setCompany(db, rosa, "Linkwerk GmbH");

    expect(await db.review.count({ where: { reviewerId: rosa.id, proposalId: p.jonas.id } })).toBe(0);
    expect(await db.proposalStats.findUniqueOrThrow({ where: { proposalId: p.jonas.id } })).toEqual(statsBefore);
  });

  it("shows organizers a new match as a flag that does not block until they confirm it; confirming drops the review and its statistics at once", async () => {
    const db = getDb();
    const { event, rosa, mara, p } = await conference(db);
    await setCompany(db, rosa, "Ferrous Labs");

    const flags = await affiliationFlags(db, signedInAs(event.organizer.id), event.id);
    expect(flags.map((f) => [f.speaker.name, f.blocking])).toEqual(
      expect.arrayContaining([
        ["Jonas Weber", true],
        ["Mara Chen", false],
      ]),
    );
    expect((await reviewerView(db, signedInAs(rosa.id), p.mara.id)).proposal.id).toBe(p.mara.id);

    await resolveAffiliationFlag(db, signedInAs(event.organizer.id), event.id, {
      reviewerId: rosa.id,
      speakerId: mara.id,
      decision: "confirm",
    });

    await expect(reviewerView(db, signedInAs(rosa.id), p.mara.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.review.count({ where: { reviewerId: rosa.id } })).toBe(0);
    // Only the other reviewer's 2 of 1–5 counts, and the normalized score (one reviewer, one review: 0) is already fresh.
    expect(await db.proposalStats.findUniqueOrThrow({ where: { proposalId: p.mara.id } })).toMatchObject({
      reviewCount: 1,
      avgScore: 0.25,
    });
    await expectStatsFresh(db, event.id);
  });
});

describe("a reviewer's own company, before any proposal is submitted", () => {
  it("follows their profile (there is nothing to probe yet), and then stays", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const rosa = await addReviewer(db, event, await personAt(db, "Rosa Jiménez", "Linkwerk GmbH"));
    const mara = await personAt(db, "Mara Chen", "Ferrous Labs");
    await createProposal(db, { event, speaker: mara, status: "draft" });
    await setCompany(db, rosa, "Ferrous Labs GmbH");
    expect(await memberKey(db, event.id, rosa.id)).toBe("ferrous labs");

    const proposal = await createProposal(db, { event, speaker: mara });
    await expect(reviewerView(db, signedInAs(rosa.id), proposal.id)).rejects.toMatchObject({ code: "forbidden" });
    await setCompany(db, rosa, "");
    expect(await memberKey(db, event.id, rosa.id)).toBe("ferrous labs");
  });

  it("is taken from the profile when someone joins, and kept when their role changes", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const rosa = await personAt(db, "Rosa Jiménez", "Linkwerk GmbH");
    await inviteTeamMember(db, signedInAs(event.organizer.id), event.id, { email: rosa.email, role: "REVIEWER" });
    expect(await memberKey(db, event.id, rosa.id)).toBe("linkwerk");

    await createProposal(db, { event });
    await setCompany(db, rosa, "CrabHub");
    await inviteTeamMember(db, signedInAs(event.organizer.id), event.id, { email: rosa.email, role: "ORGANIZER" });
    expect(await memberKey(db, event.id, rosa.id)).toBe("linkwerk");
  });
});

describe("a speaker's company", () => {
  it("blanked and restored: the colleague's review written meanwhile stops counting in the same transaction", async () => {
    const db = getDb();
    const { event, rosa, other, jonas, p } = await conference(db);
    await setCompany(db, jonas, "");
    await saveReview(db, signedInAs(rosa.id), p.jonas.id, review(event, 1));
    await refreshEventStats(db, event.id);
    expect(await db.proposalStats.findUniqueOrThrow({ where: { proposalId: p.jonas.id } })).toMatchObject({ reviewCount: 2 });

    await setCompany(db, jonas, "Linkwerk AG");

    expect(await db.review.findMany({ where: { proposalId: p.jonas.id }, select: { reviewerId: true } })).toEqual([
      { reviewerId: other.id },
    ]);
    expect(await db.proposalStats.findUniqueOrThrow({ where: { proposalId: p.jonas.id } })).toMatchObject({ reviewCount: 1, avgScore: 1 });
    await expectStatsFresh(db, event.id);
  });

  it("keeps a review an organizer allowed by dismissing the match", async () => {
    const db = getDb();
    const { event, rosa, jonas, p } = await conference(db);
    await resolveAffiliationFlag(db, signedInAs(event.organizer.id), event.id, {
      reviewerId: rosa.id,
      speakerId: jonas.id,
      decision: "dismiss",
    });
    await saveReview(db, signedInAs(rosa.id), p.jonas.id, review(event, 3));

    await setCompany(db, jonas, "");
    await setCompany(db, jonas, "Linkwerk");

    expect(await db.review.count({ where: { reviewerId: rosa.id, proposalId: p.jonas.id } })).toBe(1);
  });
});

describe("a new co-speaker", () => {
  it("who works with a reviewer: that reviewer's review of the proposal stops counting when they accept", async () => {
    const db = getDb();
    const { event, rosa, other, mara, p } = await conference(db);
    const kim = await personAt(db, "Kim Lee", "Linkwerk");
    const { token } = await createInvitation(db, { proposal: p.mara, invitedBy: mara, email: kim.email });

    await respondToInvitation(db, signedInAs(kim.id), token, "accept");

    expect(await db.review.findMany({ where: { proposalId: p.mara.id }, select: { reviewerId: true } })).toEqual([
      { reviewerId: other.id },
    ]);
    expect(await db.proposalStats.findUniqueOrThrow({ where: { proposalId: p.mara.id } })).toMatchObject({
      reviewCount: 1,
      avgScore: 0.25,
    });
    await expect(reviewerView(db, signedInAs(rosa.id), p.mara.id)).rejects.toMatchObject({ code: "forbidden" });
    await expectStatsFresh(db, event.id);
  });
});

const memberKey = async (db: Db, eventId: string, userId: string) =>
  (await db.eventMember.findUniqueOrThrow({ where: { eventId_userId: { eventId, userId } }, select: { companyKey: true } })).companyKey;

/** A refresh from scratch changes nothing: the transaction left the normalized scores up to date. */
async function expectStatsFresh(db: Db, eventId: string) {
  const read = () => db.proposalStats.findMany({ where: { eventId }, orderBy: { proposalId: "asc" } });
  const stored = await read();
  await refreshEventStats(db, eventId);
  expect(await read()).toEqual(stored);
}
