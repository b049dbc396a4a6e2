import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { autoAssign } from "@/lib/assignment/auto-assign";
import { Outcome, improvingChain, improvingSwap, preferenceProblems, safetyProblems } from "./auto-assign-checks";
import { instances, reordered, toInput, type Instance } from "./auto-assign-instances";
import { bestByBruteForce, maxNewPairs } from "./auto-assign-reference";

const outcomeOf = (instance: Instance) => {
  const input = toInput(instance);
  return new Outcome(input, autoAssign(input));
};
const withoutPreferences = (instance: Instance): Instance => ({
  ...instance,
  reviewers: instance.reviewers.map((r) => ({ ...r, preferredTrackIds: [] })),
});

describe("autoAssign properties", () => {
  it("never returns a conflicted, existing or repeated pair, nor takes a reviewer past their cap", () => {
    fc.assert(
      fc.property(instances(), (instance) => {
        expect(safetyProblems(outcomeOf(instance))).toEqual([]);
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });

  it("adds as many pairs as the caps allow (matches a reference max flow)", () => {
    fc.assert(
      fc.property(instances(), (instance) => {
        expect(outcomeOf(instance).pairs.length).toBe(maxNewPairs(toInput(instance)));
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });

  it("brings every proposal to min(N, existing + eligible reviewers) when there are no caps", () => {
    fc.assert(
      fc.property(instances({ caps: false }), (instance) => {
        const o = outcomeOf(instance);
        for (const p of o.proposalIds) expect(o.newCount(p)).toBe(o.demand(p));
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });

  it("leaves no chain that would pass a pair to a reviewer below cap at least 2 lower", () => {
    fc.assert(
      fc.property(instances(), (instance) => {
        expect(improvingChain(outcomeOf(instance))).toBeNull();
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });

  it("lets no single reviewer who could take a new pair's proposal be 2 below its holder", () => {
    fc.assert(
      fc.property(instances(), (instance) => {
        const o = outcomeOf(instance);
        for (const { proposalId: p, reviewerId: holder } of o.pairs) {
          for (const r of o.reviewerIds.filter((r) => o.couldTakeOver(p, r) && o.belowCap(r))) {
            expect(o.loadOf(r)).toBeGreaterThanOrEqual(o.loadOf(holder) - 1);
          }
        }
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });

  it("keeps max load − min load ≤ 1 without conflicts, caps or existing pairs", () => {
    const plain = instances({ conflicts: false, caps: false, existing: false, maxProposals: 40, maxReviewers: 10 });
    fc.assert(
      fc.property(plain, (instance) => {
        const loads = outcomeOf(instance).sortedLoads();
        if (loads.length > 0) expect(loads[loads.length - 1] - loads[0]).toBeLessThanOrEqual(1);
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });

  it("finds the most pairs and the most even loads that exist (brute force on tiny instances)", () => {
    const tiny = instances({ maxProposals: 4, maxReviewers: 4, maxPerProposal: 3 });
    fc.assert(
      fc.property(tiny, (instance) => {
        const o = outcomeOf(instance);
        const best = bestByBruteForce(toInput(instance));
        expect({ pairs: o.pairs.length, sumOfSquares: o.sumOfSquaredLoads() }).toEqual(best);
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  it("gives a proposal to a reviewer outside its track only when no lighter reviewer lists the track", () => {
    fc.assert(
      fc.property(instances(), (instance) => {
        expect(preferenceProblems(outcomeOf(instance))).toEqual([]);
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });

  it("leaves no swap of one pair each between two reviewers that would add a preferred pair", () => {
    fc.assert(
      fc.property(instances(), (instance) => {
        expect(improvingSwap(outcomeOf(instance))).toBeNull();
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });

  it("changes neither the number of pairs nor the sorted loads because of track preferences", () => {
    fc.assert(
      fc.property(instances(), (instance) => {
        const withPreferences = outcomeOf(instance);
        const without = outcomeOf(withoutPreferences(instance));
        expect(withPreferences.pairs.length).toBe(without.pairs.length);
        expect(withPreferences.sortedLoads()).toEqual(without.sortedLoads());
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });

  it("adds nothing when rerun with its own result as existing pairs", () => {
    fc.assert(
      fc.property(instances(), (instance) => {
        const first = autoAssign(toInput(instance));
        const again = autoAssign(toInput({ ...instance, existing: [...instance.existing, ...first] }));
        expect(again).toEqual([]);
      }),
      { seed: 20261207, numRuns: 100 },
    );
  });

  it("returns the same pairs for the same input, whatever the order of its arrays", () => {
    const pairs = (instance: Instance) => autoAssign(toInput(instance));
    fc.assert(
      fc.property(
        instances().chain((instance) => fc.tuple(fc.constant(instance), reordered(instance))),
        ([instance, shuffled]) => {
          expect(pairs(instance)).toEqual(pairs(instance));
          expect(pairs(shuffled)).toEqual(pairs(instance));
        },
      ),
      { seed: 20261207, numRuns: 100 },
    );
  });
});
