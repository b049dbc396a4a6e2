import { can, type Capability, type Role } from "@/lib/auth/permissions";

export const PROPOSAL_STATUSES = ["DRAFT", "SUBMITTED", "ACCEPTED", "REJECTED", "WITHDRAWN"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export type TransitionName = "submit" | "withdraw" | "accept" | "reject" | "reopen";

type Transition = { from: readonly ProposalStatus[]; to: ProposalStatus; capability: Capability };

// The only place that says which status changes exist. Who may make each one
// is the capability it needs, looked up in the permission table.
export const TRANSITIONS: Record<TransitionName, Transition> = {
  submit: { from: ["DRAFT"], to: "SUBMITTED", capability: "proposal:submit" },
  withdraw: { from: ["DRAFT", "SUBMITTED"], to: "WITHDRAWN", capability: "proposal:withdraw" },
  accept: { from: ["SUBMITTED"], to: "ACCEPTED", capability: "proposal:decide" },
  reject: { from: ["SUBMITTED"], to: "REJECTED", capability: "proposal:decide" },
  reopen: { from: ["ACCEPTED", "REJECTED"], to: "SUBMITTED", capability: "proposal:decide" },
};

export type TransitionCheck =
  | { ok: true; to: ProposalStatus }
  | { ok: false; reason: "wrong_role" | "wrong_status" };

export function checkTransition(name: TransitionName, from: ProposalStatus, role: Role | null): TransitionCheck {
  const t = TRANSITIONS[name];
  if (!can(role, t.capability)) return { ok: false, reason: "wrong_role" };
  if (!t.from.includes(from)) return { ok: false, reason: "wrong_status" };
  return { ok: true, to: t.to };
}

/** Transitions a role could make from a status: drives which buttons a page shows. */
export function availableTransitions(from: ProposalStatus, role: Role | null): TransitionName[] {
  return (Object.keys(TRANSITIONS) as TransitionName[]).filter((n) => checkTransition(n, from, role).ok);
}

/** Speakers may change a proposal's content only in these states (and only while the CFP is open). */
export const EDITABLE_STATUSES: readonly ProposalStatus[] = ["DRAFT", "SUBMITTED"];
/** Reviewers score proposals only in these states. */
export const REVIEWABLE_STATUSES: readonly ProposalStatus[] = ["SUBMITTED"];
