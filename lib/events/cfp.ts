import { cfpClosed } from "@/lib/errors";

export type CfpWindow = { cfpOpensAt: Date; cfpClosesAt: Date };
export type CfpState = "upcoming" | "open" | "closed";

export function cfpState(event: CfpWindow, now = new Date()): CfpState {
  if (now < event.cfpOpensAt) return "upcoming";
  if (now >= event.cfpClosesAt) return "closed";
  return "open";
}

/** The deadline is checked here, on the server, with the server's clock. */
export function assertCfpOpen(event: CfpWindow, now = new Date()): void {
  if (cfpState(event, now) !== "open") throw cfpClosed();
}
