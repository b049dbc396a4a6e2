/**
 * Automatic reviewer assignment: which new (proposal, reviewer) pairs to add
 * on top of the existing ones. Pure, deterministic (ties fall by a stable hash
 * of the ids) and independent of the order of the input arrays.
 *
 * Terms. A reviewer *can take* a proposal when not conflicted with it and not
 * already on it. A proposal's *target* is min(N, its existing reviewers + the
 * reviewers who can take it). A reviewer's *load* is existing + new pairs; a
 * reviewer is *below cap* when load < cap. A *chain* from reviewer a to b is
 * a → b or a → x1 → … → b, each step passing one of the giver's new pairs to
 * someone who can take that proposal; only a and b change load.
 *
 * Guarantees for the returned pairs:
 * 1. Coverage: as many new pairs as the caps allow (a maximum flow), and no
 *    proposal beyond its target. So whenever the caps let every proposal reach
 *    its target, every proposal does; one already at N gets nothing new.
 * 2. Never a conflicted pair, an existing pair or a repeated pair; no reviewer
 *    is taken past their cap (one already at or over it gets nothing).
 * 3. Balance: no chain leads from a reviewer with new pairs to a reviewer below
 *    cap whose load is 2 or more lower. Equivalently, the loads are as even as
 *    any maximum assignment allows (lexicographically and in sum of squares).
 *    In particular every reviewer below cap who can take a new pair's proposal
 *    has load ≥ the holder's load − 1, and with no conflicts, caps or existing
 *    pairs, max load − min load ≤ 1.
 * 4. Tracks: if a new pair's reviewer does not list the proposal's track, every
 *    reviewer below cap who lists it and can take the proposal has load ≥ the
 *    holder's load; and no two reviewers could swap one new pair each so that
 *    more new pairs sit on tracks their reviewer lists. Preferences never
 *    change the number of new pairs or the sorted list of loads.
 * 5. Rerunning with the returned pairs added to `existing` adds nothing.
 */
import { NEW } from "./assignment-state";
import { buildState } from "./build-state";
import { coverageOrder, fillByChains, fillGreedily } from "./cover";
import { favourPreferredTracks } from "./prefer-tracks";
import { rebalance } from "./rebalance";
import type { AssignInput, AssignPair } from "./types";

export type { AssignInput, AssignPair, AssignProposal, AssignReviewer } from "./types";

/** Returns only the new pairs, ordered by proposal id, then reviewer id. */
export function autoAssign(input: AssignInput): AssignPair[] {
  const { state, proposalIds, reviewerIds } = buildState(input);
  const order = coverageOrder(state);
  fillGreedily(state, order);
  fillByChains(state, order);
  rebalance(state);
  favourPreferredTracks(state);

  const pairs: AssignPair[] = [];
  for (let p = 0; p < state.P; p++) {
    for (let r = 0; r < state.R; r++) {
      if (state.slot[p * state.R + r] === NEW) pairs.push({ proposalId: proposalIds[p], reviewerId: reviewerIds[r] });
    }
  }
  return pairs;
}
