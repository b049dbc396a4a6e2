import { type AssignmentState, FREE } from "./assignment-state";

/**
 * One of `from`'s new proposals that `to` could take over whose preference
 * gain (does `to` list its track, minus does `from`) is exactly `gain`, or the
 * highest gain available when `gain` is omitted; -1 if there is none.
 */
function witness(state: AssignmentState, from: number, to: number, gain?: number): number {
  const { R, slot, preferred } = state;
  let best = -1;
  let bestGain = -2;
  for (const q of state.newOf[from]) {
    if (slot[q * R + to] !== FREE) continue;
    const g = preferred[q * R + to] - preferred[q * R + from];
    if (g === gain || (gain === undefined && g === 1)) return q;
    if (gain === undefined && g > bestGain) [best, bestGain] = [q, g];
  }
  return best;
}

/** Moves one of `from`'s new proposals to `to`, who must be able to take one of them. */
export function handOver(state: AssignmentState, from: number, to: number, gain?: number): void {
  const q = witness(state, from, to, gain);
  if (q < 0) throw new Error("autoAssign: no such hand-over");
  state.remove(q, from);
  state.add(q, to);
}

/** a gives one new proposal to b and b one to a, with these preference gains; loads stay the same. */
export function swapPairs(state: AssignmentState, a: number, b: number, gainToB: number, gainToA: number): void {
  const toB = witness(state, a, b, gainToB);
  const toA = witness(state, b, a, gainToA);
  if (toB < 0 || toA < 0) throw new Error("autoAssign: no such swap");
  // Two different proposals: b could take toB, so b was not on it, but b is on toA.
  state.remove(toB, a);
  state.remove(toA, b);
  state.add(toB, b);
  state.add(toA, a);
}
