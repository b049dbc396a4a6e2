import { type AssignmentState, FREE, NEW } from "./assignment-state";

/**
 * Passes a new pair from a reviewer who does not list the proposal's track to
 * one below cap who does and whose load is exactly one lower: the two loads
 * just swap, so balance and coverage stay as they are. Repeats until no such
 * move is left; each one adds a preferred pair, so this ends.
 */
export function favourPreferredTracks(state: AssignmentState): void {
  const { P, R, slot, preferred, load } = state;
  let moved = true;
  while (moved) {
    moved = false;
    for (let p = 0; p < P; p++) {
      const row = p * R;
      for (let holder = 0; holder < R; holder++) {
        if (slot[row + holder] !== NEW || preferred[row + holder]) continue;
        for (let taker = 0; taker < R; taker++) {
          if (slot[row + taker] !== FREE || !preferred[row + taker]) continue;
          if (load[taker] !== load[holder] - 1 || !state.hasRoom(taker)) continue;
          state.remove(p, holder);
          state.add(p, taker);
          moved = true;
          break;
        }
      }
    }
  }
}
