import { describe, expect, it } from "vitest";
import { CAPABILITIES, PERMISSIONS, can, type Capability, type Role } from "@/lib/auth/permissions";

// Every role against every capability, written out by hand.
//                              ORGANIZER REVIEWER SPEAKER
const EXPECTED: Record<Capability, [boolean, boolean, boolean]> = {
  "event:edit": [true, false, false],
  "event:view-team": [true, true, false],
  "team:manage": [true, false, false],
  "proposal:list-all": [true, false, false],
  "proposal:view-reviews": [true, false, false],
  "proposal:review": [true, true, false],
  "proposal:discuss": [true, true, false],
  "review:manage": [true, false, false],
  "proposal:decide": [true, false, false],
  "schedule:edit": [true, false, false],
  "proposal:tag": [true, false, false],
  "proposal:edit-own": [false, false, true],
  "proposal:submit": [false, false, true],
  "proposal:withdraw": [false, false, true],
  "proposal:confirm": [false, false, true],
};
const ROLES: Role[] = ["ORGANIZER", "REVIEWER", "SPEAKER"];

describe("permissions", () => {
  it("knows exactly the expected capabilities and roles", () => {
    expect([...CAPABILITIES].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  const cases = CAPABILITIES.flatMap((capability) => ROLES.map((role, i) => ({ role, capability, allowed: EXPECTED[capability][i] })));

  it.each(cases)("$role may $capability: $allowed", ({ role, capability, allowed }) => {
    expect(can(role, capability)).toBe(allowed);
  });

  it.each([...CAPABILITIES])("nobody without a role may %s", (capability) => {
    expect(can(null, capability)).toBe(false);
    expect(can(undefined, capability)).toBe(false);
  });

  it("gives reviewers no way to see other reviews or decide", () => {
    expect(can("REVIEWER", "proposal:view-reviews")).toBe(false);
    expect(can("REVIEWER", "proposal:decide")).toBe(false);
    expect(can("REVIEWER", "proposal:list-all")).toBe(false);
  });
});
