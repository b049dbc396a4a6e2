// Our proposal statuses in pretalx's vocabulary (lib/api/schemas.ts). pretalx
// has no waitlist: a waitlisted proposal is "submitted" (still open, from
// pretalx's view) with the extension flag `waitlisted`.
import type { PendingDecision, ProposalStatus } from "@/lib/generated/prisma/client";
import { PRETALX_STATES } from "./schemas";

type PretalxState = (typeof PRETALX_STATES)[number];

const STATE: Record<Exclude<ProposalStatus, "DRAFT">, PretalxState> = {
  SUBMITTED: "submitted",
  WAITLISTED: "submitted",
  ACCEPTED: "accepted",
  REJECTED: "rejected",
  CONFIRMED: "confirmed",
  DECLINED: "canceled",
  WITHDRAWN: "withdrawn",
};

export function pretalxState(status: ProposalStatus): PretalxState {
  if (status === "DRAFT") throw new Error("Drafts never reach the API.");
  return STATE[status];
}

export function pendingState(pending: PendingDecision | null): "accepted" | "rejected" | null {
  return pending === "ACCEPTED" ? "accepted" : pending === "REJECTED" ? "rejected" : null;
}

/** The statuses a `state` filter selects: the inverse of pretalxState, plus "waitlisted". */
export function statusesFor(state: PretalxState | "waitlisted"): ProposalStatus[] {
  if (state === "waitlisted") return ["WAITLISTED"];
  return (Object.keys(STATE) as Exclude<ProposalStatus, "DRAFT">[]).filter((s) => STATE[s] === state);
}
