import { describe, expect, it } from "vitest";
import { CONSENT_MESSAGE, isConsent, REQUIRED_MESSAGE, requirementError } from "@/lib/questions/rules";
import { resolveAnswers, type ResolvableQuestion } from "@/lib/questions/resolve";
import { toPretalxQuestion } from "@/lib/questions/pretalx";
import type { Requirement, Variant } from "@/lib/questions/kinds";

const NOW = new Date("2027-03-10T12:00Z");
const BEFORE = new Date("2027-03-20T00:00Z");
const PASSED = new Date("2027-03-01T00:00Z");

const q = (variant: Variant, requirement: Requirement, deadline: Date | null = null) => ({
  variant,
  requirement,
  deadline,
  freezeAfter: null,
});
const yes = { answer: "true" };
const no = { answer: "false" };
const text = { answer: "Vegan" };

// The requirement rule, one row per case: the question, the answer a save would leave, and what enforcing it says.
const TABLE: [string, ReturnType<typeof q>, { answer: string } | null, string | null][] = [
  ["optional yes/no, unanswered", q("BOOLEAN", "OPTIONAL"), null, null],
  ["optional yes/no, No", q("BOOLEAN", "OPTIONAL"), no, null],
  ["optional yes/no, Yes", q("BOOLEAN", "OPTIONAL"), yes, null],
  ["required yes/no (consent), Yes", q("BOOLEAN", "REQUIRED"), yes, null],
  ["required yes/no (consent), No", q("BOOLEAN", "REQUIRED"), no, CONSENT_MESSAGE],
  ["required yes/no (consent), unanswered", q("BOOLEAN", "REQUIRED"), null, CONSENT_MESSAGE],
  ["yes/no required from a date still to come, No", q("BOOLEAN", "AFTER_DEADLINE", BEFORE), no, null],
  ["yes/no required from a date still to come, unanswered", q("BOOLEAN", "AFTER_DEADLINE", BEFORE), null, null],
  ["yes/no required from a passed date, Yes", q("BOOLEAN", "AFTER_DEADLINE", PASSED), yes, null],
  ["yes/no required from a passed date, No", q("BOOLEAN", "AFTER_DEADLINE", PASSED), no, CONSENT_MESSAGE],
  ["yes/no required from a passed date, unanswered", q("BOOLEAN", "AFTER_DEADLINE", PASSED), null, CONSENT_MESSAGE],
  ["required text, answered", q("STRING", "REQUIRED"), text, null],
  ["required text, unanswered", q("STRING", "REQUIRED"), null, REQUIRED_MESSAGE],
  ["optional text, unanswered", q("STRING", "OPTIONAL"), null, null],
  ["text required from a passed date, unanswered", q("TEXT", "AFTER_DEADLINE", PASSED), null, REQUIRED_MESSAGE],
  ["required one choice, answered", q("CHOICES", "REQUIRED"), { answer: "" }, null],
  ["required one choice, unanswered", q("CHOICES", "REQUIRED"), null, REQUIRED_MESSAGE],
];

describe("requirementError: the rule table", () => {
  it.each(TABLE)("%s", (_, question, value, expected) => {
    expect(requirementError(question, value, NOW)).toBe(expected);
  });

  it("a consent is a yes/no question that is required, always or from a date; nothing else is", () => {
    expect(isConsent(q("BOOLEAN", "REQUIRED"))).toBe(true);
    expect(isConsent(q("BOOLEAN", "AFTER_DEADLINE", PASSED))).toBe(true);
    expect(isConsent(q("BOOLEAN", "OPTIONAL"))).toBe(false);
    expect(isConsent(q("CHOICES", "REQUIRED"))).toBe(false);
  });
});

describe("resolveAnswers applies the rule when enforcing, not for drafts", () => {
  const consent: ResolvableQuestion = {
    id: "coc",
    variant: "BOOLEAN",
    question: "Do you follow the code of conduct?",
    requirement: "REQUIRED",
    deadline: null,
    freezeAfter: null,
    minLength: null,
    maxLength: null,
    minNumber: null,
    maxNumber: null,
    minDate: null,
    maxDate: null,
    minChoices: null,
    maxChoices: null,
    options: [],
  };
  const resolve = (sent: string[], enforceRequired: boolean, stored?: string) =>
    resolveAnswers(
      [consent],
      new Map(stored ? [["coc", { answer: stored, optionIds: [] }]] : []),
      { coc: sent },
      { now: NOW, enforceRequired },
    );

  it("refuses No and an unticked box on submission, next to the field", () => {
    expect(resolve(["", "false"], true).errors).toEqual({ "q.coc": CONSENT_MESSAGE });
    expect(resolve([""], true).errors).toEqual({ "q.coc": CONSENT_MESSAGE });
  });
  it("refuses a stored No that the form leaves alone", () => {
    expect(
      resolveAnswers([consent], new Map([["coc", { answer: "false", optionIds: [] }]]), {}, { now: NOW, enforceRequired: true }).errors,
    ).toEqual({
      "q.coc": CONSENT_MESSAGE,
    });
  });
  it("accepts a ticked box, and a draft without it", () => {
    expect(resolve(["", "true"], true)).toMatchObject({ errors: {}, writes: [{ value: { answer: "true", optionIds: [] } }] });
    expect(resolve([""], false).errors).toEqual({});
    expect(resolve(["", "false"], false).errors).toEqual({});
  });
});

describe("pretalx names for a consent", () => {
  it("is pretalx's required boolean: a box that must be ticked", () => {
    const row = {
      ...consent(),
      id: "q1",
      target: "SUBMISSION" as const,
      helpText: "",
      position: 0,
      minLength: null,
      maxLength: null,
      minNumber: null,
      maxNumber: null,
      minDate: null,
      maxDate: null,
      visibleToReviewers: true,
      isPublic: false,
      personalData: false,
      options: [],
      tracks: [],
      sessionTypes: [],
    };
    expect(toPretalxQuestion(row, NOW)).toMatchObject({ variant: "boolean", question_required: "required", required: true });
    expect(toPretalxQuestion({ ...row, requirement: "AFTER_DEADLINE", deadline: BEFORE }, NOW)).toMatchObject({
      question_required: "after_deadline",
      deadline: BEFORE.toISOString(),
      required: false,
    });
  });
  function consent() {
    return {
      variant: "BOOLEAN" as const,
      question: "Code of conduct?",
      requirement: "REQUIRED" as Requirement,
      deadline: null as Date | null,
      freezeAfter: null,
    };
  }
});
