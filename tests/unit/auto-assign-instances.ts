// Random assignment problems for the auto-assign property tests, kept as plain
// data (conflicts as a list) so that fast-check prints readable counterexamples.
import fc from "fast-check";
import type { AssignInput, AssignPair, AssignProposal, AssignReviewer } from "@/lib/assignment/auto-assign";

export interface Instance {
  proposals: AssignProposal[];
  reviewers: AssignReviewer[];
  existing: AssignPair[];
  conflicts: AssignPair[];
  reviewersPerProposal: number;
}

export const pairKey = (proposalId: string, reviewerId: string) => `${proposalId}\u0000${reviewerId}`;

export function toInput(instance: Instance): AssignInput {
  const conflicted = new Set(instance.conflicts.map((c) => pairKey(c.proposalId, c.reviewerId)));
  const { conflicts: _, ...rest } = instance;
  return { ...rest, isConflicted: (reviewerId, proposalId) => conflicted.has(pairKey(proposalId, reviewerId)) };
}

export interface InstanceOptions {
  maxProposals?: number;
  maxReviewers?: number;
  maxPerProposal?: number;
  conflicts?: boolean;
  caps?: boolean;
  existing?: boolean;
  tracks?: boolean;
}

const TRACKS = ["design", "backend"];

export function instances(options: InstanceOptions = {}): fc.Arbitrary<Instance> {
  const { maxProposals = 12, maxReviewers = 6, maxPerProposal = 4 } = options;
  const { conflicts = true, caps = true, existing = true, tracks = true } = options;
  const sizes = fc.record({
    proposalCount: fc.nat(maxProposals),
    reviewerCount: fc.nat(maxReviewers),
    reviewersPerProposal: fc.nat(maxPerProposal),
    conflictPercent: conflicts ? fc.nat(60) : fc.constant(0),
    existingPercent: existing ? fc.nat(40) : fc.constant(0),
  });
  return sizes.chain((size) => {
    const { proposalCount: P, reviewerCount: R } = size;
    const exactly = <T>(length: number, item: fc.Arbitrary<T>) => fc.array(item, { minLength: length, maxLength: length });
    return fc
      .record({
        trackIds: exactly(P, tracks ? fc.constantFrom(null, ...TRACKS) : fc.constant(null)),
        caps: exactly(R, caps ? fc.option(fc.nat(6), { nil: null }) : fc.constant(null)),
        preferred: exactly(R, tracks ? fc.subarray(TRACKS) : fc.constant<string[]>([])),
        rolls: exactly(2 * P * R, fc.nat(99)),
      })
      .map(({ trackIds, caps, preferred, rolls }): Instance => {
        const proposals = trackIds.map((trackId, p) => ({ id: `p${p}`, trackId }));
        const reviewers = caps.map((cap, r) => ({ id: `r${r}`, cap, preferredTrackIds: preferred[r] }));
        const existing: AssignPair[] = [];
        const conflictList: AssignPair[] = [];
        proposals.forEach((proposal, p) =>
          reviewers.forEach((reviewer, r) => {
            const pair = { proposalId: proposal.id, reviewerId: reviewer.id };
            if (rolls[2 * (p * R + r)] < size.conflictPercent) conflictList.push(pair);
            if (rolls[2 * (p * R + r) + 1] < size.existingPercent) existing.push(pair);
          }),
        );
        const { reviewersPerProposal } = size;
        return { proposals, reviewers, existing, conflicts: conflictList, reviewersPerProposal };
      });
  });
}

/** The same instance with its arrays in another order. */
export function reordered(instance: Instance): fc.Arbitrary<Instance> {
  const permutation = <T>(items: T[]) => fc.shuffledSubarray(items, { minLength: items.length });
  return fc.record({
    proposals: permutation(instance.proposals),
    reviewers: permutation(instance.reviewers),
    existing: permutation(instance.existing),
    conflicts: permutation(instance.conflicts),
    reviewersPerProposal: fc.constant(instance.reviewersPerProposal),
  });
}
