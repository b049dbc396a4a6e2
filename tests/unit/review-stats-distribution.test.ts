import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { histogram, reviewScore, reviewerCalibration, reviewerSummary, scaleHistogram } from "@/lib/reviews/stats";

const ONE_TO_FIVE = [{ minScore: 1, maxScore: 5 }];
const MIXED = [
  { minScore: 0, maxScore: 3 },
  { minScore: 1, maxScore: 10 },
];

describe("histogram", () => {
  it("counts scores in equal bins, the last one closed", () => {
    // [0, .2) [.2, .4) [.4, .6) [.6, .8) [.8, 1]
    expect(histogram([0, 0.1, 0.2, 0.5, 0.99, 1], 5)).toEqual([2, 1, 1, 0, 2]);
  });

  it("puts scores on a bin edge in the upper bin despite rounding", () => {
    // 0.1 · 0 + 0.2 · 0.25 + 0.7 · 0.5 = 0.4, computed as 0.39999999999999997
    const criteria = [0.1, 0.2, 0.7].map((weight, i) => ({ id: `c${i}`, minScore: 1, maxScore: 5, weight }));
    const edgeScore = reviewScore(criteria, { c0: 1, c1: 2, c2: 3 })!;
    expect(edgeScore).toBeLessThan(0.4);
    expect(histogram([edgeScore], 5)).toEqual([0, 0, 1, 0, 0]);
    expect(histogram([0.4, 0.6, 0.8], 5)).toEqual([0, 0, 1, 1, 1]);
  });

  it("returns empty bins for no scores", () => {
    expect(histogram([], 4)).toEqual([0, 0, 0, 0]);
  });

  it("keeps values that drifted just outside [0, 1] in the end bins", () => {
    expect(histogram([-1e-16, 1.0000000000000002], 3)).toEqual([1, 0, 1]);
  });

  it("rejects a bin count that is not a positive integer", () => {
    expect(() => histogram([0.5], 0)).toThrow(RangeError);
    expect(() => histogram([0.5], 2.5)).toThrow(RangeError);
  });

  it("counts every score exactly once", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true })), fc.integer({ min: 1, max: 20 }), (scores, bins) => {
        const counts = histogram(scores, bins);
        return counts.length === bins && counts.reduce((a, b) => a + b, 0) === scores.length;
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });
});

describe("scaleHistogram", () => {
  it("has one bin per value of a shared integer scale, rounding weighted means to the nearest", () => {
    // 0 → 1, 0.25 → 2, 0.5 → 3, 0.625 → 3.5 → 4, 0.75 → 4, 1 → 5
    expect(scaleHistogram([0, 0.25, 0.5, 0.625, 0.75, 1], ONE_TO_FIVE)).toEqual([
      { label: "1", count: 1 },
      { label: "2", count: 1 },
      { label: "3", count: 1 },
      { label: "4", count: 2 },
      { label: "5", count: 1 },
    ]);
  });

  it("uses five 20% bins for mixed scales", () => {
    expect(scaleHistogram([0.1, 0.5, 0.55, 1], MIXED)).toEqual([
      { label: "0–20%", count: 1 },
      { label: "20–40%", count: 0 },
      { label: "40–60%", count: 2 },
      { label: "60–80%", count: 0 },
      { label: "80–100%", count: 1 },
    ]);
  });

  it("uses percentage bins when a shared scale has too many values to chart", () => {
    expect(scaleHistogram([0.5], [{ minScore: 0, maxScore: 100 }]).map((b) => b.label)[0]).toBe("0–20%");
  });
});

describe("reviewerCalibration", () => {
  // On 1–5: 0.2 → 1.8 ≈ 2, 0.4 → 2.6 ≈ 3, 0.6 → 3.4 ≈ 3, 0.8 → 4.2 ≈ 4, 1 → 5
  const reviews = [
    { reviewerId: "ann", score: 0.2 },
    { reviewerId: "bob", score: 0.6 },
    { reviewerId: "ann", score: 0.4 },
    { reviewerId: "bob", score: 0.8 },
    { reviewerId: "bob", score: 1 },
  ];
  const counts = (bins: { count: number }[]) => bins.map((b) => b.count);

  it("profiles each reviewer in order of their first review", () => {
    const { reviewers } = reviewerCalibration(reviews, ONE_TO_FIVE);
    expect(reviewers.map((r) => r.reviewerId)).toEqual(["ann", "bob"]);
    // ann: mean 0.3, sample stddev √(2 · 0.01 / 1) = 0.141421
    expect(reviewers[0]).toMatchObject({ count: 2 });
    expect(reviewers[0].mean).toBeCloseTo(0.3, 10);
    expect(reviewers[0].stddev).toBeCloseTo(0.141421, 5);
    expect(counts(reviewers[0].histogram)).toEqual([0, 1, 1, 0, 0]);
    // bob: mean 0.8, sample stddev √((0.04 + 0 + 0.04) / 2) = 0.2
    expect(reviewers[1].mean).toBeCloseTo(0.8, 10);
    expect(reviewers[1].stddev).toBeCloseTo(0.2, 10);
    expect(counts(reviewers[1].histogram)).toEqual([0, 0, 1, 1, 1]);
  });

  it("profiles the team over all reviews", () => {
    // mean 3/5 = 0.6; squares 0.16 + 0.04 + 0 + 0.04 + 0.16 = 0.4; / 4 = 0.1; sqrt = 0.316228
    const { team } = reviewerCalibration(reviews, ONE_TO_FIVE);
    expect(team.count).toBe(5);
    expect(team.mean).toBeCloseTo(0.6, 10);
    expect(team.stddev).toBeCloseTo(0.316228, 5);
    expect(counts(team.histogram)).toEqual([0, 1, 2, 1, 1]);
  });

  it("has no reviewers and an empty team without reviews", () => {
    const { reviewers, team } = reviewerCalibration([], ONE_TO_FIVE);
    expect(reviewers).toEqual([]);
    expect(team).toMatchObject({ count: 0, mean: null, stddev: null });
    expect(counts(team.histogram)).toEqual([0, 0, 0, 0, 0]);
  });

  it("summarizes a reviewer for organizers in display units", () => {
    const [ann] = reviewerCalibration(reviews, ONE_TO_FIVE).reviewers;
    // mean 1 + 0.3 · 4 = 2.2; spread 0.141421 · 4 = 0.57 ≈ 0.6 points
    expect(reviewerSummary(ann, ONE_TO_FIVE)).toEqual({
      reviewerId: "ann",
      reviewsDone: 2,
      mean: { text: "2.2", outOf: "of 5", label: "2.2 of 5" },
      spread: { text: "0.6", unit: "points", label: "spread of 0.6 points" },
    });
  });
});
