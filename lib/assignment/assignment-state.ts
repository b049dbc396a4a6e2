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
 * pairs it keeps counts of possible hand-overs up to date, so that searches
 * walk a graph of reviewers (a few hundred nodes) instead of proposals (tens of
 * thousands). For reviewers a and b, at index a * R + b: `transfers` counts a's
 * new proposals that b could take over; `gaining` those whose track b lists
 * and a does not; `losing` those whose track a lists and b does not.
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
  readonly gaining: Int32Array;
  readonly losing: Int32Array;
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
    this.gaining = new Int32Array(this.R * this.R);
    this.losing = new Int32Array(this.R * this.R);
    this.newOf = Array.from({ length: this.R }, () => new Set<number>());
  }

  hasRoom(r: number): boolean {
    return this.load[r] < this.cap[r];
  }

  /** +1, 0 or -1: the most pairs on preferred tracks one hand-over from a to b can add; null if none is possible. */
  bestGain(a: number, b: number): number | null {
    const i = a * this.R + b;
    if (this.gaining[i] > 0) return 1;
    if (this.transfers[i] > this.gaining[i] + this.losing[i]) return 0;
    return this.losing[i] > 0 ? -1 : null;
  }

  add(p: number, r: number): void {
    const row = p * this.R;
    if (this.slot[row + r] !== FREE || this.shortBy[p] <= 0) throw new Error("autoAssign: invalid add");
    this.slot[row + r] = NEW;
    this.load[r]++;
    this.newOf[r].add(p);
    this.shortBy[p]--;
    for (let y = 0; y < this.R; y++) {
      const s = this.slot[row + y];
      if (s === FREE) this.countTransfer(row, r, y, 1);
      else if (s === NEW && y !== r) this.countTransfer(row, y, r, -1);
    }
  }

  remove(p: number, r: number): void {
    const row = p * this.R;
    if (this.slot[row + r] !== NEW) throw new Error("autoAssign: invalid remove");
    this.slot[row + r] = FREE;
    this.load[r]--;
    this.newOf[r].delete(p);
    this.shortBy[p]++;
    for (let y = 0; y < this.R; y++) {
      const s = this.slot[row + y];
      if (s === FREE && y !== r) this.countTransfer(row, r, y, -1);
      else if (s === NEW) this.countTransfer(row, y, r, 1);
    }
  }

  private countTransfer(row: number, from: number, to: number, delta: number): void {
    const i = from * this.R + to;
    this.transfers[i] += delta;
    const gain = this.preferred[row + to] - this.preferred[row + from];
    if (gain > 0) this.gaining[i] += delta;
    else if (gain < 0) this.losing[i] += delta;
  }
}
