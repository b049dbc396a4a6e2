// Slow reference answers for small instances, to compare autoAssign against.
import type { AssignInput } from "@/lib/assignment/auto-assign";
import { Outcome } from "./auto-assign-checks";

/** The largest number of new pairs the caps allow: a textbook max flow (Edmonds–Karp). */
export function maxNewPairs(input: AssignInput): number {
  const o = new Outcome(input, []);
  const P = o.proposalIds.length;
  const R = o.reviewerIds.length;
  const [source, sink, size] = [0, P + R + 1, P + R + 2];
  const capacity = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  o.proposalIds.forEach((p, i) => {
    capacity[source][1 + i] = o.demand(p);
    o.reviewerIds.forEach((r, j) => (capacity[1 + i][1 + P + j] = o.canTake(p, r) ? 1 : 0));
  });
  o.reviewerIds.forEach((r, j) => (capacity[1 + P + j][sink] = Math.max(0, Math.min(o.capOf(r), 1e9) - o.loadOf(r))));

  let flow = 0;
  for (;;) {
    const previous = new Array<number>(size).fill(-1);
    previous[source] = source;
    const queue = [source];
    while (queue.length > 0 && previous[sink] < 0) {
      const u = queue.shift()!;
      for (let v = 0; v < size; v++) {
        if (previous[v] < 0 && capacity[u][v] > 0) {
          previous[v] = u;
          queue.push(v);
        }
      }
    }
    if (previous[sink] < 0) return flow;
    for (let v = sink; v !== source; v = previous[v]) {
      capacity[previous[v]][v]--;
      capacity[v][previous[v]]++;
    }
    flow++;
  }
}

/**
 * Tries every set of new pairs: the most pairs possible, and among those the
 * smallest sum of squared loads (the most even loads). Tiny instances only.
 */
export function bestByBruteForce(input: AssignInput): { pairs: number; sumOfSquares: number } {
  const o = new Outcome(input, []);
  const load = new Map(o.load);
  let best = { pairs: -1, sumOfSquares: Infinity };
  const visit = (i: number, pairs: number) => {
    if (i === o.proposalIds.length) {
      const sumOfSquares = [...load.values()].reduce((s, l) => s + l * l, 0);
      const better = pairs > best.pairs || (pairs === best.pairs && sumOfSquares < best.sumOfSquares);
      if (better) best = { pairs, sumOfSquares };
      return;
    }
    const p = o.proposalIds[i];
    const takers = o.reviewerIds.filter((r) => o.canTake(p, r));
    const choose = (from: number, left: number, chosen: number) => {
      visit(i + 1, pairs + chosen);
      if (left === 0) return;
      for (let k = from; k < takers.length; k++) {
        const r = takers[k];
        if (load.get(r)! >= o.capOf(r)) continue;
        load.set(r, load.get(r)! + 1);
        choose(k + 1, left - 1, chosen + 1);
        load.set(r, load.get(r)! - 1);
      }
    };
    choose(0, o.demand(p), 0);
  };
  visit(0, 0);
  return best;
}
