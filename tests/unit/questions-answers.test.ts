import { describe, expect, it } from "vitest";
import { parseAnswer, type AnswerRule } from "@/lib/questions/answer-values";
import { resolveAnswers, type ResolvableQuestion } from "@/lib/questions/resolve";
import { isFrozenAt, isRequiredAt, appliesTo } from "@/lib/questions/rules";
import { questionInput } from "@/lib/questions/schemas";
import { toPretalxQuestion } from "@/lib/questions/pretalx";
import type { Variant } from "@/lib/questions/kinds";

const rule = (variant: Variant, extra: Partial<AnswerRule> = {}): AnswerRule => ({
  id: "q1",
  variant,
  minLength: null,
  maxLength: null,
  minNumber: null,
  maxNumber: null,
  minDate: null,
  maxDate: null,
  minChoices: null,
  maxChoices: null,
  options: [
    { id: "o1", answer: "Small" },
    { id: "o2", answer: "Medium" },
    { id: "o3", answer: "Large" },
  ],
  ...extra,
});
const ok = (answer: string, optionIds: string[] = []) => ({ kind: "value", value: { answer, optionIds } });
const err = (message: string) => ({ kind: "error", message });

describe("parseAnswer, one kind at a time", () => {
  it("short text: trimmed, counted in graphemes like the browser counter", () => {
    expect(parseAnswer(rule("STRING", { maxLength: 3 }), ["  👩‍👩‍👧é🇫🇷 "])).toEqual(ok("👩‍👩‍👧é🇫🇷"));
    expect(parseAnswer(rule("STRING", { maxLength: 3 }), ["abcd"])).toEqual(err("At most 3 characters."));
    expect(parseAnswer(rule("STRING", { minLength: 5 }), ["abc"])).toEqual(err("At least 5 characters."));
    expect(parseAnswer(rule("STRING"), ["x".repeat(301)])).toEqual(err("At most 300 characters."));
    expect(parseAnswer(rule("STRING"), ["   "])).toEqual({ kind: "empty" });
  });
  it("long text keeps line breaks and allows 5000 characters by default", () => {
    expect(parseAnswer(rule("TEXT"), ["line one\r\nline two"])).toEqual(ok("line one\nline two"));
    expect(parseAnswer(rule("TEXT"), ["x".repeat(5001)])).toMatchObject({ kind: "error" });
  });
  it("web addresses start with http(s)", () => {
    expect(parseAnswer(rule("URL"), ["https://example.org/talk"])).toEqual(ok("https://example.org/talk"));
    expect(parseAnswer(rule("URL"), ["javascript:alert(1)"])).toEqual(err("Enter a web address starting with https://"));
  });
  it("numbers within the range, stored canonically", () => {
    expect(parseAnswer(rule("NUMBER", { minNumber: 1, maxNumber: 10 }), ["2,5"])).toEqual(ok("2.5"));
    expect(parseAnswer(rule("NUMBER", { minNumber: 1 }), ["0"])).toEqual(err("Enter a number of at least 1."));
    expect(parseAnswer(rule("NUMBER", { maxNumber: 10 }), ["11"])).toEqual(err("Enter a number of at most 10."));
    expect(parseAnswer(rule("NUMBER"), ["ten"])).toEqual(err("Enter a number."));
    expect(parseAnswer(rule("NUMBER"), ["Infinity"])).toEqual(err("Enter a number."));
  });
  it("dates exist and fall in the range", () => {
    expect(parseAnswer(rule("DATE", { minDate: "2027-05-01", maxDate: "2027-05-31" }), ["2027-05-10"])).toEqual(ok("2027-05-10"));
    expect(parseAnswer(rule("DATE"), ["2027-02-30"])).toEqual(err("Enter a date."));
    expect(parseAnswer(rule("DATE", { minDate: "2027-05-01" }), ["2027-04-30"])).toMatchObject({ kind: "error" });
    expect(parseAnswer(rule("DATE", { maxDate: "2027-05-31" }), ["2027-06-01"])).toMatchObject({ kind: "error" });
  });
  it("dates and times", () => {
    expect(parseAnswer(rule("DATETIME", { maxDate: "2027-05-01T18:00" }), ["2027-05-01T09:30"])).toEqual(ok("2027-05-01T09:30"));
    expect(parseAnswer(rule("DATETIME", { maxDate: "2027-05-01T18:00" }), ["2027-05-01T18:01"])).toMatchObject({ kind: "error" });
    expect(parseAnswer(rule("DATETIME"), ["2027-05-01"])).toEqual(err("Enter a date and time."));
  });
  it("yes/no", () => {
    expect(parseAnswer(rule("BOOLEAN"), ["true"])).toEqual(ok("true"));
    expect(parseAnswer(rule("BOOLEAN"), ["false"])).toEqual(ok("false"));
    expect(parseAnswer(rule("BOOLEAN"), ["maybe"])).toEqual(err("Choose yes or no."));
  });
  it("one choice: exactly one of the question's options", () => {
    expect(parseAnswer(rule("CHOICES"), ["", "o2"])).toEqual(ok("", ["o2"]));
    expect(parseAnswer(rule("CHOICES"), ["o1", "o2"])).toEqual(err("Choose one option."));
    expect(parseAnswer(rule("CHOICES"), ["other-question-option"])).toEqual(err("Choose one of the options."));
    expect(parseAnswer(rule("CHOICES"), [""])).toEqual({ kind: "empty" });
  });
  it("several choices: within the counts, in the question's order, no duplicates", () => {
    expect(parseAnswer(rule("MULTIPLE_CHOICE", { minChoices: 1, maxChoices: 2 }), ["o3", "o1", "o3"])).toEqual(ok("", ["o1", "o3"]));
    expect(parseAnswer(rule("MULTIPLE_CHOICE", { maxChoices: 2 }), ["o1", "o2", "o3"])).toEqual(err("Choose at most 2."));
    expect(parseAnswer(rule("MULTIPLE_CHOICE", { minChoices: 2 }), ["o1"])).toEqual(err("Choose at least 2."));
  });
});

describe("requirement, freeze and limits", () => {
  const at = (iso: string) => new Date(iso);
  const q = { requirement: "AFTER_DEADLINE" as const, deadline: at("2027-03-01T00:00Z"), freezeAfter: at("2027-04-01T00:00Z") };
  it("required from the deadline on, frozen from freezeAfter on", () => {
    expect(isRequiredAt(q, at("2027-02-28T23:59Z"))).toBe(false);
    expect(isRequiredAt(q, at("2027-03-01T00:00Z"))).toBe(true);
    expect(isRequiredAt({ ...q, requirement: "REQUIRED" }, at("2020-01-01T00:00Z"))).toBe(true);
    expect(isRequiredAt({ ...q, requirement: "OPTIONAL" }, at("2030-01-01T00:00Z"))).toBe(false);
    expect(isFrozenAt(q, at("2027-03-31T23:59Z"))).toBe(false);
    expect(isFrozenAt(q, at("2027-04-01T00:00Z"))).toBe(true);
  });
  it("a question limited to tracks or session types is asked only there", () => {
    const limited = { tracks: [{ id: "t1" }], sessionTypes: [] };
    expect(appliesTo(limited, { trackId: "t1", sessionTypeId: "s1" })).toBe(true);
    expect(appliesTo(limited, { trackId: "t2", sessionTypeId: "s1" })).toBe(false);
    expect(appliesTo({ tracks: [], sessionTypes: [{ id: "s2" }] }, { trackId: null, sessionTypeId: "s1" })).toBe(false);
  });
  it("resolveAnswers: drafts save without required answers, submissions do not; frozen answers stay", () => {
    const base: ResolvableQuestion = {
      ...rule("BOOLEAN"),
      question: "Consent?",
      requirement: "REQUIRED",
      deadline: null,
      freezeAfter: null,
    };
    const now = at("2027-02-01T00:00Z");
    expect(resolveAnswers([base], new Map(), { q1: [""] }, { now, enforceRequired: false }).errors).toEqual({});
    expect(resolveAnswers([{ ...base, variant: "NUMBER" }], new Map(), { q1: [""] }, { now, enforceRequired: true }).errors).toEqual({
      "q.q1": "This question is required.",
    });
    const frozen = { ...base, freezeAfter: at("2027-01-01T00:00Z") };
    expect(
      resolveAnswers([frozen], new Map([["q1", { answer: "true", optionIds: [] }]]), { q1: ["false"] }, { now, enforceRequired: true })
        .writes,
    ).toEqual([]);
  });
});

describe("questionInput", () => {
  const base = { target: "SUBMISSION", variant: "CHOICES", question: "Travel support?", options: "Yes\nNo\n\n" };
  it("keeps the options, one per line", () => {
    expect(questionInput.parse(base).options).toEqual(["Yes", "No"]);
  });
  it("refuses a choice question with fewer than two options, duplicates, and a required-from-date without the date", () => {
    const issues = (input: object) => questionInput.safeParse(input).error?.issues.map((i) => i.path.join("."));
    expect(issues({ ...base, options: "Only one" })).toEqual(["options"]);
    expect(issues({ ...base, options: "Yes\nyes" })).toEqual(["options"]);
    expect(issues({ ...base, requirement: "AFTER_DEADLINE" })).toEqual(["deadline"]);
    expect(issues({ ...base, variant: "NUMBER", options: "", minNumber: "5", maxNumber: "1" })).toEqual(["maxNumber"]);
    expect(issues({ ...base, target: "REVIEWER", isPublic: "on" })).toEqual(["isPublic"]);
  });
  it("drops limits that do not belong to the kind", () => {
    const q = questionInput.parse({ ...base, variant: "STRING", options: "", maxLength: "80", minNumber: "3" });
    expect(q).toMatchObject({ maxLength: 80, minNumber: null });
  });
});

describe("pretalx names", () => {
  it("maps a question to pretalx's API fields", () => {
    const out = toPretalxQuestion(
      {
        id: "q1",
        variant: "MULTIPLE_CHOICE",
        target: "SPEAKER",
        question: "Dietary needs",
        helpText: "",
        position: 2,
        requirement: "AFTER_DEADLINE",
        deadline: new Date("2027-03-01T00:00Z"),
        freezeAfter: null,
        minLength: null,
        maxLength: null,
        minNumber: null,
        maxNumber: null,
        minDate: null,
        maxDate: null,
        visibleToReviewers: false,
        isPublic: false,
        personalData: true,
        options: [{ id: "o1", identifier: "VEGAN123", answer: "Vegan", position: 0 }],
        tracks: [],
        sessionTypes: [],
      },
      new Date("2027-03-02T00:00Z"),
    );
    expect(out).toMatchObject({
      variant: "multiple_choice",
      target: "speaker",
      question_required: "after_deadline",
      deadline: "2027-03-01T00:00:00.000Z",
      required: true,
      freeze_after: null,
      read_only: false,
      options: [{ id: "o1", identifier: "VEGAN123", answer: "Vegan", position: 0 }],
      contains_personal_data: true,
      is_visible_to_reviewers: false,
    });
  });
});
