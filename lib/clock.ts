/**
 * Where domain code reads the time. Functions on deadline-sensitive paths take
 * `options.clock` (default: the system clock) and read it once, so a test can
 * put "now" anywhere without waiting, and a check and the write it allows
 * agree on the moment. `options.now` (a moment already decided by the caller)
 * wins over the clock where a function accepts both.
 */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export type ClockOptions = { now?: Date; clock?: Clock };

/** The one reading of the clock for a call: a fixed `now` if given, else the clock's. */
export function readClock(options: ClockOptions = {}): Date {
  return options.now ?? (options.clock ?? systemClock).now();
}
