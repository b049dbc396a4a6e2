import type { AssignmentState } from "./assignment-state";
import { handOver } from "./hand-over";

const UNSEEN = -2;
const CHAIN_END = -1;

/**
 * Evens out loads: while some reviewer could pass one new pair, through a chain
 * of hand-overs, to a reviewer below cap whose load is at least 2 lower, do
 * it. Each move lowers the sum of squared loads, so this ends. When no such
 * chain is left the loads are as even as any maximum assignment allows
 * (Frank & Murota, "Discrete decreasing minimization": over an M-convex set,
 * having no such step is the same as being decreasingly minimal).
 */
export function rebalance(state: AssignmentState): void {
  while (shiftOnePair(state));
}

function shiftOnePair(state: AssignmentState): boolean {
  const { R, load, newOf } = state;
  let highestGiver = -Infinity;
  const levels = new Set<number>();
  for (let r = 0; r < R; r++) {
    if (newOf[r].size > 0) highestGiver = Math.max(highestGiver, load[r]);
    if (state.hasRoom(r)) levels.add(load[r]);
  }
  for (const level of [...levels].sort((a, b) => a - b)) {
    if (level + 2 > highestGiver) return false;
    const next = searchTowards(state, level);
    let giver = -1;
    for (let r = 0; r < R; r++) {
      if (next[r] !== UNSEEN && load[r] >= level + 2 && (giver < 0 || load[r] > load[giver])) giver = r;
    }
    if (giver >= 0) {
      passAlong(state, giver, next);
      return true;
    }
  }
  return false;
}

/**
 * Backward breadth-first search from the reviewers below cap at this load:
 * next[x] is whom x passes a pair to on a shortest chain to one of them.
 * Chains that leave some proposal short and fill another instead need not be
 * searched: after fillByChains, none can end at a reviewer below cap.
 */
function searchTowards(state: AssignmentState, level: number): Int32Array {
  const { R, load, transfers } = state;
  const next = new Int32Array(R).fill(UNSEEN);
  const queue: number[] = [];
  for (let r = 0; r < R; r++) {
    if (state.hasRoom(r) && load[r] === level) {
      next[r] = CHAIN_END;
      queue.push(r);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const y = queue[head];
    for (let x = 0; x < R; x++) {
      if (next[x] === UNSEEN && transfers[x * R + y] > 0) {
        next[x] = y;
        queue.push(x);
      }
    }
  }
  return next;
}

function passAlong(state: AssignmentState, giver: number, next: Int32Array): void {
  for (let x = giver; next[x] !== CHAIN_END; x = next[x]) {
    handOver(state, x, next[x]);
  }
}
