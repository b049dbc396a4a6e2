import { cfpClosed } from "@/lib/errors";
import { systemClock } from "@/lib/clock";

export type CfpWindow = { cfpOpensAt: Date; cfpClosesAt: Date };
export type CfpState = "upcoming" | "open" | "closed";

export function cfpState(event: CfpWindow, now = systemClock.now()): CfpState {
  if (now < event.cfpOpensAt) return "upcoming";
  if (now >= event.cfpClosesAt) return "closed";
  return "open";
}

/** The deadline is checked here, on the server, with the server's clock. */
export function assertCfpOpen(event: CfpWindow, now = systemClock.now()): void {
  if (cfpState(event, now) !== "open") throw cfpClosed();
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** How close to the deadline the countdown shows. */
export const COUNTDOWN_FROM = 7 * DAY;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/**
 * "2 days 5 hours left", "3 hours 10 minutes left", "12 minutes left": the time
 * until an open CFP closes, once it is within a week; null otherwise. Rounded
 * down, so it never promises more time than there is.
 */
export function timeLeft(event: CfpWindow, now = systemClock.now()): string | null {
  if (cfpState(event, now) !== "open") return null;
  const ms = event.cfpClosesAt.getTime() - now.getTime();
  if (ms > COUNTDOWN_FROM) return null;
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return `${plural(days, "day")}${hours > 0 ? ` ${plural(hours, "hour")}` : ""} left`;
  if (hours > 0) return `${plural(hours, "hour")}${minutes > 0 ? ` ${plural(minutes, "minute")}` : ""} left`;
  return minutes > 0 ? `${plural(minutes, "minute")} left` : "Less than a minute left";
}
