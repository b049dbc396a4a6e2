import { describe, expect, it } from "vitest";
import {
  EDITABLE_STATUSES,
  PROPOSAL_STATUSES,
  REVIEWABLE_STATUSES,
  TRANSITIONS,
  availableTransitions,
  checkTransition,
  type ProposalStatus,
  type TransitionName,
} from "@/lib/proposals/state-machine";
import type { Role } from "@/lib/auth/permissions";
import { ProposalStatus as DbProposalStatus } from "@/lib/generated/prisma/enums";

const STATUSES: ProposalStatus[] = ["DRAFT", "SUBMITTED", "ACCEPTED", "REJECTED", "WITHDRAWN"];
const TRANSITION_NAMES: TransitionName[] = ["submit", "withdraw", "accept", "reject", "reopen"];
const ROLES: (Role | null)[] = ["SPEAKER", "ORGANIZER", "REVIEWER", null];

// The complete list of allowed moves, written out by hand. Anything not
// listed here must be refused.
const ALLOWED: [TransitionName, ProposalStatus, Role, ProposalStatus][] = [
  // name       from          by           to
  ["submit", "DRAFT", "SPEAKER", "SUBMITTED"],
  ["withdraw", "DRAFT", "SPEAKER", "WITHDRAWN"],
  ["withdraw", "SUBMITTED", "SPEAKER", "WITHDRAWN"],
  ["accept", "SUBMITTED", "ORGANIZER", "ACCEPTED"],
  ["reject", "SUBMITTED", "ORGANIZER", "REJECTED"],
  ["reopen", "ACCEPTED", "ORGANIZER", "SUBMITTED"],
  ["reopen", "REJECTED", "ORGANIZER", "SUBMITTED"],
];

// Who may make each transition at all (decides wrong_role vs wrong_status).
const ACTOR: Record<TransitionName, Role> = {
  submit: "SPEAKER",
  withdraw: "SPEAKER",
  accept: "ORGANIZER",
  reject: "ORGANIZER",
  reopen: "ORGANIZER",
};

// What each role is offered in each status (the buttons a page shows).
const AVAILABLE: Record<ProposalStatus, Record<"SPEAKER" | "ORGANIZER" | "REVIEWER" | "none", TransitionName[]>> = {
  DRAFT: { SPEAKER: ["submit", "withdraw"], ORGANIZER: [], REVIEWER: [], none: [] },
  SUBMITTED: { SPEAKER: ["withdraw"], ORGANIZER: ["accept", "reject"], REVIEWER: [], none: [] },
  ACCEPTED: { SPEAKER: [], ORGANIZER: ["reopen"], REVIEWER: [], none: [] },
  REJECTED: { SPEAKER: [], ORGANIZER: ["reopen"], REVIEWER: [], none: [] },
  WITHDRAWN: { SPEAKER: [], ORGANIZER: [], REVIEWER: [], none: [] },
};

describe("the proposal state machine", () => {
  it("has exactly the statuses of the database enum", () => {
    expect([...PROPOSAL_STATUSES]).toEqual(STATUSES);
    expect(Object.values(DbProposalStatus)).toEqual(STATUSES);
  });

  it("has exactly the expected transitions", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...TRANSITION_NAMES].sort());
  });

  const cases = TRANSITION_NAMES.flatMap((name) =>
    STATUSES.flatMap((from) => ROLES.map((role) => ({ name, from, role }))),
  );
  it("covers every transition x status x role", () => {
    expect(cases).toHaveLength(5 * 5 * 4);
  });

  it.each(cases)("$name from $from by $role", ({ name, from, role }) => {
    const allowed = ALLOWED.find(([n, f, r]) => n === name && f === from && r === role);
    const result = checkTransition(name, from, role);
    if (allowed) {
      expect(result).toEqual({ ok: true, to: allowed[3] });
    } else if (role !== ACTOR[name]) {
      expect(result).toEqual({ ok: false, reason: "wrong_role" });
    } else {
      expect(result).toEqual({ ok: false, reason: "wrong_status" });
    }
  });

  it("allows exactly the seven listed moves", () => {
    const ok = cases.filter(({ name, from, role }) => checkTransition(name, from, role).ok);
    expect(ok.map(({ name, from, role }) => [name, from, role])).toEqual(
      expect.arrayContaining(ALLOWED.map(([n, f, r]) => [n, f, r])),
    );
    expect(ok).toHaveLength(ALLOWED.length);
  });

  it("never lets a reviewer or an anonymous user change a status", () => {
    for (const name of TRANSITION_NAMES)
      for (const from of STATUSES) {
        expect(checkTransition(name, from, "REVIEWER").ok).toBe(false);
        expect(checkTransition(name, from, null).ok).toBe(false);
      }
  });

  it("treats WITHDRAWN as final", () => {
    for (const name of TRANSITION_NAMES) for (const role of ROLES) expect(checkTransition(name, "WITHDRAWN", role).ok).toBe(false);
  });

  describe("availableTransitions", () => {
    const rows = STATUSES.flatMap((from) =>
      ROLES.map((role) => ({ from, role, expected: AVAILABLE[from][role ?? "none"] })),
    );
    it.each(rows)("$from for $role offers $expected", ({ from, role, expected }) => {
      expect(availableTransitions(from, role)).toEqual(expected);
    });
  });

  it("lets speakers edit only drafts and submitted proposals, and reviewers score only submitted ones", () => {
    expect([...EDITABLE_STATUSES]).toEqual(["DRAFT", "SUBMITTED"]);
    expect([...REVIEWABLE_STATUSES]).toEqual(["SUBMITTED"]);
  });
});
