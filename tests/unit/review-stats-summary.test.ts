import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DISAGREEMENT_RANGE, DISAGREEMENT_STDDEV, isDisagreement, reviewScore, summarize } from "@/lib/reviews/stats";

describe("summarize", () => {
  it("summarizes an odd number of scores", () => {
    // mean 1.75/3 = 0.583333; deviations −1/3, −1/12, 5/12
    // squares 0.111111 + 0.006944 + 0.173611 = 0.291667; / (3 − 1) = 0.145833; sqrt = 0.381881
    const summary = summarize([1, 0.25, 0.5]);
    expect(summary.count).toBe(3);
    expect(summary.mean).toBeCloseTo(0.583333, 5);
    expect(summary.median).toBe(0.5);
    expect(summary.stddev).toBeCloseTo(0.381881, 5);
    expect(summary.min).toBe(0.25);
    expect(summary.max).toBe(1);
  });

  it("takes the mean of the two middle values as the median of an even count", () => {
    // sorted 0.2 0.4 0.6 0.8: median (0.4 + 0.6)/2 = 0.5, mean 0.5
    // squares 0.09 + 0.01 + 0.01 + 0.09 = 0.2; / 3 = 0.066667; sqrt = 0.258199
    const summary = summarize([0.8, 0.2, 0.4, 0.6]);
    expect(summary.median).toBeCloseTo(0.5, 10);
    expect(summary.mean).toBeCloseTo(0.5, 10);
    expect(summary.stddev).toBeCloseTo(0.258199, 5);
  });

  it("has a count of 0 and nothing else for no scores", () => {
    expect(summarize([])).toEqual({ count: 0, mean: null, median: null, stddev: null, min: null, max: null });
  });

  it("gives a single score a spread of 0", () => {
    expect(summarize([0.7])).toEqual({ count: 1, mean: 0.7, median: 0.7, stddev: 0, min: 0.7, max: 0.7 });
  });

  it("gives equal scores a spread of 0", () => {
    const summary = summarize([0.4, 0.4, 0.4]);
    expect(summary.stddev).toBeCloseTo(0, 10);
    expect(summary.median).toBe(0.4);
  });

  it("leaves its input in order", () => {
    const scores = [0.9, 0.1, 0.5];
    summarize(scores);
    expect(scores).toEqual([0.9, 0.1, 0.5]);
  });

  it("puts the median and the mean between min and max", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1 }), (scores) => {
        const { min, max, median, mean } = summarize(scores);
        const slack = 1e-12; // the mean may round just past a bound
        return min! <= median! && median! <= max! && min! - slack <= mean! && mean! <= max! + slack;
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });
});

describe("isDisagreement", () => {
  it("uses a quarter-scale spread and a half-scale range", () => {
    expect(DISAGREEMENT_STDDEV).toBe(0.25);
    expect(DISAGREEMENT_RANGE).toBe(0.5);
  });

  it("flags a spread of at least 0.25 even when the range is below 0.5", () => {
    // [0.3, 0.7]: range 0.4, sample stddev 0.4/√2 = 0.2828
    expect(isDisagreement(summarize([0.3, 0.7]))).toBe(true);
  });

  it("flags a range of half the scale even when most reviewers agree", () => {
    // eight 0.25s plus 0 and 0.5: mean 0.25, squares sum 2 · 0.0625 = 0.125; / 9 → stddev 0.1179
    const scores = [...Array<number>(8).fill(0.25), 0, 0.5];
    expect(summarize(scores).stddev).toBeLessThan(DISAGREEMENT_STDDEV);
    expect(isDisagreement(summarize(scores))).toBe(true);
  });

  it("flags a range of half the scale that rounding computed as slightly less", () => {
    // weights 0.1 0.2 0.7 on 1–5: (1, 1, 2) → 0.175 and (1, 4, 4) → 0.675, computed as 0.6749999999999999
    const criteria = [0.1, 0.2, 0.7].map((weight, i) => ({ id: `c${i}`, minScore: 1, maxScore: 5, weight }));
    const low = reviewScore(criteria, { c0: 1, c1: 1, c2: 2 })!;
    const high = reviewScore(criteria, { c0: 1, c1: 4, c2: 4 })!;
    expect(high - low).toBeLessThan(DISAGREEMENT_RANGE);
    const scores = [...Array<number>(8).fill((low + high) / 2), low, high];
    expect(summarize(scores).stddev).toBeLessThan(DISAGREEMENT_STDDEV);
    expect(isDisagreement(summarize(scores))).toBe(true);
  });

  it("does not flag neighbouring scores", () => {
    // 2 and 3 of 5 → 0.25 and 0.5: range 0.25, stddev 0.1768
    expect(isDisagreement(summarize([0.25, 0.5]))).toBe(false);
  });

  it("never flags fewer than two reviews", () => {
    expect(isDisagreement(summarize([]))).toBe(false);
    expect(isDisagreement(summarize([1]))).toBe(false);
  });
});
