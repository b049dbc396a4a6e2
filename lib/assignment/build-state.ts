import { AssignmentState, BLOCKED, FREE } from "./assignment-state";
import { hashId } from "./stable-hash";
import type { AssignInput } from "./types";

export interface BuiltState {
  state: AssignmentState;
  proposalIds: string[];
  reviewerIds: string[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// Sorting by id (and dropping repeated ids) makes the result independent of the input order.
function uniqueSortedById<T extends { id: string }>(items: T[]): T[] {
  return [...items].sort(byId).filter((item, i, sorted) => i === 0 || sorted[i - 1].id !== item.id);
}

export function buildState(input: AssignInput): BuiltState {
  const n = input.reviewersPerProposal;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`reviewersPerProposal must be a whole number ≥ 0, got ${n}`);
  const proposals = uniqueSortedById(input.proposals);
  const reviewers = uniqueSortedById(input.reviewers);
  const P = proposals.length;
  const R = reviewers.length;
  const reviewerIndex = new Map(reviewers.map((r, i) => [r.id, i]));

  const existingOn = new Map<string, Set<string>>();
  for (const { proposalId, reviewerId } of input.existing) {
    const onProposal = existingOn.get(proposalId) ?? new Set<string>();
    onProposal.add(reviewerId);
    existingOn.set(proposalId, onProposal);
  }
  const load = new Int32Array(R);
  for (const reviewerIds of existingOn.values()) {
    for (const id of reviewerIds) {
      const r = reviewerIndex.get(id);
      if (r !== undefined) load[r]++;
    }
  }

  const slot = new Uint8Array(P * R);
  const shortBy = new Int32Array(P);
  proposals.forEach((proposal, p) => {
    const existing = existingOn.get(proposal.id);
    let free = 0;
    reviewers.forEach((reviewer, r) => {
      const blocked = existing?.has(reviewer.id) || input.isConflicted(reviewer.id, proposal.id);
      slot[p * R + r] = blocked ? BLOCKED : FREE;
      if (!blocked) free++;
    });
    shortBy[p] = Math.max(0, Math.min(n - (existing?.size ?? 0), free));
  });

  const preferrersOfTrack = new Map<string, number[]>();
  reviewers.forEach((reviewer, r) => {
    for (const trackId of new Set(reviewer.preferredTrackIds)) {
      const preferrers = preferrersOfTrack.get(trackId);
      if (preferrers) preferrers.push(r);
      else preferrersOfTrack.set(trackId, [r]);
    }
  });
  const preferred = new Uint8Array(P * R);
  proposals.forEach((proposal, p) => {
    if (proposal.trackId === null) return;
    for (const r of preferrersOfTrack.get(proposal.trackId) ?? []) preferred[p * R + r] = 1;
  });

  const state = new AssignmentState({
    proposalCount: P,
    reviewerCount: R,
    slot,
    preferred,
    cap: Float64Array.from(reviewers, (r) => (r.cap === null ? Infinity : Math.floor(r.cap))),
    load,
    shortBy,
    proposalHash: Uint32Array.from(proposals, (p) => hashId(p.id)),
    reviewerHash: Uint32Array.from(reviewers, (r) => hashId(r.id)),
  });
  return { state, proposalIds: proposals.map((p) => p.id), reviewerIds: reviewers.map((r) => r.id) };
}
