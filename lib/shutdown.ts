// Next's own SIGTERM/SIGINT handler closes the HTTP server and exits as soon
// as open requests are done; background work (the email delivery loop) would
// be cut between "sent" and "marked sent", and that message would go out
// again once its lease ran out. So background work registers here: on the
// signal it stops first, then the handlers that were there before run as
// they would have.

type Listener = (signal: NodeJS.Signals) => void;

/** The part of `process` this needs; tests pass an EventEmitter. */
export type SignalTarget = {
  listeners(signal: NodeJS.Signals): ((...args: never[]) => unknown)[];
  removeAllListeners(signal: NodeJS.Signals): unknown;
  once(signal: NodeJS.Signals, listener: Listener): unknown;
  exit(code: number): never | void;
};

const SIGNALS = { SIGTERM: 15, SIGINT: 2 } as const;

/**
 * On SIGTERM or SIGINT, awaits `stop` (at most `timeoutMs`: a stuck SMTP
 * server must not keep a deploy waiting), then hands the signal to the
 * listeners registered before this call, or exits as Node would by default.
 * A second signal during the wait finds no listener and ends the process.
 */
export function stopBeforeExit(target: SignalTarget, stop: () => Promise<void>, { timeoutMs = 15_000 } = {}): void {
  for (const signal of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) {
    const earlier = target.listeners(signal) as Listener[];
    target.removeAllListeners(signal);
    target.once(signal, () => {
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      void Promise.race([stop().catch(() => {}), waited]).then(() => {
        clearTimeout(timer);
        if (earlier.length === 0) target.exit(128 + SIGNALS[signal]);
        for (const listener of earlier) listener(signal);
      });
    });
  }
}
