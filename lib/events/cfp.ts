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
