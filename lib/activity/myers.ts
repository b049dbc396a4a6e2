// A shortest edit script between two sequences: Myers' O(ND) algorithm
// ("An O(ND) Difference Algorithm and Its Variations", 1986). Its "same"
// steps are a longest common subsequence; the cost grows with the number of
// edits, so two long texts with a few changes compare quickly.

export const SAME = 0;
export const REMOVED = 1;
export const ADDED = 2;
/** [what, index]: into `a` for SAME and REMOVED, into `b` for ADDED. */
export type EditStep = [op: typeof SAME | typeof REMOVED | typeof ADDED, index: number];

/** Steps left; calls that share one budget draw it down together. */
export type Budget = { steps: number };

/**
 * The edits that turn `a` into `b`, in order, or null when finding them would
 * take more than `budget.steps` (diagonals visited plus tokens compared).
 */
export function editScript(a: readonly string[], b: readonly string[], budget: Budget): EditStep[] | null {
  const ids = new Map<string, number>();
  const id = (t: string) => ids.get(t) ?? (ids.set(t, ids.size), ids.size - 1);
  return shortestEdit(Int32Array.from(a, id), Int32Array.from(b, id), budget);
}

function shortestEdit(a: Int32Array, b: Int32Array, budget: Budget): EditStep[] | null {
  const n = a.length;
  const m = b.length;
  // The end is at least |n - m| edits away, and each round d visits d + 1 diagonals.
  if ((n - m) ** 2 / 2 > budget.steps) return null;
  const limit = n + m;
  const v = new Int32Array(2 * limit + 1);
  // rounds[d]: the furthest x reached on each diagonal k in [-d, d] with d edits (-1: none).
  const rounds: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    let cost = d + 1;
    for (let k = -d; k <= d; k += 2) {
      let x = 0;
      if (d > 0) {
        const left = k - 1 >= 1 - d ? v[k - 1 + limit] : -1;
        const up = k + 1 <= d - 1 ? v[k + 1 + limit] : -1;
        x = viaAddition(left, up, k, n, m) ? up : left < 0 || left >= n ? -1 : left + 1;
      }
      if (x < 0) {
        v[k + limit] = -1;
        continue;
      }
      let y = x - k;
      const start = x;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      cost += x - start;
      v[k + limit] = x;
      if (x === n && y === m) {
        budget.steps -= cost;
        return backtrack(rounds, a, b);
      }
    }
    rounds.push(v.slice(limit - d, limit + d + 1));
    budget.steps -= cost;
    if (budget.steps < 0) return null;
  }
  return null;
}

/**
 * Whether diagonal k is reached furthest by an addition from diagonal k+1
 * (else by a removal from k-1), given how far the previous round got on each.
 * The search and the backtrack both ask this, so they always agree.
 */
function viaAddition(left: number, up: number, k: number, n: number, m: number): boolean {
  const down = up >= 0 && up - k <= m ? up : -1;
  const right = left >= 0 && left < n ? left + 1 : -1;
  return down >= 0 && down >= right;
}

function backtrack(rounds: Int32Array[], a: Int32Array, b: Int32Array): EditStep[] {
  const steps: EditStep[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = rounds.length; d > 0; d--) {
    const prev = rounds[d - 1];
    const at = (k: number) => (k >= 1 - d && k <= d - 1 ? prev[k + d - 1] : -1);
    const k = x - y;
    const added = viaAddition(at(k - 1), at(k + 1), k, a.length, b.length);
    const start = added ? at(k + 1) : at(k - 1) + 1;
    while (x > start) {
      steps.push([SAME, --x]);
      y--;
    }
    if (added) steps.push([ADDED, --y]);
    else steps.push([REMOVED, --x]);
  }
  while (x > 0) steps.push([SAME, --x]);
  return steps.reverse();
}
