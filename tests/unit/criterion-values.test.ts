import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { parseCriterionValues, type CriterionScale } from "@/lib/reviews/criteria/values";

const relevance: CriterionScale = { id: "c-relevance", name: "Relevance", minScore: 1, maxScore: 5 };
const clarity: CriterionScale = { id: "c-clarity", name: "Clarity", minScore: 0, maxScore: 3 };
const bias: CriterionScale = { id: "c-bias", name: "Bias", minScore: -2, maxScore: 2 };
const criteria = [relevance, clarity, bias];

/** The DomainError `fn` throws. */
function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError, but the call succeeded");
}

describe("parseCriterionValues", () => {
  it("reads each criterion's whole number, trimmed", () => {
    expect(parseCriterionValues(criteria, { "c-relevance": "4", "c-clarity": " 0 ", "c-bias": "-2" })).toEqual({
      "c-relevance": 4,
      "c-clarity": 0,
      "c-bias": -2,
    });
  });

  it("accepts both ends of each scale", () => {
    expect(parseCriterionValues(criteria, { "c-relevance": "1", "c-clarity": "3", "c-bias": "2" })).toEqual({
      "c-relevance": 1,
      "c-clarity": 3,
      "c-bias": 2,
    });
  });

  it("treats an empty or missing value as 'no opinion' (null)", () => {
    expect(parseCriterionValues(criteria, { "c-relevance": "5", "c-clarity": "" })).toEqual({
      "c-relevance": 5,
      "c-clarity": null,
      "c-bias": null,
    });
    expect(parseCriterionValues(criteria, { "c-bias": "   ", "c-clarity": "2" })).toEqual({
      "c-relevance": null,
      "c-clarity": 2,
      "c-bias": null,
    });
  });

  it("refuses a review with no criterion scored, with the message on the first criterion's field", () => {
    const e = refusal(() => parseCriterionValues(criteria, { "c-relevance": "", "c-clarity": "" }));
    expect(e.code).toBe("invalid");
    expect(e.fields).toEqual({ "score.c-relevance": "Score at least one criterion." });
    expect(refusal(() => parseCriterionValues(criteria, {})).fields).toEqual({ "score.c-relevance": "Score at least one criterion." });
  });

  it("refuses a review when the event has no criteria at all", () => {
    const e = refusal(() => parseCriterionValues([], {}));
    expect(e.code).toBe("invalid");
    expect(e.fields).toBeUndefined();
  });

  it("refuses out-of-range values, each under its own field", () => {
    const e = refusal(() => parseCriterionValues(criteria, { "c-relevance": "6", "c-clarity": "-1", "c-bias": "1" }));
    expect(e.code).toBe("invalid");
    expect(e.fields).toEqual({
      "score.c-relevance": "Choose a whole number from 1 to 5, or “no opinion”.",
      "score.c-clarity": "Choose a whole number from 0 to 3, or “no opinion”.",
    });
  });

  it.each(["3.5", "abc", "4,0", "NaN", "Infinity", "+"])("refuses the non-integer %j", (raw) => {
    const e = refusal(() => parseCriterionValues(criteria, { "c-relevance": raw, "c-clarity": "2" }));
    expect(e.code).toBe("invalid");
    expect(Object.keys(e.fields ?? {})).toEqual(["score.c-relevance"]);
  });

  it("reports field errors before the 'score at least one' rule", () => {
    const e = refusal(() => parseCriterionValues(criteria, { "c-relevance": "9" }));
    expect(e.fields).toEqual({ "score.c-relevance": "Choose a whole number from 1 to 5, or “no opinion”." });
  });

  it("refuses an id that is not one of the criteria (a forged or stale form), naming no field", () => {
    const e = refusal(() => parseCriterionValues(criteria, { "c-relevance": "3", "c-other-event": "2" }));
    expect(e.code).toBe("invalid");
    expect(e.fields).toBeUndefined();
    expect(e.message).not.toContain("c-other-event");
  });

  it("refuses an unknown id even when its value is empty", () => {
    expect(refusal(() => parseCriterionValues(criteria, { "c-relevance": "3", "c-other-event": "" })).code).toBe("invalid");
  });
});
