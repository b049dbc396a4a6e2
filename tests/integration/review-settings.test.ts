import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addReviewer, createEvent, createProposal, createReview, type EventFixture } from "@/tests/factories";
import { expectRefused } from "./helpers";
import type { Db } from "@/lib/db/client";
import type { ReviewCriterion } from "@/lib/generated/prisma/client";
import { reviewSettingsInput, type ReviewSettingsInput } from "@/lib/reviews/settings/schemas";
import { updateReviewSettings } from "@/lib/reviews/settings/update-review-settings";
import { refreshEventStats } from "@/lib/reviews/proposal-stats";
import { saveReview } from "@/lib/reviews/save-review";
import { reviewInput } from "@/lib/reviews/schemas";
import { expectDomainError } from "./helpers";

const getDb = useTestDb();

const RELEVANCE = { name: "Relevance", description: "Fits our audience", minScore: 1, maxScore: 5, weight: 1 };
const CLARITY = { name: "Clarity", description: "", minScore: 0, maxScore: 3, weight: 1 };

type Row = Partial<Omit<ReviewCriterion, "eventId" | "position">> & { name: string };

/** The settings form as parsed, from the event's current settings plus overrides; criteria as rows (id = keep). */
function settings(event: EventFixture, overrides: Partial<Record<keyof ReviewSettingsInput, unknown>> & { criteria?: Row[] } = {}) {
  return reviewSettingsInput.parse({
    blindReview: event.blindReview,
    reviewVisibility: event.reviewVisibility,
    reviewsPerProposal: event.reviewsPerProposal,
    ratingGuide: event.ratingGuide,
    ...overrides,
    criteria: (overrides.criteria ?? event.criteria).map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description ?? "",
      minScore: String(c.minScore ?? 1),
      maxScore: String(c.maxScore ?? 5),
      weight: String(c.weight ?? 1),
    })),
  });
}

const criteriaOf = (db: Db, eventId: string) =>
  db.reviewCriterion.findMany({
    where: { eventId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, description: true, minScore: true, maxScore: true, weight: true, position: true },
  });

describe("updateReviewSettings", () => {
  it("saves blind review, visibility, reviews per proposal and the rating guide", async () => {
    const db = getDb();
    const event = await createEvent(db);

    const result = await updateReviewSettings(
      db,
      signedInAs(event.organizer.id),
      event.id,
      settings(event, { blindReview: false, reviewVisibility: "ALWAYS", reviewsPerProposal: "5", ratingGuide: "5 = must have\n1 = no" }),
    );

    expect(result).toEqual({ rescored: false });
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      blindReview: false,
      reviewVisibility: "ALWAYS",
      reviewsPerProposal: 5,
      ratingGuide: "5 = must have\n1 = no",
    });
    expect(await criteriaOf(db, event.id)).toEqual([
      { ...RELEVANCE, id: event.criteria[0].id, name: "Overall", description: "", position: 0 },
    ]);
  });

  it("creates, renames, reorders and removes unscored criteria", async () => {
    const db = getDb();
    const event = await createEvent(db, { criteria: [RELEVANCE, CLARITY, { ...CLARITY, name: "Originality" }] });
    const [relevance, clarity, originality] = event.criteria;

    await updateReviewSettings(
      db,
      signedInAs(event.organizer.id),
      event.id,
      settings(event, {
        criteria: [
          { ...clarity, name: "Clarity of the abstract", minScore: 1, maxScore: 4 },
          { name: "Speaker experience", description: "New", minScore: 0, maxScore: 2, weight: 0.5 },
          { ...relevance, weight: 2 },
        ],
      }),
    );

    const after = await criteriaOf(db, event.id);
    expect(after).toEqual([
      { id: clarity.id, name: "Clarity of the abstract", description: "", minScore: 1, maxScore: 4, weight: 1, position: 0 },
      { id: expect.any(String), name: "Speaker experience", description: "New", minScore: 0, maxScore: 2, weight: 0.5, position: 1 },
      { id: relevance.id, ...RELEVANCE, weight: 2, position: 2 },
    ]);
    expect(after.map((c) => c.id)).not.toContain(originality.id);
  });

  it("swapping two criteria's names is fine (no clash on the unique name halfway)", async () => {
    const db = getDb();
    const event = await createEvent(db, { criteria: [RELEVANCE, CLARITY] });
    const [relevance, clarity] = event.criteria;
    await createReview(db, {
      proposal: await createProposal(db, { event }),
      reviewer: await addReviewer(db, event),
      values: { [relevance.id]: 5, [clarity.id]: 0 },
    });

    await updateReviewSettings(
      db,
      signedInAs(event.organizer.id),
      event.id,
      settings(event, {
        criteria: [
          { ...relevance, name: "Clarity" },
          { ...clarity, name: "Relevance" },
        ],
      }),
    );

    expect((await criteriaOf(db, event.id)).map((c) => [c.id, c.name])).toEqual([
      [relevance.id, "Clarity"],
      [clarity.id, "Relevance"],
    ]);
    // The scores stay with their criterion.
    expect(await db.reviewScore.findMany({ select: { criterionId: true, value: true }, orderBy: { value: "asc" } })).toEqual([
      { criterionId: clarity.id, value: 0 },
      { criterionId: relevance.id, value: 5 },
    ]);
  });

  it("a new criterion may take the name a removed one had", async () => {
    const db = getDb();
    const event = await createEvent(db, { criteria: [RELEVANCE, CLARITY] });
    await updateReviewSettings(
      db,
      signedInAs(event.organizer.id),
      event.id,
      settings(event, { criteria: [event.criteria[0], { ...CLARITY, weight: 3 }] }),
    );
    expect((await criteriaOf(db, event.id)).map((c) => [c.name, c.weight])).toEqual([
      ["Relevance", 1],
      ["Clarity", 3],
    ]);
  });

  it("refuses to remove a criterion that has scores (conflict), changing nothing at all", async () => {
    const db = getDb();
    const event = await createEvent(db, { criteria: [RELEVANCE, CLARITY] });
    const [relevance, clarity] = event.criteria;
    await createReview(db, {
      proposal: await createProposal(db, { event }),
      reviewer: await addReviewer(db, event),
      values: { [clarity.id]: 2 },
    });

    const error = await expectRefused(db, "conflict", () =>
      updateReviewSettings(db, signedInAs(event.organizer.id), event.id, settings(event, { blindReview: false, criteria: [relevance] })),
    );
    expect(error.message).toContain("Clarity");
  });

  it("refuses to change the scale of a scored criterion (conflict), but allows it for an unscored one", async () => {
    const db = getDb();
    const event = await createEvent(db, { criteria: [RELEVANCE, CLARITY] });
    const [relevance, clarity] = event.criteria;
    await createReview(db, {
      proposal: await createProposal(db, { event }),
      reviewer: await addReviewer(db, event),
      values: { [relevance.id]: 4 },
    });

    for (const scale of [
      { minScore: 1, maxScore: 10 },
      { minScore: 0, maxScore: 5 },
    ]) {
      await expectRefused(db, "conflict", () =>
        updateReviewSettings(
          db,
          signedInAs(event.organizer.id),
          event.id,
          settings(event, { criteria: [{ ...relevance, ...scale }, clarity] }),
        ),
      );
    }
    await updateReviewSettings(
      db,
      signedInAs(event.organizer.id),
      event.id,
      settings(event, { criteria: [relevance, { ...clarity, minScore: 1, maxScore: 10 }] }),
    );
    expect((await criteriaOf(db, event.id))[1]).toMatchObject({ minScore: 1, maxScore: 10 });
  });

  it("a weight change rescores every review and the proposals' stats exactly", async () => {
    const db = getDb();
    const event = await createEvent(db, { criteria: [RELEVANCE, CLARITY] });
    const [relevance, clarity] = event.criteria;
    const proposal = await createProposal(db, { event });
    const other = await createProposal(db, { event });
    const [r1, r2] = [await addReviewer(db, event), await addReviewer(db, event)];
    // Relevance 5 → 1, Clarity 0 → 0: (1 + 0) / 2 = 1/2.
    const a = await createReview(db, { proposal, reviewer: r1, values: { [relevance.id]: 5, [clarity.id]: 0 } });
    // Relevance 3 → 1/2, Clarity 3 → 1: 3/4.
    const b = await createReview(db, { proposal, reviewer: r2, values: { [relevance.id]: 3, [clarity.id]: 3 } });
    // Clarity only (no opinion on Relevance): 2/3 whatever Relevance weighs.
    const c = await createReview(db, { proposal: other, reviewer: r1, values: { [relevance.id]: null, [clarity.id]: 2 } });
    expect([a.score, b.score]).toEqual([0.5, 0.75]);

    const result = await updateReviewSettings(
      db,
      signedInAs(event.organizer.id),
      event.id,
      settings(event, { criteria: [{ ...relevance, weight: 3 }, clarity] }),
    );

    expect(result).toEqual({ rescored: true });
    const score = async (id: string) => (await db.review.findUniqueOrThrow({ where: { id } })).score;
    // (3 · 1 + 0) / 4 = 3/4 and (3 · 1/2 + 1) / 4 = 5/8.
    expect(await score(a.id)).toBe(0.75);
    expect(await score(b.id)).toBe(0.625);
    expect(await score(c.id)).toBeCloseTo(2 / 3, 14);
    const stats = await db.proposalStats.findUniqueOrThrow({ where: { proposalId: proposal.id } });
    expect(stats).toMatchObject({
      reviewCount: 2,
      scoreSum: 1.375,
      avgScore: 0.6875,
      medianScore: 0.6875,
      minScore: 0.625,
      maxScore: 0.75,
      disagreement: false,
    });
    expect(stats.stddevScore).toBeCloseTo(0.125 / Math.SQRT2, 14);
    // The per-criterion values are what reviewers gave; only the derived score moved.
    expect(await db.reviewScore.count()).toBe(5);

    await refreshEventStats(db, event.id);
    // r1: 3/4 on `proposal`, 2/3 on `other` → z = +1 and −1; r2 has one review → 0.
    const normalized = async (id: string) => (await db.proposalStats.findUniqueOrThrow({ where: { proposalId: id } })).normalizedScore;
    expect(await normalized(proposal.id)).toBeCloseTo(0.5, 12);
    expect(await normalized(other.id)).toBeCloseTo(-1, 12);
  });

  it("reordering or reweighting unscored criteria does not rescore", async () => {
    const db = getDb();
    const event = await createEvent(db, { criteria: [RELEVANCE, CLARITY] });
    const [relevance, clarity] = event.criteria;
    const review = await createReview(db, {
      proposal: await createProposal(db, { event }),
      reviewer: await addReviewer(db, event),
      values: { [relevance.id]: 4 },
    });

    const result = await updateReviewSettings(
      db,
      signedInAs(event.organizer.id),
      event.id,
      settings(event, { criteria: [{ ...clarity, weight: 7 }, relevance] }),
    );

    expect(result).toEqual({ rescored: false });
    expect((await db.review.findUniqueOrThrow({ where: { id: review.id } })).score).toBe(0.75);
  });

  it("treats a criterion id of another event as a new criterion and leaves the other event alone", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db, { criteria: [RELEVANCE, CLARITY] });
    const otherBefore = await criteriaOf(db, other.id);

    await updateReviewSettings(
      db,
      signedInAs(event.organizer.id),
      event.id,
      settings(event, { criteria: [event.criteria[0], { ...other.criteria[0], name: "Hijacked", weight: 9 }] }),
    );

    expect(await criteriaOf(db, other.id)).toEqual(otherBefore);
    const mine = await criteriaOf(db, event.id);
    expect(mine.map((c) => c.name)).toEqual(["Overall", "Hijacked"]);
    expect(mine[1].id).not.toBe(other.criteria[0].id);
  });

  describe("refuses", () => {
    it.each([
      ["an anonymous caller", "unauthenticated"],
      ["a reviewer of the event", "forbidden"],
      ["a speaker of the event", "not_found"],
      ["an organizer of another event", "not_found"],
      ["a reviewer of another event", "not_found"],
    ] as const)("%s (%s), changing nothing", async (who, code) => {
      const db = getDb();
      const event = await createEvent(db);
      const proposal = await createProposal(db, { event });
      const otherEvent = await createEvent(db);
      const actorId = {
        "an anonymous caller": null,
        "a reviewer of the event": (await addReviewer(db, event)).id,
        "a speaker of the event": proposal.speaker.id,
        "an organizer of another event": otherEvent.organizer.id,
        "a reviewer of another event": (await addReviewer(db, otherEvent)).id,
      }[who];

      await expectRefused(db, code, () =>
        updateReviewSettings(
          db,
          signedInAs(actorId),
          event.id,
          settings(event, { blindReview: false, reviewVisibility: "ALWAYS", criteria: [{ ...event.criteria[0], name: "Mine now" }] }),
        ),
      );
    });

    it("an unknown event (not_found)", async () => {
      const db = getDb();
      const event = await createEvent(db);
      await expectRefused(db, "not_found", () =>
        updateReviewSettings(db, signedInAs(event.organizer.id), "no-such-event", settings(event)),
      );
    });
  });
});

describe("settings changed while a review is being saved", () => {
  /**
   * A client on which saveReview's first read (the proposal, before its
   * transaction) is followed by `interloper` on the plain client: the
   * organizer's change lands between the access check and the write.
   */
  function afterAccessCheck(db: Db, interloper: () => Promise<unknown>): Db {
    let done = false;
    const extension = {
      query: {
        proposal: {
          async findFirst({ args, query }: { args: unknown; query: (args: unknown) => Promise<unknown> }) {
            const result = await query(args);
            if (!done) {
              done = true;
              await interloper();
            }
            return result;
          },
        },
      },
    };
    return db.$extends(extension as never) as unknown as Db;
  }

  async function racingSetup(db: Db) {
    const event = await createEvent(db, { criteria: [RELEVANCE, CLARITY] });
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted" });
    const [relevance, clarity] = event.criteria;
    const input = reviewInput.parse({ scores: { [relevance.id]: "5", [clarity.id]: "0" }, comment: "" });
    return { event, reviewer, proposal, relevance, clarity, input };
  }

  it("a review saved just after an organizer reweighted the criteria is scored with the new weights", async () => {
    const db = getDb();
    const { event, reviewer, proposal, relevance, clarity, input } = await racingSetup(db);
    const racing = afterAccessCheck(db, () =>
      updateReviewSettings(
        db,
        signedInAs(event.organizer.id),
        event.id,
        settings(event, { criteria: [{ ...relevance, weight: 3 }, clarity] }),
      ),
    );

    await saveReview(racing, signedInAs(reviewer.id), proposal.id, input);

    // Relevance 5 → 1 (weight 3), Clarity 0 → 0 (weight 1): 3/4; the old weights gave 1/2.
    expect((await db.review.findFirstOrThrow({ where: { reviewerId: reviewer.id } })).score).toBe(0.75);
    expect((await db.proposalStats.findUniqueOrThrow({ where: { proposalId: proposal.id } })).avgScore).toBe(0.75);
  });

  it("a review scoring a criterion an organizer removed meanwhile is refused as out of date (invalid), not a crash", async () => {
    const db = getDb();
    const { event, reviewer, proposal, relevance, input } = await racingSetup(db);
    const racing = afterAccessCheck(db, () =>
      updateReviewSettings(db, signedInAs(event.organizer.id), event.id, settings(event, { criteria: [relevance] })),
    );

    await expectDomainError(saveReview(racing, signedInAs(reviewer.id), proposal.id, input), "invalid");
    expect(await db.review.count()).toBe(0);
  });
});

describe("reviewSettingsInput", () => {
  const base = { blindReview: true, reviewVisibility: "NEVER", reviewsPerProposal: "3", ratingGuide: "" };
  const row = (name: string, extra: Record<string, string> = {}) => ({
    name,
    description: "",
    minScore: "1",
    maxScore: "5",
    weight: "1",
    ...extra,
  });
  const issues = (input: unknown) => {
    const r = reviewSettingsInput.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("accepts a valid form and coerces its numbers", () => {
    expect(
      reviewSettingsInput.parse({ ...base, criteria: [row("Relevance", { weight: "1.5", minScore: "-2", maxScore: "2" })] }),
    ).toMatchObject({
      reviewsPerProposal: 3,
      criteria: [{ name: "Relevance", minScore: -2, maxScore: 2, weight: 1.5 }],
    });
  });

  it("refuses criterion names that differ only in case", () => {
    expect(issues({ ...base, criteria: [row("Clarity"), row("clarity")] })).toEqual(["criteria: Criterion names must be different."]);
  });

  it("refuses no criteria, a highest score not above the lowest, a weight of 0, and a fractional score", () => {
    expect(issues({ ...base, criteria: [] })).toEqual(["criteria: Add at least one criterion."]);
    expect(issues({ ...base, criteria: [row("A", { minScore: "3", maxScore: "3" })] })).toEqual([
      "criteria.0.maxScore: The highest score must be above the lowest.",
    ]);
    expect(issues({ ...base, criteria: [row("A", { weight: "0" })] })).toEqual(["criteria.0.weight: Weight must be more than 0."]);
    expect(issues({ ...base, criteria: [row("A", { maxScore: "4.5" })] })).toEqual([
      "criteria.0.maxScore: Highest score must be a whole number.",
    ]);
  });

  it("refuses 0 or 21 reviews per proposal and an unknown visibility", () => {
    expect(issues({ ...base, reviewsPerProposal: "0", criteria: [row("A")] })).toHaveLength(1);
    expect(issues({ ...base, reviewsPerProposal: "21", criteria: [row("A")] })).toHaveLength(1);
    expect(issues({ ...base, reviewVisibility: "SOMETIMES", criteria: [row("A")] })).toHaveLength(1);
  });
});
