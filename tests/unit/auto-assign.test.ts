import { describe, expect, it } from "vitest";
import { autoAssign, type AssignPair } from "@/lib/assignment/auto-assign";
import { toInput } from "./auto-assign-instances";

interface Example {
  proposals: string[] | { id: string; trackId: string | null }[];
  reviewers: string[] | { id: string; cap?: number; prefers?: string[] }[];
  conflicts?: [proposalId: string, reviewerId: string][];
  existing?: [proposalId: string, reviewerId: string][];
  n: number;
}

const pair = ([proposalId, reviewerId]: [string, string]): AssignPair => ({ proposalId, reviewerId });

function assign(example: Example): AssignPair[] {
  return autoAssign(
    toInput({
      proposals: example.proposals.map((p) => (typeof p === "string" ? { id: p, trackId: null } : p)),
      reviewers: example.reviewers.map((r) =>
        typeof r === "string"
          ? { id: r, cap: null, preferredTrackIds: [] }
          : { id: r.id, cap: r.cap ?? null, preferredTrackIds: r.prefers ?? [] },
      ),
      conflicts: (example.conflicts ?? []).map(pair),
      existing: (example.existing ?? []).map(pair),
      reviewersPerProposal: example.n,
    }),
  );
}

const reviewersOf = (pairs: AssignPair[], proposalId: string) => pairs.filter((a) => a.proposalId === proposalId).map((a) => a.reviewerId);
const countOf = (pairs: AssignPair[], reviewerId: string) => pairs.filter((a) => a.reviewerId === reviewerId).length;

describe("autoAssign", () => {
  it("gives each proposal N different reviewers and spreads 8 pairs over 3 reviewers as 3, 3, 2", () => {
    const pairs = assign({ proposals: ["p1", "p2", "p3", "p4"], reviewers: ["ana", "ben", "cleo"], n: 2 });
    for (const p of ["p1", "p2", "p3", "p4"]) expect(new Set(reviewersOf(pairs, p)).size).toBe(2);
    expect(["ana", "ben", "cleo"].map((r) => countOf(pairs, r)).sort()).toEqual([2, 3, 3]);
  });

  it("never assigns a conflicted reviewer, so a proposal may get fewer than N", () => {
    const pairs = assign({
      proposals: ["p1"],
      reviewers: ["ana", "ben", "cleo"],
      conflicts: [
        ["p1", "ana"],
        ["p1", "ben"],
      ],
      n: 2,
    });
    expect(pairs).toEqual([{ proposalId: "p1", reviewerId: "cleo" }]);
  });

  it("counts existing assignments toward N and toward the reviewers' loads", () => {
    const pairs = assign({
      proposals: ["p1", "p2", "p3"],
      reviewers: ["ana", "ben", "cleo", "dan"],
      existing: [
        ["p1", "ana"],
        ["p1", "ben"],
      ],
      n: 2,
    });
    expect(reviewersOf(pairs, "p1")).toEqual([]);
    // 2 existing + 4 new over 4 reviewers: the most even split is 1, 1, 2, 2.
    const existingLoad: Record<string, number> = { ana: 1, ben: 1, cleo: 0, dan: 0 };
    const loads = Object.entries(existingLoad).map(([r, existing]) => existing + countOf(pairs, r));
    expect(loads.sort()).toEqual([1, 1, 2, 2]);
  });

  it("keeps a reviewer within their cap and gives nothing to one already at it", () => {
    const pairs = assign({
      proposals: ["p1", "p2", "p3", "p4"],
      reviewers: [{ id: "ana", cap: 1 }, { id: "ben" }, { id: "cleo", cap: 1 }],
      existing: [["old", "cleo"]],
      n: 1,
    });
    expect([countOf(pairs, "ana"), countOf(pairs, "ben"), countOf(pairs, "cleo")]).toEqual([1, 3, 0]);
  });

  it("passes a proposal along a chain when the only free reviewers are full", () => {
    // p3 is handled first (fewest possible reviewers) and goes to ben, the least
    // loaded; p1 then takes ana, and p2 is left with full reviewers only, unless
    // ben passes p3 on to cleo.
    const pairs = assign({
      proposals: ["p1", "p2", "p3"],
      reviewers: [
        { id: "ana", cap: 1 },
        { id: "ben", cap: 1 },
        { id: "cleo", cap: 6 },
        { id: "dan", cap: 0 },
      ],
      conflicts: [
        ["p1", "cleo"],
        ["p2", "cleo"],
        ["p3", "ana"],
        ["p3", "dan"],
      ],
      existing: [1, 2, 3, 4, 5].map((i): [string, string] => [`old${i}`, "cleo"]),
      n: 1,
    });
    expect(reviewersOf(pairs, "p3")).toEqual(["cleo"]);
    expect([...reviewersOf(pairs, "p1"), ...reviewersOf(pairs, "p2")].sort()).toEqual(["ana", "ben"]);
  });

  it("gives each reviewer the proposals of the track they list when loads allow", () => {
    const pairs = assign({
      proposals: [
        { id: "web1", trackId: "web" },
        { id: "web2", trackId: "web" },
        { id: "data1", trackId: "data" },
        { id: "data2", trackId: "data" },
      ],
      reviewers: [
        { id: "ana", prefers: ["web"] },
        { id: "ben", prefers: ["data"] },
      ],
      n: 1,
    });
    const assigned = pairs.map((a) => `${a.proposalId}:${a.reviewerId}`);
    expect(assigned).toEqual(["data1:ben", "data2:ben", "web1:ana", "web2:ana"]);
  });

  it("does not let a track preference unbalance the loads", () => {
    const pairs = assign({
      proposals: ["w1", "w2", "w3", "w4"].map((id) => ({ id, trackId: "web" })),
      reviewers: [{ id: "ana", prefers: ["web"] }, { id: "ben" }],
      n: 1,
    });
    expect([countOf(pairs, "ana"), countOf(pairs, "ben")]).toEqual([2, 2]);
  });

  it("returns nothing when there are no proposals, no reviewers or N is 0", () => {
    expect(assign({ proposals: [], reviewers: ["ana"], n: 2 })).toEqual([]);
    expect(assign({ proposals: ["p1"], reviewers: [], n: 2 })).toEqual([]);
    expect(assign({ proposals: ["p1"], reviewers: ["ana"], n: 0 })).toEqual([]);
  });

  it("rejects a negative or fractional N", () => {
    expect(() => assign({ proposals: ["p1"], reviewers: ["ana"], n: -1 })).toThrow(RangeError);
    expect(() => assign({ proposals: ["p1"], reviewers: ["ana"], n: 1.5 })).toThrow(RangeError);
  });
});
