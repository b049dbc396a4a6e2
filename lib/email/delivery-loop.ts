import type { Db } from "@/lib/db";
import { deliverQueued, type Transport } from "./deliver";

/** How a loop waits between rounds; tests pass a fake one and run rounds by hand. */
export type Timers = {
  set(run: () => Promise<void>, ms: number): unknown;
  clear(handle: unknown): void;
};

export type DeliveryLoopOptions = {
  db: Db;
  transport: Transport;
  /** Pause between rounds when the outbox has nothing more to send now. */
  intervalMs?: number;
  /** Longest pause after failing rounds (the database or SMTP unreachable). */
  maxBackoffMs?: number;
  /** Messages per round; a full round is followed at once by the next. */
  batch?: number;
  now?: () => Date;
  timers?: Timers;
  onError?: (error: unknown) => void;
};

export type DeliveryLoop = {
  /** Stops scheduling rounds and claiming messages; waits for the message in hand to be sent and marked. */
  stop(): Promise<void>;
};

const realTimers: Timers = {
  set: (run, ms) => setTimeout(() => void run(), ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * The owner of email delivery: one per server process (instrumentation.ts).
 * Each round sends what is due with deliverQueued, whose lease lets several
 * instances share one outbox; a message that failed is retried after its own
 * backoff (nextAttemptAt) by a later round, traffic or not. A round that
 * throws doubles the pause, up to maxBackoffMs.
 */
export function startDeliveryLoop(o: DeliveryLoopOptions): DeliveryLoop {
  const interval = o.intervalMs ?? 5_000;
  const maxBackoff = o.maxBackoffMs ?? 5 * 60_000;
  const batch = o.batch ?? 50;
  const now = o.now ?? (() => new Date());
  const timers = o.timers ?? realTimers;
  const onError = o.onError ?? ((e) => console.error("Email delivery round failed", e));

  let stopped = false;
  let handle: unknown = null;
  let running: Promise<number> | null = null;
  let failures = 0;

  const schedule = (ms: number) => {
    if (!stopped) handle = timers.set(round, ms);
  };

  async function round(): Promise<void> {
    handle = null;
    if (stopped) return;
    running = deliverRound();
    const pause = await running;
    running = null;
    schedule(pause);
  }

  /** One round; answers how long to wait before the next. */
  async function deliverRound(): Promise<number> {
    try {
      const { sent, failed } = await deliverQueued(o.db, o.transport, { limit: batch, now: now(), stopping: () => stopped });
      failures = 0;
      return sent + failed >= batch ? 0 : interval;
    } catch (e) {
      failures++;
      onError(e);
      return Math.min(maxBackoff, interval * 2 ** failures);
    }
  }

  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (handle !== null) timers.clear(handle);
      handle = null;
      await running;
    },
  };
}
