import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reviewScore, scoreDisplay, spreadDisplay, type ScoreCriterion } from "@/lib/reviews/stats";

const RELEVANCE = { id: "relevance", minScore: 0, maxScore: 3, weight: 2 };
const CLARITY = { id: "clarity", minScore: 1, maxScore: 5, weight: 1 };
const EXPERIENCE = { id: "experience", minScore: 1, maxScore: 10, weight: 1 };
const MIXED = [RELEVANCE, CLARITY, EXPERIENCE];
const ONE_TO_FIVE = [
  { id: "a", minScore: 1, maxScore: 5, weight: 1 },
  { id: "b", minScore: 1, maxScore: 5, weight: 3 },
];

describe("reviewScore", () => {
  it("takes the weighted mean of the criteria normalized to [0, 1]", () => {
    // relevance 2/3, clarity (4−1)/4 = 0.75, experience (7−1)/9 = 2/3
    // (2·2/3 + 0.75 + 2/3) / (2 + 1 + 1) = 2.75 / 4 = 0.6875
    expect(reviewScore(MIXED, { relevance: 2, clarity: 4, experience: 7 })).toBeCloseTo(0.6875, 10);
  });

  it("renormalizes the weights over the answered criteria", () => {
    // clarity skipped: (2·2/3 + 2/3) / (2 + 1) = 2/3
    expect(reviewScore(MIXED, { relevance: 2, clarity: null, experience: 7 })).toBeCloseTo(2 / 3, 10);
  });

  it("scores the bottom of every scale 0 and the top 1", () => {
    expect(reviewScore(MIXED, { relevance: 0, clarity: 1, experience: 1 })).toBe(0);
    expect(reviewScore(MIXED, { relevance: 3, clarity: 5, experience: 10 })).toBe(1);
  });

  it("returns null when every criterion is no opinion", () => {
    expect(reviewScore(MIXED, { relevance: null, clarity: null, experience: null })).toBeNull();
  });

  it("treats missing values as no opinion and has no score without criteria", () => {
    expect(reviewScore(MIXED, {})).toBeNull();
    expect(reviewScore([], { relevance: 2 })).toBeNull();
    // only clarity answered: (3 − 1) / 4
    expect(reviewScore(MIXED, { clarity: 3 })).toBeCloseTo(0.5, 10);
  });

  it("ignores values for unknown criterion ids", () => {
    expect(reviewScore(MIXED, { relevance: 3, retired: 0, typo: 100 })).toBe(1);
    expect(reviewScore(MIXED, { retired: 4 })).toBeNull();
  });

  it("skips a criterion whose scale has no width instead of dividing by zero", () => {
    const fixed = { id: "fixed", minScore: 3, maxScore: 3, weight: 5 };
    expect(reviewScore([fixed, CLARITY], { fixed: 3, clarity: 5 })).toBe(1);
    expect(reviewScore([fixed], { fixed: 3 })).toBeNull();
  });

  const answeredReview = fc
    .array(
      fc.record({
        minScore: fc.integer({ min: -5, max: 5 }),
        width: fc.integer({ min: 1, max: 10 }),
        weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
        position: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      }),
      { maxLength: 8 },
    )
    .map((rows) => {
      const criteria: ScoreCriterion[] = rows.map((r, i) => ({
        id: `c${i}`,
        minScore: r.minScore,
        maxScore: r.minScore + r.width,
        weight: r.weight,
      }));
      const values = Object.fromEntries(
        rows.map((r, i) => [`c${i}`, r.position === null ? null : r.minScore + Math.round(r.position * r.width)]),
      );
      return { criteria, values, answered: rows.some((r) => r.position !== null) };
    });

  it("stays in [0, 1] for valid values and is null exactly when nothing is answered", () => {
    fc.assert(
      fc.property(answeredReview, ({ criteria, values, answered }) => {
        const score = reviewScore(criteria, values);
        if (!answered) return score === null;
        return score !== null && score >= 0 && score <= 1;
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });

  it("does not change when every weight is multiplied by the same factor", () => {
    fc.assert(
      fc.property(answeredReview, fc.double({ min: 0.1, max: 10, noNaN: true }), ({ criteria, values }, factor) => {
        const scaled = criteria.map((c) => ({ ...c, weight: c.weight * factor }));
        const before = reviewScore(criteria, values);
        const after = reviewScore(scaled, values);
        return before === null ? after === null : Math.abs(before - (after ?? NaN)) < 1e-9;
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });
});

describe("scoreDisplay", () => {
  it("shows a score on the shared scale with one decimal", () => {
    // 1 + 0.675 · (5 − 1) = 3.7
    expect(scoreDisplay(0.675, ONE_TO_FIVE)).toEqual({ text: "3.7", outOf: "of 5", label: "3.7 of 5" });
    expect(scoreDisplay(0.75, ONE_TO_FIVE).text).toBe("4.0");
    // 0 + 0.5 · 3 = 1.5
    expect(scoreDisplay(0.5, [RELEVANCE]).text).toBe("1.5");
  });

  it("shows a percentage when the criteria use different scales", () => {
    expect(scoreDisplay(0.74, MIXED)).toEqual({ text: "74", outOf: "%", label: "74%" });
    expect(scoreDisplay(0.6875, MIXED).text).toBe("69");
    expect(scoreDisplay(1, MIXED).text).toBe("100");
  });

  it("shows a percentage when there are no criteria at all", () => {
    expect(scoreDisplay(0.5, []).outOf).toBe("%");
  });

  it("shows a dash and a readable label for no score", () => {
    expect(scoreDisplay(null, ONE_TO_FIVE)).toEqual({ text: "—", outOf: "", label: "no score" });
  });
});

describe("spreadDisplay", () => {
  it("shows a spread in points of the shared scale, without the scale's offset", () => {
    // 0.2 · (5 − 1) = 0.8 points
    expect(spreadDisplay(0.2, ONE_TO_FIVE)).toEqual({ text: "0.8", unit: "points", label: "spread of 0.8 points" });
  });

  it("shows a spread in percentage points for mixed scales", () => {
    expect(spreadDisplay(0.123, MIXED)).toEqual({
      text: "12",
      unit: "percentage points",
      label: "spread of 12 percentage points",
    });
  });

  it("shows a dash when there is no spread", () => {
    expect(spreadDisplay(null, MIXED).text).toBe("—");
  });
});
