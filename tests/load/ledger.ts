// Every write the load run attempted, with what the server answered. The
// checks compare the database against it: what was acknowledged must be
// there, what was refused must not, and what got no answer may be either.

export type WriteKind = "create" | "edit" | "withdraw" | "review" | "decide" | "publish" | "respond" | "signin" | "session";

export type Attempt = {
  /** The client (browser tab) that sent it; each client sends one request at a time. */
  client: string;
  kind: WriteKind;
  /** What it writes to: a proposal id, `${proposalId}|${reviewerId}`, for creates the speaker's user id, for sign-ins the address. */
  target: string;
  /** The value it writes, unique per attempt: a title, a review comment, a decision, a session token. */
  value: string;
  /** For edits and creates: whether it asked to submit. */
  submit?: boolean;
  /** For reviews: the scores sent, by criterion id. */
  scores?: Record<string, number | null>;
  sentAt: number;
  doneAt: number;
  outcome: "ack" | "refused" | "unknown";
  detail: string;
  /** Set from the answer: the proposal a create made, or how many proposals a publish changed. */
  proposalId?: string;
  changed?: number;
  serverError?: boolean;
};

export class Ledger {
  readonly attempts: Attempt[] = [];

  add(a: Attempt) {
    this.attempts.push(a);
  }

  /** The attempts finished at `time` (e.g. the moment the server was killed). */
  until(time: number): Attempt[] {
    return this.attempts.filter((a) => a.doneAt <= time);
  }
}

/** No answer because the client gave up waiting: the server may still write it later. */
export const lingers = (a: Attempt) => a.outcome === "unknown" && a.detail === "TimeoutError";

/**
 * The values the database may hold for one target, given the attempts on it:
 * every acknowledged or unanswered write that no acknowledged write sent after
 * it finished has superseded (a client's unanswered request that timed out is
 * never superseded: the server may still be working on it), or `initial` when
 * nothing was acknowledged. The real last write is one of these.
 */
export function candidates(attempts: Attempt[], initial: string | null): Set<string | null> {
  const acks = attempts.filter((a) => a.outcome === "ack");
  const superseded = (a: Attempt) => !lingers(a) && acks.some((b) => b !== a && b.sentAt > a.doneAt);
  const out = new Set<string | null>(attempts.filter((a) => a.outcome !== "refused" && !superseded(a)).map((a) => a.value));
  if (acks.length === 0) out.add(initial);
  return out;
}
