import { can, type Capability, type Role } from "@/lib/auth/permissions";

export const PROPOSAL_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "ACCEPTED",
  "WAITLISTED",
  "REJECTED",
  "CONFIRMED",
  "DECLINED",
  "WITHDRAWN",
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PENDING_DECISIONS = ["ACCEPTED", "WAITLISTED", "REJECTED"] as const;
export type PendingDecision = (typeof PENDING_DECISIONS)[number];

export type TransitionName =
  "submit" | "withdraw" | "publishAccepted" | "publishWaitlisted" | "publishRejected" | "promote" | "confirm" | "decline";

type Transition = { from: readonly ProposalStatus[]; to: ProposalStatus; capability: Capability };

// The only place that says which status changes exist. Who may make each one
// is the capability it needs, looked up in the permission table. Organizers'
// decisions are not transitions: they are pending (Proposal.pendingDecision)
// until published, and publishing is the transition speakers see.
export const TRANSITIONS: Record<TransitionName, Transition> = {
  submit: { from: ["DRAFT"], to: "SUBMITTED", capability: "proposal:submit" },
  withdraw: { from: ["DRAFT", "SUBMITTED", "WAITLISTED", "ACCEPTED", "CONFIRMED"], to: "WITHDRAWN", capability: "proposal:withdraw" },
  publishAccepted: { from: ["SUBMITTED"], to: "ACCEPTED", capability: "proposal:decide" },
  publishWaitlisted: { from: ["SUBMITTED"], to: "WAITLISTED", capability: "proposal:decide" },
  publishRejected: { from: ["SUBMITTED", "WAITLISTED"], to: "REJECTED", capability: "proposal:decide" },
  promote: { from: ["WAITLISTED"], to: "ACCEPTED", capability: "proposal:decide" },
  confirm: { from: ["ACCEPTED"], to: "CONFIRMED", capability: "proposal:confirm" },
  decline: { from: ["ACCEPTED"], to: "DECLINED", capability: "proposal:confirm" },
};

/** The email each transition sends the proposal's speakers (lib/lifecycle/notify.ts). */
export const SPEAKER_EMAIL_FOR: Readonly<
  Partial<Record<TransitionName, "submission-received" | "accepted" | "waitlisted" | "rejected" | "promoted">>
> = {
  submit: "submission-received",
  publishAccepted: "accepted",
  publishWaitlisted: "waitlisted",
  publishRejected: "rejected",
  promote: "promoted",
};

/** The webhook each transition emits, exactly one (lib/webhooks/event-types.ts lists them all). */
export const WEBHOOK_EVENT_FOR = {
  submit: "proposal.submitted",
  withdraw: "proposal.withdrawn",
  publishAccepted: "decision.published",
  publishWaitlisted: "decision.published",
  publishRejected: "decision.published",
  promote: "waitlist.promoted",
  confirm: "proposal.confirmed",
  decline: "proposal.declined",
} as const satisfies Record<TransitionName, string>;

/** Transitions that publish a decision to the speakers: they stamp decidedAt and clear the pending decision. */
export const PUBLISHING_TRANSITIONS: readonly TransitionName[] = (Object.keys(TRANSITIONS) as TransitionName[]).filter(
  (name) => TRANSITIONS[name].capability === "proposal:decide",
);

export type TransitionCheck = { ok: true; to: ProposalStatus } | { ok: false; reason: "wrong_role" | "wrong_status" };

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

/** Statuses an organizer can still (re)decide on; the pending decisions each allows. */
export const DECIDABLE: Readonly<Partial<Record<ProposalStatus, readonly PendingDecision[]>>> = {
  SUBMITTED: ["ACCEPTED", "WAITLISTED", "REJECTED"],
  WAITLISTED: ["ACCEPTED", "REJECTED"],
};

/** The transition that publishes a pending decision, or null when there is nothing to publish. */
export function publishTransition(status: ProposalStatus, pending: PendingDecision | null): TransitionName | null {
  if (!pending || !DECIDABLE[status]?.includes(pending)) return null;
  if (status === "WAITLISTED") return pending === "ACCEPTED" ? "promote" : "publishRejected";
  return ({ ACCEPTED: "publishAccepted", WAITLISTED: "publishWaitlisted", REJECTED: "publishRejected" } as const)[pending];
}

/** A talk leaving the programme opens a slot the waitlist can fill. */
export const HOLDS_A_SLOT: readonly ProposalStatus[] = ["ACCEPTED", "CONFIRMED"];
/** Speakers may change a proposal's content only in these states (and only while the CFP is open). */
export const EDITABLE_STATUSES: readonly ProposalStatus[] = ["DRAFT", "SUBMITTED"];
/** Reviewers score proposals only in these states. */
export const REVIEWABLE_STATUSES: readonly ProposalStatus[] = ["SUBMITTED"];

/**
 * The transitions that take a new draft to `status`, in order: how an import
 * creates a proposal in the state it had elsewhere through applyTransition,
 * the one status writer (lib/imports).
 */
export function pathTo(status: ProposalStatus): TransitionName[] {
  return {
    DRAFT: [],
    SUBMITTED: ["submit"],
    ACCEPTED: ["submit", "publishAccepted"],
    WAITLISTED: ["submit", "publishWaitlisted"],
    REJECTED: ["submit", "publishRejected"],
    CONFIRMED: ["submit", "publishAccepted", "confirm"],
    DECLINED: ["submit", "publishAccepted", "decline"],
    WITHDRAWN: ["submit", "withdraw"],
  }[status] as TransitionName[];
}
