import type { AssignPair } from "./auto-assign";
import type { AssignmentInputs } from "./inputs";

/** Why a proposal has fewer than N reviewers: too few reviewers may take it at all, or those who may are at their cap. */
export type ShortReason = "not-enough-reviewers" | "caps";

export type Coverage = {
  reviewersPerProposal: number;
  proposals: number;
  /** Proposals with at least N reviewers (assigned or having reviewed). */
  covered: number;
  /** Reviewers per proposal id (existing pairs plus `added`). */
  countOf: Map<string, number>;
  short: { proposalId: string; have: number; reason: ShortReason }[];
};

/** How far the proposals are from N reviewers each once `added` is written. Pure. */
export function coverage(inputs: AssignmentInputs, added: AssignPair[] = []): Coverage {
  const n = inputs.reviewersPerProposal;
  const on = new Map<string, Set<string>>(inputs.proposals.map((p) => [p.id, new Set<string>()]));
  for (const p of [...inputs.existing, ...added]) on.get(p.proposalId)?.add(p.reviewerId);
  const countOf = new Map<string, number>();
  const short: Coverage["short"] = [];
  for (const [proposalId, reviewerIds] of on) {
    countOf.set(proposalId, reviewerIds.size);
    if (reviewerIds.size >= n) continue;
    const couldAlsoTake = inputs.reviewers.filter((r) => !reviewerIds.has(r.id) && !inputs.conflicts.isConflicted(r.id, proposalId)).length;
    const reason = reviewerIds.size + couldAlsoTake < n ? "not-enough-reviewers" : "caps";
    short.push({ proposalId, have: reviewerIds.size, reason });
  }
  return { reviewersPerProposal: n, proposals: on.size, covered: on.size - short.length, countOf, short };
}
