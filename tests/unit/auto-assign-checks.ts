// Independent checks of an autoAssign result, computed only from the input and
// the returned pairs, written for clarity rather than speed.
import type { AssignInput, AssignPair } from "@/lib/assignment/auto-assign";
import { pairKey } from "./auto-assign-instances";

export class Outcome {
  readonly proposalIds: string[];
  readonly reviewerIds: string[];
  readonly existing: Set<string>;
  readonly added: Set<string>;
  readonly load = new Map<string, number>();

  constructor(
    readonly input: AssignInput,
    readonly pairs: AssignPair[],
  ) {
    this.proposalIds = [...new Set(input.proposals.map((p) => p.id))];
    this.reviewerIds = [...new Set(input.reviewers.map((r) => r.id))];
    this.existing = new Set(input.existing.map((e) => pairKey(e.proposalId, e.reviewerId)));
    this.added = new Set(pairs.map((a) => pairKey(a.proposalId, a.reviewerId)));
    for (const r of this.reviewerIds) this.load.set(r, 0);
    for (const key of [...this.existing, ...this.added]) {
      const reviewerId = key.split("\u0000")[1];
      if (this.load.has(reviewerId)) this.load.set(reviewerId, this.load.get(reviewerId)! + 1);
    }
  }

  loadOf = (r: string) => this.load.get(r)!;
  isNew = (p: string, r: string) => this.added.has(pairKey(p, r));
  existingCount = (p: string) => [...this.existing].filter((k) => k.split("\u0000")[0] === p).length;
  newCount = (p: string) => this.reviewerIds.filter((r) => this.isNew(p, r)).length;
  /** Not conflicted and not an existing pair, whatever this run added. */
  canTake = (p: string, r: string) => !this.input.isConflicted(r, p) && !this.existing.has(pairKey(p, r));
  /** Could still take it now: also not one of the new pairs. */
  couldTakeOver = (p: string, r: string) => this.canTake(p, r) && !this.isNew(p, r);
  capOf = (r: string) => this.input.reviewers.find((x) => x.id === r)!.cap ?? Infinity;
  belowCap = (r: string) => this.loadOf(r) < this.capOf(r);
  prefers = (p: string, r: string) => {
    const trackId = this.input.proposals.find((x) => x.id === p)!.trackId;
    return trackId !== null && this.input.reviewers.find((x) => x.id === r)!.preferredTrackIds.includes(trackId);
  };
  /** New pairs this proposal should get: its target min(N, existing + takers) minus existing. */
  demand = (p: string) => {
    const takers = this.reviewerIds.filter((r) => this.canTake(p, r)).length;
    const existing = this.existingCount(p);
    return Math.max(0, Math.min(this.input.reviewersPerProposal, existing + takers) - existing);
  };
  sumOfSquaredLoads = () => [...this.load.values()].reduce((sum, l) => sum + l * l, 0);
  sortedLoads = () => [...this.load.values()].sort((a, b) => a - b);
}

export function safetyProblems(o: Outcome): string[] {
  const problems: string[] = [];
  if (o.added.size !== o.pairs.length) problems.push("a pair is returned twice");
  for (const { proposalId: p, reviewerId: r } of o.pairs) {
    if (!o.proposalIds.includes(p) || !o.reviewerIds.includes(r)) problems.push(`unknown id in ${p}/${r}`);
    else if (o.input.isConflicted(r, p)) problems.push(`conflicted pair ${p}/${r}`);
    else if (o.existing.has(pairKey(p, r))) problems.push(`existing pair repeated ${p}/${r}`);
  }
  for (const r of o.reviewerIds) {
    const gotNew = o.pairs.some((a) => a.reviewerId === r);
    if (gotNew && o.loadOf(r) > o.capOf(r)) problems.push(`${r} over cap`);
  }
  for (const p of o.proposalIds) if (o.newCount(p) > o.demand(p)) problems.push(`${p} beyond its target`);
  return problems;
}

/**
 * Guarantee 3, checked literally: a chain from a reviewer holding a new pair to
 * a reviewer below cap at least 2 lower, as a path in the residual graph of the
 * flow source → proposal → reviewer. Returns "a→b" for the first one found.
 */
export function improvingChain(o: Outcome): string | null {
  for (const giver of o.reviewerIds) {
    const reached = reachableFrom(o, giver);
    const taker = o.reviewerIds.find((b) => b !== giver && reached.has(b) && o.belowCap(b) && o.loadOf(b) <= o.loadOf(giver) - 2);
    if (taker) return `${giver}→${taker}`;
  }
  return null;
}

function reachableFrom(o: Outcome, giver: string): Set<string> {
  const reviewers = new Set([giver]);
  const proposals = new Set<string>();
  let sourceReached = false;
  const queue: ["reviewer" | "proposal", string][] = [["reviewer", giver]];
  const visitProposal = (p: string) => !proposals.has(p) && (proposals.add(p), queue.push(["proposal", p]));
  while (queue.length > 0) {
    const [kind, id] = queue.shift()!;
    if (kind === "reviewer") {
      for (const p of o.proposalIds) if (o.isNew(p, id)) visitProposal(p);
      continue;
    }
    for (const r of o.reviewerIds) {
      if (o.couldTakeOver(id, r) && !reviewers.has(r)) {
        reviewers.add(r);
        queue.push(["reviewer", r]);
      }
    }
    // Through the source: this proposal keeps one pair fewer, a short one gains one.
    if (!sourceReached && o.newCount(id) > 0) {
      sourceReached = true;
      for (const p of o.proposalIds) if (o.newCount(p) < o.demand(p)) visitProposal(p);
    }
  }
  return reviewers;
}

/** Guarantee 4: holders not listing the track only where no listing taker is lighter. */
export function preferenceProblems(o: Outcome): string[] {
  const problems: string[] = [];
  for (const { proposalId: p, reviewerId: holder } of o.pairs) {
    if (o.prefers(p, holder)) continue;
    for (const taker of o.reviewerIds) {
      if (!o.couldTakeOver(p, taker) || !o.prefers(p, taker) || !o.belowCap(taker)) continue;
      if (o.loadOf(taker) < o.loadOf(holder)) problems.push(`${p}: ${holder} holds it, ${taker} lists its track`);
    }
  }
  return problems;
}

/** Guarantee 4, second half: no two reviewers could swap one new pair each and end with more preferred pairs. */
export function improvingSwap(o: Outcome): string | null {
  const gain = (p: string, from: string, to: string) => Number(o.prefers(p, to)) - Number(o.prefers(p, from));
  for (const { proposalId: p, reviewerId: a } of o.pairs) {
    for (const { proposalId: q, reviewerId: b } of o.pairs) {
      if (a === b || !o.couldTakeOver(p, b) || !o.couldTakeOver(q, a)) continue;
      if (gain(p, a, b) + gain(q, b, a) > 0) return `${a} ${p} ⇄ ${b} ${q}`;
    }
  }
  return null;
}
