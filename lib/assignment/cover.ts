import { type AssignmentState, FREE } from "./assignment-state";
import { handOver } from "./hand-over";
import { mixHashes } from "./stable-hash";

/** Proposals with the fewest possible reviewers go first, before those reviewers fill up. */
export function coverageOrder(state: AssignmentState): number[] {
  const { P, R, slot, proposalHash } = state;
  const freeCount = new Int32Array(P);
  for (let p = 0; p < P; p++) {
    for (let r = 0; r < R; r++) if (slot[p * R + r] === FREE) freeCount[p]++;
  }
  const order = Array.from({ length: P }, (_, p) => p);
  return order.sort((a, b) => freeCount[a] - freeCount[b] || proposalHash[a] - proposalHash[b] || a - b);
}

/** Gives each proposal its least-loaded reviewers with room; ties go to track preference, then a stable hash. */
export function fillGreedily(state: AssignmentState, order: number[]): void {
  for (const p of order) {
    while (state.shortBy[p] > 0) {
      const r = bestReviewerWithRoom(state, p);
      if (r < 0) break;
      state.add(p, r);
    }
  }
}

function bestReviewerWithRoom(state: AssignmentState, p: number): number {
  const { R, slot, load, preferred, proposalHash, reviewerHash } = state;
  const row = p * R;
  let best = -1;
  let bestPreferred = 0;
  let bestTie = 0;
  for (let r = 0; r < R; r++) {
    if (slot[row + r] !== FREE || !state.hasRoom(r)) continue;
    if (best >= 0 && load[r] > load[best]) continue;
    const sameLoad = best >= 0 && load[r] === load[best];
    if (sameLoad && preferred[row + r] < bestPreferred) continue;
    const tie = mixHashes(proposalHash[p], reviewerHash[r]);
    if (sameLoad && preferred[row + r] === bestPreferred && tie >= bestTie) continue;
    best = r;
    bestPreferred = preferred[row + r];
    bestTie = tie;
  }
  return best;
}

/**
 * Greedy can leave a proposal short when all its possible reviewers are full,
 * although one of them could pass a proposal on to someone with room. This
 * finds such chains (augmenting paths), so the number of new pairs ends up as
 * large as the caps allow.
 */
export function fillByChains(state: AssignmentState, order: number[]): void {
  // Reviewers a failed search reached cannot reach room until some chain succeeds.
  const dead = new Uint8Array(state.R);
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const p of order) {
      while (state.shortBy[p] > 0) {
        const chain = findChain(state, p, dead);
        if (!chain) break;
        state.add(p, chain[0]);
        for (let i = 0; i + 1 < chain.length; i++) handOver(state, chain[i], chain[i + 1]);
        dead.fill(0);
        progressed = true;
      }
    }
  }
}

/** Breadth-first over "x could pass a proposal to y"; ends at the least-loaded reviewer with room. */
function findChain(state: AssignmentState, p: number, dead: Uint8Array): number[] | null {
  const { R, slot, load, transfers } = state;
  const previous = new Int32Array(R).fill(-2);
  const queue: number[] = [];
  for (let r = 0; r < R; r++) {
    if (slot[p * R + r] === FREE && !dead[r]) {
      previous[r] = -1;
      queue.push(r);
    }
  }
  let end = -1;
  for (let head = 0; head < queue.length; head++) {
    const x = queue[head];
    if (state.hasRoom(x) && (end < 0 || load[x] < load[end])) end = x;
    for (let y = 0; y < R; y++) {
      if (previous[y] === -2 && !dead[y] && transfers[x * R + y] > 0) {
        previous[y] = x;
        queue.push(y);
      }
    }
  }
  if (end < 0) {
    for (const x of queue) dead[x] = 1;
    return null;
  }
  const chain: number[] = [];
  for (let x = end; x !== -1; x = previous[x]) chain.push(x);
  return chain.reverse();
}
