import type { Clock } from "@/lib/clock";

/** A clock that stands still until moved: time passes during a call only when the test says so. */
export function manualClock(start: Date): Clock & { advance(ms: number): void } {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    advance: (ms) => void (at += ms),
  };
}
