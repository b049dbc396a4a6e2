import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizedScores, type ScoredReview } from "@/lib/reviews/stats";
import { cpuMsOf } from "@/tests/support/cpu-time";

const review = (reviewerId: string, proposalId: string, score: number): ScoredReview => ({
  reviewerId,
  proposalId,
  score,
});

const ranking = (scores: Map<string, number>) => [...scores].sort((a, b) => b[1] - a[1]).map(([id]) => id);

// True quality q: p1 = 5 … p6 = 0. Harsh scores 0.2 + 0.04q, lenient 0.7 + 0.04q.
// Harsh reviews p1–p5 (0.40 … 0.24), lenient p2–p6 (0.86 … 0.70).
const HARSH_AND_LENIENT = [
  ...[5, 4, 3, 2, 1].map((q) => review("harsh", `p${6 - q}`, 0.2 + 0.04 * q)),
  ...[4, 3, 2, 1, 0].map((q) => review("lenient", `p${6 - q}`, 0.7 + 0.04 * q)),
];

describe("normalizedScores", () => {
  it("averages each review's z-score against its reviewer", () => {
    // a: 0.2 0.4 0.3 → mean 0.3, population std √(0.02/3) = 0.0816497 → z −1.224745, +1.224745, 0
    // b: 0.9 0.7     → mean 0.8, std 0.1 → z +1, −1
    // c: one review  → z 0
    const scores = normalizedScores([
      review("a", "p1", 0.2),
      review("a", "p2", 0.4),
      review("a", "p3", 0.3),
      review("b", "p1", 0.9),
      review("b", "p2", 0.7),
      review("c", "p3", 0.5),
    ]);
    expect(scores.get("p1")).toBeCloseTo((-1.224745 + 1) / 2, 5); // −0.112372
    expect(scores.get("p2")).toBeCloseTo((1.224745 - 1) / 2, 5); // +0.112372
    expect(scores.get("p3")).toBeCloseTo(0, 10);
    expect(scores.size).toBe(3);
  });

  it("ranks proposals by true quality where raw means favour the lenient reviewer's", () => {
    // raw means: p6 0.70 > p2 0.61 > p3 0.57 > p4 0.53 > p5 0.49 > p1 0.40
    // z = (q − reviewer's mean q) / √2: harsh mean q 3, lenient 2
    // p1 2/√2 = 1.414; p2 (0.707 + 1.414)/2 = 1.061; p3 (0 + 0.707)/2 = 0.354; p4 −0.354; p5 −1.061; p6 −1.414
    const scores = normalizedScores(HARSH_AND_LENIENT);
    expect(ranking(scores)).toEqual(["p1", "p2", "p3", "p4", "p5", "p6"]);
    expect(scores.get("p1")).toBeCloseTo(Math.SQRT2, 10);
    expect(scores.get("p2")).toBeCloseTo(1.06066, 5);
    expect(scores.get("p6")).toBeCloseTo(-Math.SQRT2, 10);
  });

  it("gives a harsh and a lenient reviewer of the same proposals the same say", () => {
    const sameProposals = [1, 2, 3].flatMap((q) => [
      review("harsh", `q${q}`, 0.2 + 0.1 * (q - 1)),
      review("lenient", `q${q}`, 0.7 + 0.1 * (q - 1)),
    ]);
    // each reviewer: mean at q2, population std 0.1·√(2/3) = 0.0816497 → z −1.224745, 0, +1.224745
    const scores = normalizedScores(sameProposals);
    expect(ranking(scores)).toEqual(["q3", "q2", "q1"]);
    expect(scores.get("q1")).toBeCloseTo(-1.224745, 5);
    expect(scores.get("q2")).toBeCloseTo(0, 10);
    expect(scores.get("q3")).toBeCloseTo(1.224745, 5);
  });

  it("counts a reviewer with a single review as average: we cannot know their bias", () => {
    // b: 0.2 0.6 → z −1, +1; newcomer's 1.0 on p1 counts as 0 → p1 (−1 + 0)/2
    const scores = normalizedScores([review("b", "p1", 0.2), review("b", "p2", 0.6), review("newcomer", "p1", 1)]);
    expect(scores.get("p1")).toBeCloseTo(-0.5, 10);
    expect(normalizedScores([review("newcomer", "p9", 1)]).get("p9")).toBe(0);
  });

  it("counts a reviewer who gives every proposal the same score as average, despite rounding", () => {
    // 0.1 × 3 has a computed population std of about 1e-17, not 0
    const scores = normalizedScores(["p1", "p2", "p3"].map((p) => review("flat", p, 0.1)));
    expect([...scores.values()]).toEqual([0, 0, 0]);
  });

  it("returns nothing for no reviews", () => {
    expect(normalizedScores([]).size).toBe(0);
  });

  const reviewSets = fc.uniqueArray(
    fc.record({
      reviewerId: fc.constantFrom("r0", "r1", "r2", "r3"),
      proposalId: fc.constantFrom("p0", "p1", "p2", "p3", "p4", "p5"),
      score: fc.integer({ min: 0, max: 20 }).map((n) => n / 20),
    }),
    { selector: (r) => `${r.reviewerId}/${r.proposalId}`, maxLength: 24 },
  );

  it("does not change when one reviewer's scores are all shifted and stretched", () => {
    fc.assert(
      fc.property(
        reviewSets,
        fc.constantFrom("r0", "r1", "r2", "r3"),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (reviews, reviewerId, shift, stretch) => {
          const before = normalizedScores(reviews);
          const after = normalizedScores(
            reviews.map((r) => (r.reviewerId === reviewerId ? { ...r, score: r.score * stretch + shift } : r)),
          );
          expect([...after.keys()]).toEqual([...before.keys()]);
          for (const [proposalId, score] of before) expect(after.get(proposalId)).toBeCloseTo(score, 6);
        },
      ),
      { seed: 20261207, numRuns: 100 },
    );
  });

  it("normalizes 50,000 reviews correctly in well under 100 ms", () => {
    // 100 reviewers × 500 reviews over 5,000 proposals, 10 reviews each. Review k is by
    // r(k mod 100) of proposal floor(k/10); m = floor(k/100) is its index for that reviewer.
    // Each reviewer scores 0.75 for even m and 0.25 for odd: mean 0.5, population std 0.25, z = ±1.
    // Proposal p's ten reviewers all have m = floor(p/10), so its score is +1 or −1.
    const filler = Array.from({ length: 50_000 - HARSH_AND_LENIENT.length }, (_, k) =>
      review(`r${k % 100}`, `f${Math.floor(k / 10)}`, Math.floor(k / 100) % 2 === 0 ? 0.75 : 0.25),
    );
    const reviews = [...filler, ...HARSH_AND_LENIENT];
    expect(reviews).toHaveLength(50_000);

    normalizedScores(reviews); // warm up the JIT before timing
    const timings: number[] = [];
    let scores = new Map<string, number>();
    for (let run = 0; run < 5; run++) {
      const timed = cpuMsOf(() => normalizedScores(reviews));
      scores = timed.result;
      timings.push(timed.ms);
    }
    const fastest = Math.min(...timings);
    const all = timings.map((t) => t.toFixed(1)).join(", ");
    console.info(`normalizedScores on 50,000 reviews: fastest ${fastest.toFixed(1)} ms CPU of ${all}`);

    expect(scores.get("f0")).toBeCloseTo(1, 10); // m = 0
    expect(scores.get("f15")).toBeCloseTo(-1, 10); // m = 1
    expect(scores.get("f4020")).toBeCloseTo(1, 10); // m = 402
    expect(scores.get("p1")).toBeCloseTo(Math.SQRT2, 10);
    expect(scores.get("p6")).toBeCloseTo(-Math.SQRT2, 10);
    expect(fastest).toBeLessThan(100);
  });
});
