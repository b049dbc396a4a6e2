import type { AssignmentState } from "./assignment-state";
import { handOver, swapPairs } from "./hand-over";

/**
 * Raises the number of new pairs on tracks their reviewer lists with moves
 * that leave the sorted loads as they are, so balance and coverage stay put:
 * - a hands b a pair whose track b lists and a does not, when b is below cap
 *   and exactly one lower than a (their loads just swap);
 * - a and b swap one pair each, when that adds a preferred pair overall.
 * Repeats until no such move is left; each adds at least one preferred pair.
 */
export function favourPreferredTracks(state: AssignmentState): void {
  const { R, load } = state;
  let improved = true;
  while (improved) {
    improved = false;
    for (let a = 0; a < R; a++) {
      for (let b = 0; b < R; b++) {
        const toB = a === b ? null : state.bestGain(a, b);
        if (toB === null) continue;
        if (toB === 1 && load[b] === load[a] - 1 && state.hasRoom(b)) {
          handOver(state, a, b, 1);
          improved = true;
          continue;
        }
        const toA = state.bestGain(b, a);
        if (toA !== null && toA + toB > 0) {
          swapPairs(state, a, b, toB, toA);
          improved = true;
        }
      }
    }
  }
}
