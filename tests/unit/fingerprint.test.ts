import { describe, expect, it } from "vitest";
import { assertAsPreviewed, fingerprintOf } from "@/lib/forms/fingerprint";
import { DomainError } from "@/lib/errors";

describe("fingerprintOf", () => {
  it("does not depend on the order of the parts", () => {
    expect(fingerprintOf(["b:1", "a:2"])).toBe(fingerprintOf(["a:2", "b:1"]));
  });

  it("changes when a part changes, is added or removed", () => {
    const base = fingerprintOf(["a:SUBMITTED:ACCEPTED", "b:SUBMITTED:REJECTED"]);
    expect(fingerprintOf(["a:SUBMITTED:ACCEPTED", "b:SUBMITTED:WAITLISTED"])).not.toBe(base);
    expect(fingerprintOf(["a:SUBMITTED:ACCEPTED"])).not.toBe(base);
    expect(fingerprintOf(["a:SUBMITTED:ACCEPTED", "b:SUBMITTED:REJECTED", "c:SUBMITTED:ACCEPTED"])).not.toBe(base);
  });

  it("keeps parts apart: joining two parts differently gives another fingerprint", () => {
    expect(fingerprintOf(["ab", "c"])).not.toBe(fingerprintOf(["a", "bc"]));
  });

  it("is short enough for a hidden field and URL-safe", () => {
    expect(fingerprintOf([])).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe("assertAsPreviewed", () => {
  it("passes when the parts still match and refuses with a conflict otherwise", () => {
    const previewed = fingerprintOf(["x"]);
    expect(() => assertAsPreviewed(previewed, ["x"], "changed")).not.toThrow();
    expect(() => assertAsPreviewed(previewed, ["y"], "changed")).toThrow(DomainError);
    try {
      assertAsPreviewed(previewed, ["y"], "changed");
    } catch (e) {
      expect(e).toMatchObject({ code: "conflict", message: "changed" });
    }
  });
});
