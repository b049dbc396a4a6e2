import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import {
  addReviewer,
  createEvent,
  createOutsider,
  createProposal,
  createReview,
  createUser,
  OUTSIDERS,
  type EventFixture,
} from "@/tests/factories";
import { bulkProposalIdentifiers } from "@/tests/factories/identifiers";
import { expectRefused } from "./helpers";
import type { Db } from "@/lib/db/client";
import { saveReview } from "@/lib/reviews/save-review";
import { refreshEventStats } from "@/lib/reviews/proposal-stats";
import { normalizedScores } from "@/lib/reviews/stats";
import { reviewInput } from "@/lib/reviews/schemas";

const getDb = useTestDb();

// Three scales on purpose: 1–5 counts twice, 0–3 and 1–10 once each.
const CRITERIA = [
  { name: "Relevance", description: "Does it fit our audience?", minScore: 1, maxScore: 5, weight: 2 },
  { name: "Clarity", description: "", minScore: 0, maxScore: 3, weight: 1 },
  { name: "Originality", description: "", minScore: 1, maxScore: 10, weight: 1 },
];

/** A parsed review form: raw values by criterion name ("" = no opinion), as the browser posts them. */
function form(event: EventFixture, byName: Record<string, string | number>, comment = "") {
  const scores = Object.fromEntries(
    Object.entries(byName).map(([name, value]) => [event.criteria.find((c) => c.name === name)!.id, String(value)]),
  );
  return reviewInput.parse({ scores, comment });
}

async function setup(db: Db) {
  const event = await createEvent(db, { criteria: CRITERIA });
  const reviewer = await addReviewer(db, event);
  const proposal = await createProposal(db, { event, status: "submitted" });
  const [relevance, clarity, originality] = event.criteria;
  return { event, reviewer, proposal, relevance, clarity, originality };
}

const scoreRows = (db: Db, reviewId: string) =>
  db.reviewScore.findMany({ where: { reviewId }, select: { criterionId: true, value: true }, orderBy: { criterionId: "asc" } });

const byCriterion = (...rows: { criterionId: string; value: number }[]) =>
  [...rows].sort((a, b) => (a.criterionId < b.criterionId ? -1 : 1));

describe("saveReview with several criteria", () => {
  it("stores the weighted mean of the criteria, each on its own scale, and one row per criterion", async () => {
    const db = getDb();
    const { event, reviewer, proposal, relevance, clarity, originality } = await setup(db);

    const saved = await saveReview(db, signedInAs(reviewer.id), proposal.id, form(event, { Relevance: 4, Clarity: 2, Originality: 7 }));

    // Relevance 4 of 1–5 = 3/4, Clarity 2 of 0–3 = 2/3, Originality 7 of 1–10 = 6/9 = 2/3.
    // (2 · 3/4 + 1 · 2/3 + 1 · 2/3) / (2 + 1 + 1) = (3/2 + 4/3) / 4 = 17/24.
    expect(saved.score).toBeCloseTo(17 / 24, 14);
    expect(await scoreRows(db, saved.id)).toEqual(
      byCriterion(
        { criterionId: relevance.id, value: 4 },
        { criterionId: clarity.id, value: 2 },
        { criterionId: originality.id, value: 7 },
      ),
    );
  });

  it("gives 1 for the top of every scale and 0 for the bottom", async () => {
    const db = getDb();
    const { event, reviewer, proposal } = await setup(db);
    const other = await addReviewer(db, event);
    expect(
      (await saveReview(db, signedInAs(reviewer.id), proposal.id, form(event, { Relevance: 5, Clarity: 3, Originality: 10 }))).score,
    ).toBe(1);
    expect((await saveReview(db, signedInAs(other.id), proposal.id, form(event, { Relevance: 1, Clarity: 0, Originality: 1 }))).score).toBe(
      0,
    );
  });

  it("leaves 'no opinion' out of the mean: the other weights are renormalized and no row is stored", async () => {
    const db = getDb();
    const { event, reviewer, proposal, relevance, originality } = await setup(db);

    const saved = await saveReview(db, signedInAs(reviewer.id), proposal.id, form(event, { Relevance: 3, Clarity: "", Originality: 10 }));

    // (2 · 1/2 + 1 · 1) / (2 + 1) = 2/3; a Clarity of 0 would have given 2/4.
    expect(saved.score).toBeCloseTo(2 / 3, 14);
    expect(await scoreRows(db, saved.id)).toEqual(
      byCriterion({ criterionId: relevance.id, value: 3 }, { criterionId: originality.id, value: 10 }),
    );
  });

  it("treats a criterion left out of the form as 'no opinion'", async () => {
    const db = getDb();
    const { event, reviewer, proposal, clarity } = await setup(db);
    const saved = await saveReview(db, signedInAs(reviewer.id), proposal.id, form(event, { Clarity: 1 }));
    expect(saved.score).toBeCloseTo(1 / 3, 14);
    expect(await scoreRows(db, saved.id)).toEqual([{ criterionId: clarity.id, value: 1 }]);
  });

  it("refuses a review with every criterion on 'no opinion', with a field error keyed score.<first criterion id>", async () => {
    const db = getDb();
    const { event, reviewer, proposal, relevance } = await setup(db);

    const error = await expectRefused(db, "invalid", () =>
      saveReview(db, signedInAs(reviewer.id), proposal.id, form(event, { Relevance: "", Clarity: "", Originality: "" })),
    );

    expect(error.fields).toEqual({ [`score.${relevance.id}`]: "Score at least one criterion." });
  });

  it("refuses out-of-range values with a message on each wrong field only", async () => {
    const db = getDb();
    const { event, reviewer, proposal, relevance, clarity } = await setup(db);

    const error = await expectRefused(db, "invalid", () =>
      saveReview(db, signedInAs(reviewer.id), proposal.id, form(event, { Relevance: 6, Clarity: -1, Originality: 10 })),
    );

    expect(error.fields).toEqual({
      [`score.${relevance.id}`]: "Choose a whole number from 1 to 5, or “no opinion”.",
      [`score.${clarity.id}`]: "Choose a whole number from 0 to 3, or “no opinion”.",
    });
  });

  it.each(["2.5", "three", "1/2"])("refuses the non-integer %j under its own field", async (raw) => {
    const db = getDb();
    const { event, reviewer, proposal, originality } = await setup(db);

    const error = await expectRefused(db, "invalid", () =>
      saveReview(db, signedInAs(reviewer.id), proposal.id, form(event, { Relevance: 4, Originality: raw })),
    );

    expect(Object.keys(error.fields ?? {})).toEqual([`score.${originality.id}`]);
  });

  it("refuses a value too long for the form schema before it reaches the domain", () => {
    expect(reviewInput.safeParse({ scores: { someCriterion: "1234567" }, comment: "" }).success).toBe(false);
  });

  it("refuses a criterion id of another event and writes nothing", async () => {
    const db = getDb();
    const { event, reviewer, proposal } = await setup(db);
    const elsewhere = await createEvent(db, { criteria: CRITERIA });

    const forged = reviewInput.parse({ scores: { [event.criteria[0].id]: "4", [elsewhere.criteria[0].id]: "5" }, comment: "" });
    const error = await expectRefused(db, "invalid", () => saveReview(db, signedInAs(reviewer.id), proposal.id, forged));

    expect(error.fields).toBeUndefined();
  });

  it("updating replaces the per-criterion rows: cleared criteria lose theirs, and the score follows", async () => {
    const db = getDb();
    const { event, reviewer, proposal, clarity } = await setup(db);
    const first = await saveReview(
      db,
      signedInAs(reviewer.id),
      proposal.id,
      form(event, { Relevance: 4, Clarity: 2, Originality: 5 }, "First"),
    );

    const second = await saveReview(
      db,
      signedInAs(reviewer.id),
      proposal.id,
      form(event, { Relevance: "", Clarity: 3, Originality: "" }, "Second"),
    );

    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ score: 1, comment: "Second" });
    expect(await scoreRows(db, first.id)).toEqual([{ criterionId: clarity.id, value: 3 }]);
    expect(await db.reviewScore.count()).toBe(1);
    expect(await db.proposalStats.findUniqueOrThrow({ where: { proposalId: proposal.id } })).toMatchObject({ reviewCount: 1, avgScore: 1 });
  });

  it("a refused update keeps the previous review and its rows intact", async () => {
    const db = getDb();
    const { event, reviewer, proposal } = await setup(db);
    await saveReview(db, signedInAs(reviewer.id), proposal.id, form(event, { Relevance: 4, Clarity: 2 }));

    await expectRefused(db, "invalid", () =>
      saveReview(db, signedInAs(reviewer.id), proposal.id, form(event, { Relevance: 9, Clarity: "" })),
    );
  });

  describe.each(OUTSIDERS)("refuses the %s", (kind) => {
    it("and writes nothing nor says anything about the proposal", async () => {
      const db = getDb();
      const { event, proposal } = await setup(db);
      await createReview(db, {
        proposal,
        reviewer: await addReviewer(db, event),
        values: { [event.criteria[0].id]: 2 },
        comment: "Too niche.",
      });
      const { actorId, code } = await createOutsider(db, kind, event, proposal);

      await expectRefused(
        db,
        code,
        () => saveReview(db, signedInAs(actorId), proposal.id, form(event, { Relevance: 5, Clarity: 3, Originality: 10 })),
        [proposal.title, proposal.speaker.name ?? "", "Too niche."],
      );
    });
  });
});

describe("proposal statistics after several reviews (one 1–5 criterion)", () => {
  /** Saves one review per value, each by a new reviewer, and returns the stats row. */
  async function statsAfter(db: Db, values: number[]) {
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    for (const value of values) {
      const reviewer = await addReviewer(db, event);
      await saveReview(
        db,
        signedInAs(reviewer.id),
        proposal.id,
        reviewInput.parse({ scores: { [event.criteria[0].id]: String(value) }, comment: "" }),
      );
    }
    return db.proposalStats.findUniqueOrThrow({ where: { proposalId: proposal.id } });
  }

  it("2, 3, 5 → 1/4, 1/2, 1: mean 7/12, median 1/2, sample stddev √(7/48), range 1/4..1, disagreement", async () => {
    const stats = await statsAfter(getDb(), [2, 3, 5]);
    // Deviations from 7/12: −1/3, −1/12, 5/12; squares 16/144 + 1/144 + 25/144 = 42/144 = 7/24; / (3 − 1) = 7/48.
    expect(stats).toMatchObject({ reviewCount: 3, scoreSum: 1.75, medianScore: 0.5, minScore: 0.25, maxScore: 1, disagreement: true });
    expect(stats.avgScore).toBeCloseTo(7 / 12, 14);
    expect(stats.stddevScore).toBeCloseTo(Math.sqrt(7 / 48), 14);
  });

  it("1, 2, 4, 5 → median of the two middle values (1/4 + 3/4) / 2 = 1/2", async () => {
    const stats = await statsAfter(getDb(), [5, 1, 4, 2]);
    expect(stats).toMatchObject({
      reviewCount: 4,
      scoreSum: 2,
      avgScore: 0.5,
      medianScore: 0.5,
      minScore: 0,
      maxScore: 1,
      disagreement: true,
    });
    // Deviations ±1/2, ±1/4: (1/4 + 1/16 + 1/16 + 1/4) / 3 = 5/24.
    expect(stats.stddevScore).toBeCloseTo(Math.sqrt(5 / 24), 14);
  });

  it("3, 4 → close reviews: stddev √(1/32) < 1/4 and range 1/4 < 1/2, so no disagreement", async () => {
    const stats = await statsAfter(getDb(), [3, 4]);
    expect(stats).toMatchObject({
      reviewCount: 2,
      avgScore: 0.625,
      medianScore: 0.625,
      minScore: 0.5,
      maxScore: 0.75,
      disagreement: false,
    });
    expect(stats.stddevScore).toBeCloseTo(Math.sqrt(1 / 32), 14);
  });

  it("2, 4 → a range of exactly half the scale counts as disagreement", async () => {
    const stats = await statsAfter(getDb(), [2, 4]);
    expect(stats).toMatchObject({ minScore: 0.25, maxScore: 0.75, disagreement: true });
  });

  it("a single review: stddev 0, no disagreement", async () => {
    const stats = await statsAfter(getDb(), [4]);
    expect(stats).toMatchObject({
      reviewCount: 1,
      avgScore: 0.75,
      medianScore: 0.75,
      stddevScore: 0,
      minScore: 0.75,
      maxScore: 0.75,
      disagreement: false,
    });
  });
});

describe("refreshEventStats", () => {
  it("fills normalizedScore: a harsh reviewer's best equals a lenient reviewer's best", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const [harsh, lenient, once] = [await addReviewer(db, event), await addReviewer(db, event), await addReviewer(db, event)];
    const [a, b, c, d] = [
      await createProposal(db, { event, status: "submitted" }),
      await createProposal(db, { event, status: "submitted" }),
      await createProposal(db, { event, status: "submitted" }),
      await createProposal(db, { event, status: "submitted" }),
    ];
    const unreviewed = await createProposal(db, { event, status: "submitted" });
    await db.proposalStats.create({ data: { proposalId: unreviewed.id, eventId: event.id } });
    // harsh: A 3 (1/2), C 1 (0) → mean 1/4, population std 1/4 → z(A) = +1, z(C) = −1.
    await createReview(db, { proposal: a, reviewer: harsh, score: 3 });
    await createReview(db, { proposal: c, reviewer: harsh, score: 1 });
    // lenient: B 3 (1/2), D 5 (1) → mean 3/4, std 1/4 → z(B) = −1, z(D) = +1.
    await createReview(db, { proposal: b, reviewer: lenient, score: 3 });
    await createReview(db, { proposal: d, reviewer: lenient, score: 5 });
    // A reviewer with one review tells nothing about their bias: z = 0, which pulls C to (−1 + 0) / 2.
    await createReview(db, { proposal: c, reviewer: once, score: 5 });
    const otherEvent = await createEvent(db);
    const foreign = await createProposal(db, { event: otherEvent, status: "submitted" });
    await createReview(db, { proposal: foreign, reviewer: otherEvent.organizer, score: 2 });

    await refreshEventStats(db, event.id);

    const rows = await db.proposalStats.findMany({ select: { proposalId: true, avgScore: true, normalizedScore: true } });
    const normalized = Object.fromEntries(rows.map((r) => [r.proposalId, r.normalizedScore]));
    expect(normalized).toEqual({ [a.id]: 1, [b.id]: -1, [c.id]: -0.5, [d.id]: 1, [unreviewed.id]: null, [foreign.id]: null });
    // Same raw average, opposite normalized scores.
    const avg = Object.fromEntries(rows.map((r) => [r.proposalId, r.avgScore]));
    expect([avg[a.id], avg[b.id]]).toEqual([0.5, 0.5]);
  });

  it("updates normalizedScore when reviews change, and clears it when a proposal loses its reviews", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const [a, b] = [await createProposal(db, { event, status: "submitted" }), await createProposal(db, { event, status: "submitted" })];
    await createReview(db, { proposal: a, reviewer, score: 5 });
    const reviewOfB = await createReview(db, { proposal: b, reviewer, score: 1 });
    await refreshEventStats(db, event.id);
    const normalizedOf = async (id: string) => (await db.proposalStats.findUniqueOrThrow({ where: { proposalId: id } })).normalizedScore;
    expect([await normalizedOf(a.id), await normalizedOf(b.id)]).toEqual([1, -1]);

    await db.review.delete({ where: { id: reviewOfB.id } });
    await refreshEventStats(db, event.id);

    // One review left: it says nothing about the reviewer's bias (z = 0); B has none at all.
    expect([await normalizedOf(a.id), await normalizedOf(b.id)]).toEqual([0, null]);
  });

  it("writes every changed normalizedScore at full precision, over more than one batch of 500, and only this event's", async () => {
    const db = getDb();
    const [event, other] = [await createEvent(db), await createEvent(db)];
    const [harsh, lenient] = [await addReviewer(db, event), await addReviewer(db, event)];
    const speaker = await createUser(db);
    const count = 620;
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
        submittedAt: new Date(),
      })),
    });
    // Scores with long binary expansions, so a lossy write (float4, shortened text) would show.
    const reviews = proposals.flatMap((p, i) => [
      { proposalId: p.id, reviewerId: harsh.id, score: ((i * 37) % 101) / 303 },
      { proposalId: p.id, reviewerId: lenient.id, score: 0.5 + ((i * 53) % 97) / 194 },
    ]);
    await db.review.createMany({ data: reviews });
    await db.proposalStats.createMany({
      data: proposals.map((p) => ({ proposalId: p.id, eventId: event.id, reviewCount: 2, medianScore: 0.5 })),
    });
    const untouched = await createProposal(db, { event: other, status: "submitted" });
    await db.proposalStats.create({
      data: { proposalId: untouched.id, eventId: other.id, reviewCount: 2, medianScore: 0.5, normalizedScore: 0.123 },
    });

    await refreshEventStats(db, event.id);

    const expected = normalizedScores(reviews);
    const rows = await db.proposalStats.findMany({ where: { eventId: event.id }, select: { proposalId: true, normalizedScore: true } });
    expect(rows).toHaveLength(count);
    // 1e-12, not equality: the database returns the reviews in its own order, and float sums depend on it.
    for (const row of rows) expect(Math.abs(row.normalizedScore! - expected.get(row.proposalId)!), row.proposalId).toBeLessThan(1e-12);
    expect((await db.proposalStats.findUniqueOrThrow({ where: { proposalId: untouched.id } })).normalizedScore).toBe(0.123);
  });

  it("repairs stats rows that have reviews but no median (rows from before the richer statistics)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    for (const score of [1, 2, 5]) await createReview(db, { proposal, reviewer: await addReviewer(db, event), score, updateStats: false });
    // What a migration left: count and average only.
    await db.proposalStats.create({
      data: { proposalId: proposal.id, eventId: event.id, reviewCount: 3, scoreSum: 1.25, avgScore: 1.25 / 3 },
    });

    await refreshEventStats(db, event.id);

    const stats = await db.proposalStats.findUniqueOrThrow({ where: { proposalId: proposal.id } });
    // 0, 1/4, 1: median 1/4, range 1 → disagreement; every reviewer has one review → normalized 0.
    expect(stats).toMatchObject({
      reviewCount: 3,
      scoreSum: 1.25,
      medianScore: 0.25,
      minScore: 0,
      maxScore: 1,
      disagreement: true,
      normalizedScore: 0,
    });
    expect(stats.stddevScore).toBeCloseTo(Math.sqrt(((1.25 / 3) ** 2 + (0.25 - 1.25 / 3) ** 2 + (1 - 1.25 / 3) ** 2) / 2), 14);
  });

  it("leaves an event that is already up to date untouched", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await createReview(db, { proposal, reviewer: await addReviewer(db, event), score: 4 });
    await refreshEventStats(db, event.id);
    const before = await db.proposalStats.findMany();

    await refreshEventStats(db, event.id);

    expect(await db.proposalStats.findMany()).toEqual(before);
  });
});
