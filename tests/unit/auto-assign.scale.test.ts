import { describe, expect, it } from "vitest";
import { autoAssign, type AssignInput } from "@/lib/assignment/auto-assign";

// Deterministic pseudo-random numbers (mulberry32), so the data is the same on every run.
function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function conferenceSizedInput(): AssignInput {
  const random = seededRandom(2024);
  const tracks = ["web", "data", "security", "mobile", "cloud"];
  const proposals = Array.from({ length: 10_000 }, (_, i) => ({ id: `proposal-${i}`, trackId: tracks[i % 5] }));
  const reviewers = Array.from({ length: 200 }, (_, i) => ({
    id: `reviewer-${i}`,
    cap: null,
    preferredTrackIds: [tracks[i % 5]],
  }));
  const conflicts = new Map(reviewers.map((r) => [r.id, new Set<string>()]));
  for (const p of proposals) for (const r of reviewers) if (random() < 0.01) conflicts.get(r.id)!.add(p.id);
  return {
    proposals,
    reviewers,
    existing: [],
    isConflicted: (reviewerId, proposalId) => conflicts.get(reviewerId)!.has(proposalId),
    reviewersPerProposal: 3,
  };
}

describe("autoAssign at conference scale", () => {
  it("covers 10,000 proposals × 3 from 200 reviewers with 1% conflicts, evenly and safely", () => {
    const input = conferenceSizedInput();
    const pairs = autoAssign(input);

    const onProposal = new Map(input.proposals.map((p) => [p.id, new Set<string>()]));
    const load = new Map(input.reviewers.map((r) => [r.id, 0]));
    for (const { proposalId, reviewerId } of pairs) {
      onProposal.get(proposalId)!.add(reviewerId);
      load.set(reviewerId, load.get(reviewerId)! + 1);
    }
    expect(pairs.filter((a) => input.isConflicted(a.reviewerId, a.proposalId))).toEqual([]);
    expect(pairs).toHaveLength(30_000);
    expect([...onProposal.values()].filter((reviewers) => reviewers.size !== 3)).toEqual([]);

    // No reviewer who could take over a proposal is 2 below one of its reviewers.
    const unbalanced = [...onProposal].filter(([proposalId, holders]) => {
      const couldTake = input.reviewers.filter((r) => !holders.has(r.id) && !input.isConflicted(r.id, proposalId));
      const lightest = Math.min(...couldTake.map((r) => load.get(r.id)!));
      return [...holders].some((holder) => lightest < load.get(holder)! - 1);
    });
    expect(unbalanced).toEqual([]);
    // Conflicts this sparse force no imbalance at all.
    const loads = [...load.values()];
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    expect(autoAssign({ ...input, existing: pairs })).toEqual([]);
  });
});
