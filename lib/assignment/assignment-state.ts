/** What a (proposal, reviewer) cell of `slot` holds. */
export const BLOCKED = 0; // conflicted, or an existing pair
export const FREE = 1; // the reviewer could take the proposal
export const NEW = 2; // assigned in this run

export interface StateInit {
  proposalCount: number;
  reviewerCount: number;
  /** slot[p * reviewerCount + r]: BLOCKED, FREE or NEW. */
  slot: Uint8Array;
  /** preferred[p * reviewerCount + r] is 1 when the reviewer lists the proposal's track. */
  preferred: Uint8Array;
  cap: Float64Array;
  /** Existing + new assignments of each reviewer. */
  load: Int32Array;
  /** How many more new reviewers each proposal wants. */
  shortBy: Int32Array;
  proposalHash: Uint32Array;
  reviewerHash: Uint32Array;
}

/**
 * The working state of one run, by index rather than id for speed. Besides the
 * pairs it keeps two counts up to date so that searches can walk a graph of
 * reviewers (a few hundred nodes) instead of proposals (tens of thousands):
 * `transfers[a * R + b]`, how many of a's new proposals b could take over, and
 * `shortTakes[b]`, how many proposals still short of reviewers b could take.
 */
export class AssignmentState {
  readonly P: number;
  readonly R: number;
  readonly slot: Uint8Array;
  readonly preferred: Uint8Array;
  readonly cap: Float64Array;
  readonly load: Int32Array;
  readonly shortBy: Int32Array;
  readonly proposalHash: Uint32Array;
  readonly reviewerHash: Uint32Array;
  readonly transfers: Int32Array;
  readonly shortTakes: Int32Array;
  readonly newOf: Set<number>[];

  constructor(init: StateInit) {
    this.P = init.proposalCount;
    this.R = init.reviewerCount;
    this.slot = init.slot;
    this.preferred = init.preferred;
    this.cap = init.cap;
    this.load = init.load;
    this.shortBy = init.shortBy;
    this.proposalHash = init.proposalHash;
    this.reviewerHash = init.reviewerHash;
    this.transfers = new Int32Array(this.R * this.R);
    this.shortTakes = new Int32Array(this.R);
    this.newOf = Array.from({ length: this.R }, () => new Set<number>());
    for (let p = 0; p < this.P; p++) {
      if (this.shortBy[p] === 0) continue;
      for (let r = 0; r < this.R; r++) if (this.slot[p * this.R + r] === FREE) this.shortTakes[r]++;
    }
  }

  hasRoom(r: number): boolean {
    return this.load[r] < this.cap[r];
  }

  add(p: number, r: number): void {
    const { R, slot, transfers } = this;
    const row = p * R;
    if (slot[row + r] !== FREE || this.shortBy[p] <= 0) throw new Error("autoAssign: invalid add");
    slot[row + r] = NEW;
    this.load[r]++;
    this.newOf[r].add(p);
    this.shortTakes[r]--;
    const nowFull = --this.shortBy[p] === 0;
    for (let y = 0; y < R; y++) {
      const s = slot[row + y];
      if (s === FREE) {
        transfers[r * R + y]++;
        if (nowFull) this.shortTakes[y]--;
      } else if (s === NEW && y !== r) transfers[y * R + r]--;
    }
  }

  remove(p: number, r: number): void {
    const { R, slot, transfers } = this;
    const row = p * R;
    if (slot[row + r] !== NEW) throw new Error("autoAssign: invalid remove");
    slot[row + r] = FREE;
    this.load[r]--;
    this.newOf[r].delete(p);
    const wasFull = this.shortBy[p]++ === 0;
    if (!wasFull) this.shortTakes[r]++;
    for (let y = 0; y < R; y++) {
      const s = slot[row + y];
      if (s === FREE) {
        if (y !== r) transfers[r * R + y]--;
        if (wasFull) this.shortTakes[y]++;
      } else if (s === NEW) transfers[y * R + r]++;
    }
  }

  /** Moves one of `from`'s new proposals that `to` can take, favouring one whose track only `to` prefers. */
  handOver(from: number, to: number): boolean {
    const { R, slot, preferred } = this;
    let pick = -1;
    for (const q of this.newOf[from]) {
      if (slot[q * R + to] !== FREE) continue;
      if (pick < 0) pick = q;
      if (preferred[q * R + to] > preferred[q * R + from]) {
        pick = q;
        break;
      }
    }
    if (pick < 0) return false;
    this.remove(pick, from);
    this.add(pick, to);
    return true;
  }

  /**
   * `from` gives up one new proposal and `to` takes a proposal that is short of
   * reviewers instead: the total stays the same, only which proposal is left
   * short changes. Used only when capacity cannot cover every proposal.
   */
  handOverViaShortfall(from: number, to: number): void {
    const dropped = this.newOf[from].values().next();
    if (dropped.done) throw new Error("autoAssign: nothing to give up");
    this.remove(dropped.value, from);
    for (let p = 0; p < this.P; p++) {
      if (this.shortBy[p] > 0 && this.slot[p * this.R + to] === FREE) return this.add(p, to);
    }
    throw new Error("autoAssign: no short proposal to take");
  }
}
