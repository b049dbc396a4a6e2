import { describe, expect, it } from "vitest";
import {
  DECIDABLE,
  EDITABLE_STATUSES,
  HOLDS_A_SLOT,
  PENDING_DECISIONS,
  PROPOSAL_STATUSES,
  PUBLISHING_TRANSITIONS,
  REVIEWABLE_STATUSES,
  SPEAKER_EMAIL_FOR,
  TRANSITIONS,
  availableTransitions,
  checkTransition,
  publishTransition,
  type PendingDecision,
  type ProposalStatus,
  type TransitionName,
} from "@/lib/lifecycle/state-machine";
import type { Role } from "@/lib/auth/permissions";
import { PendingDecision as DbPendingDecision, ProposalStatus as DbProposalStatus } from "@/lib/generated/prisma/enums";

const STATUSES: ProposalStatus[] = ["DRAFT", "SUBMITTED", "ACCEPTED", "WAITLISTED", "REJECTED", "CONFIRMED", "DECLINED", "WITHDRAWN"];
const TRANSITION_NAMES: TransitionName[] = [
  "submit",
  "withdraw",
  "publishAccepted",
  "publishWaitlisted",
  "publishRejected",
  "promote",
  "confirm",
  "decline",
];
const ROLES: (Role | null)[] = ["SPEAKER", "ORGANIZER", "REVIEWER", null];

// The complete list of allowed moves, written out by hand. Anything not
// listed here must be refused.
const ALLOWED: [TransitionName, ProposalStatus, Role, ProposalStatus][] = [
  // name               from          by           to
  ["submit", "DRAFT", "SPEAKER", "SUBMITTED"],
  ["withdraw", "DRAFT", "SPEAKER", "WITHDRAWN"],
  ["withdraw", "SUBMITTED", "SPEAKER", "WITHDRAWN"],
  ["withdraw", "WAITLISTED", "SPEAKER", "WITHDRAWN"],
  ["withdraw", "ACCEPTED", "SPEAKER", "WITHDRAWN"],
  ["withdraw", "CONFIRMED", "SPEAKER", "WITHDRAWN"],
  ["publishAccepted", "SUBMITTED", "ORGANIZER", "ACCEPTED"],
  ["publishWaitlisted", "SUBMITTED", "ORGANIZER", "WAITLISTED"],
  ["publishRejected", "SUBMITTED", "ORGANIZER", "REJECTED"],
  ["publishRejected", "WAITLISTED", "ORGANIZER", "REJECTED"],
  ["promote", "WAITLISTED", "ORGANIZER", "ACCEPTED"],
  ["confirm", "ACCEPTED", "SPEAKER", "CONFIRMED"],
  ["decline", "ACCEPTED", "SPEAKER", "DECLINED"],
];

// Who may make each transition at all (decides wrong_role vs wrong_status).
const ACTOR: Record<TransitionName, Role> = {
  submit: "SPEAKER",
  withdraw: "SPEAKER",
  publishAccepted: "ORGANIZER",
  publishWaitlisted: "ORGANIZER",
  publishRejected: "ORGANIZER",
  promote: "ORGANIZER",
  confirm: "SPEAKER",
  decline: "SPEAKER",
};

// What each role is offered in each status (the buttons a page shows).
type Offer = Record<"SPEAKER" | "ORGANIZER" | "REVIEWER" | "none", TransitionName[]>;
const none: Offer = { SPEAKER: [], ORGANIZER: [], REVIEWER: [], none: [] };
const AVAILABLE: Record<ProposalStatus, Offer> = {
  DRAFT: { ...none, SPEAKER: ["submit", "withdraw"] },
  SUBMITTED: { ...none, SPEAKER: ["withdraw"], ORGANIZER: ["publishAccepted", "publishWaitlisted", "publishRejected"] },
  ACCEPTED: { ...none, SPEAKER: ["withdraw", "confirm", "decline"] },
  WAITLISTED: { ...none, SPEAKER: ["withdraw"], ORGANIZER: ["publishRejected", "promote"] },
  REJECTED: none,
  CONFIRMED: { ...none, SPEAKER: ["withdraw"] },
  DECLINED: none,
  WITHDRAWN: none,
};

describe("the proposal state machine", () => {
  it("has exactly the statuses and pending decisions of the database enums", () => {
    expect([...PROPOSAL_STATUSES]).toEqual(STATUSES);
    expect(Object.values(DbProposalStatus)).toEqual(STATUSES);
    expect(Object.values(DbPendingDecision)).toEqual([...PENDING_DECISIONS]);
  });

  it("has exactly the expected transitions", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...TRANSITION_NAMES].sort());
  });

  const cases = TRANSITION_NAMES.flatMap((name) => STATUSES.flatMap((from) => ROLES.map((role) => ({ name, from, role }))));
  it("covers every transition x status x role", () => {
    expect(cases).toHaveLength(8 * 8 * 4);
  });

  it.each(cases)("$name from $from by $role", ({ name, from, role }) => {
    const allowed = ALLOWED.find(([n, f, r]) => n === name && f === from && r === role);
    const result = checkTransition(name, from, role);
    if (allowed) expect(result).toEqual({ ok: true, to: allowed[3] });
    else if (role !== ACTOR[name]) expect(result).toEqual({ ok: false, reason: "wrong_role" });
    else expect(result).toEqual({ ok: false, reason: "wrong_status" });
  });

  it("allows exactly the listed moves", () => {
    const ok = cases.filter(({ name, from, role }) => checkTransition(name, from, role).ok);
    expect(ok.map(({ name, from, role }) => [name, from, role])).toEqual(expect.arrayContaining(ALLOWED.map(([n, f, r]) => [n, f, r])));
    expect(ok).toHaveLength(ALLOWED.length);
  });

  it("never lets a reviewer or an anonymous user change a status", () => {
    for (const name of TRANSITION_NAMES)
      for (const from of STATUSES) {
        expect(checkTransition(name, from, "REVIEWER").ok).toBe(false);
        expect(checkTransition(name, from, null).ok).toBe(false);
      }
  });

  it("treats REJECTED, DECLINED and WITHDRAWN as final", () => {
    for (const status of ["REJECTED", "DECLINED", "WITHDRAWN"] as const)
      for (const name of TRANSITION_NAMES) for (const role of ROLES) expect(checkTransition(name, status, role).ok).toBe(false);
  });

  describe("availableTransitions", () => {
    const rows = STATUSES.flatMap((from) => ROLES.map((role) => ({ from, role, expected: AVAILABLE[from][role ?? "none"] })));
    it.each(rows)("$from for $role offers $expected", ({ from, role, expected }) => {
      expect(availableTransitions(from, role)).toEqual(expected);
    });
  });

  describe("publishing a pending decision", () => {
    const EXPECTED: [ProposalStatus, PendingDecision, TransitionName | null][] = [
      ["SUBMITTED", "ACCEPTED", "publishAccepted"],
      ["SUBMITTED", "WAITLISTED", "publishWaitlisted"],
      ["SUBMITTED", "REJECTED", "publishRejected"],
      ["WAITLISTED", "ACCEPTED", "promote"],
      ["WAITLISTED", "REJECTED", "publishRejected"],
    ];
    const rows = STATUSES.flatMap((status) => PENDING_DECISIONS.map((pending) => ({ status, pending })));
    it.each(rows)("$pending on a $status proposal", ({ status, pending }) => {
      const expected = EXPECTED.find(([s, p]) => s === status && p === pending)?.[2] ?? null;
      expect(publishTransition(status, pending)).toBe(expected);
      if (expected) expect(checkTransition(expected, status, "ORGANIZER")).toEqual({ ok: true, to: pending });
    });
    it("has nothing to publish without a pending decision", () => {
      for (const status of STATUSES) expect(publishTransition(status, null)).toBeNull();
    });
    it("lets organizers decide only on submitted and waitlisted proposals", () => {
      expect(DECIDABLE).toEqual({ SUBMITTED: ["ACCEPTED", "WAITLISTED", "REJECTED"], WAITLISTED: ["ACCEPTED", "REJECTED"] });
    });
  });

  it("edits, reviews and programme slots happen in exactly these states", () => {
    expect([...EDITABLE_STATUSES]).toEqual(["DRAFT", "SUBMITTED"]);
    expect([...REVIEWABLE_STATUSES]).toEqual(["SUBMITTED"]);
    expect([...HOLDS_A_SLOT]).toEqual(["ACCEPTED", "CONFIRMED"]);
  });
});

describe("publishing transitions", () => {
  it("are the organizers' decisions, each with its email to the speakers", () => {
    expect([...PUBLISHING_TRANSITIONS].sort()).toEqual(["promote", "publishAccepted", "publishRejected", "publishWaitlisted"]);
    for (const name of PUBLISHING_TRANSITIONS) expect(SPEAKER_EMAIL_FOR[name]).toBeDefined();
  });
});
