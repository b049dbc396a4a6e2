import type { ProposalStatus } from "@/lib/lifecycle/state-machine";

/** Speakers on one proposal, counting pending invitations: a talk is not a panel. */
export const MAX_SPEAKERS = 5;

/** A proposal that is out of the running takes no new co-speakers. */
export const CLOSED_STATUSES: readonly ProposalStatus[] = ["WITHDRAWN", "REJECTED", "DECLINED"];

/** The same address gets at most one invitation email a minute (invite again, resend). */
export const RESEND_COOLDOWN_MS = 60_000;

export function isClosed(status: string): boolean {
  return CLOSED_STATUSES.includes(status as ProposalStatus);
}
