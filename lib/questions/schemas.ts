import { z } from "zod";
import { id, text } from "@/lib/text/fields";
import {
  HELP_TEXT_MAX,
  MAX_OPTIONS,
  OPTION_TEXT_MAX,
  QUESTION_TEXT_MAX,
  REQUIREMENTS,
  TARGETS,
  TEXT_CEILING,
  VARIANTS,
  isChoice,
  isText,
} from "./kinds";

const localDateTime = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})?$/, "Enter a date and time.")
  .transform((s) => s || null);
const optionalInt = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d*$/, `${label} must be a whole number.`)
    .transform((s) => (s === "" ? null : Number(s)))
    .pipe(z.number().max(100_000, `${label} is too large.`).nullable());
const optionalNumber = z
  .string()
  .trim()
  .refine((s) => s === "" || Number.isFinite(Number(s)), "Enter a number.")
  .transform((s) => (s === "" ? null : Number(s)));
const optionalBound = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?)?$/, "Enter a date (and time, for date-and-time questions).")
  .transform((s) => s || null);
const checkbox = z
  .string()
  .optional()
  .transform((s) => s === "on" || s === "true");

/** One option per line; blank lines are dropped. */
const optionLines = z
  .string()
  .max(MAX_OPTIONS * (OPTION_TEXT_MAX + 2))
  .transform((s) =>
    s
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(text("Each option", OPTION_TEXT_MAX, { required: true }))
      .max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options.`)
      .refine((o) => new Set(o.map((x) => x.toLowerCase())).size === o.length, "Options must be different."),
  );

/** A question as the organizer's form sends it. Dates are local to the event's time zone. */
export const questionInput = z
  .object({
    target: z.enum(TARGETS, { message: "Choose who answers." }),
    variant: z.enum(VARIANTS, { message: "Choose a kind of answer." }),
    question: text("Question", QUESTION_TEXT_MAX, { required: true }),
    helpText: text("Help text", HELP_TEXT_MAX).default(""),
    requirement: z.enum(REQUIREMENTS).default("OPTIONAL"),
    deadline: localDateTime.prefault(""),
    freezeAfter: localDateTime.prefault(""),
    minLength: optionalInt("Minimum length").prefault(""),
    maxLength: optionalInt("Maximum length").prefault(""),
    minNumber: optionalNumber.prefault(""),
    maxNumber: optionalNumber.prefault(""),
    minDate: optionalBound.prefault(""),
    maxDate: optionalBound.prefault(""),
    minChoices: optionalInt("Minimum choices").prefault(""),
    maxChoices: optionalInt("Maximum choices").prefault(""),
    options: optionLines.prefault(""),
    trackIds: z.array(id).max(50).default([]),
    sessionTypeIds: z.array(id).max(50).default([]),
    visibleToReviewers: checkbox,
    isPublic: checkbox,
    personalData: checkbox,
  })
  .superRefine((q, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (q.requirement === "AFTER_DEADLINE" && !q.deadline) issue("deadline", "Say from when the answer is required.");
    if (isChoice(q.variant) && q.options.length < 2) issue("options", "Give at least two options.");
    if (!isChoice(q.variant) && q.options.length > 0) issue("options", "Only choice questions have options.");
    if (q.target === "REVIEWER" && q.isPublic) issue("isPublic", "Reviewers' answers are never public.");
    if (isText(q.variant) && q.maxLength != null && q.maxLength > TEXT_CEILING[q.variant]) {
      issue("maxLength", `At most ${TEXT_CEILING[q.variant]} for this kind.`);
    }
    if (q.minLength != null && q.maxLength != null && q.minLength > q.maxLength) issue("maxLength", "The maximum is below the minimum.");
    if (q.minNumber != null && q.maxNumber != null && q.minNumber > q.maxNumber) issue("maxNumber", "The maximum is below the minimum.");
    if (q.minChoices != null && q.maxChoices != null && q.minChoices > q.maxChoices)
      issue("maxChoices", "The maximum is below the minimum.");
    if (q.variant === "MULTIPLE_CHOICE" && q.minChoices != null && q.minChoices > q.options.length) {
      issue("minChoices", "More than there are options.");
    }
    for (const key of ["minDate", "maxDate"] as const) {
      const v = q[key];
      if (v == null) continue;
      if (q.variant === "DATE" && v.length !== 10) issue(key, "Enter a date (YYYY-MM-DD).");
      if (q.variant === "DATETIME" && v.length !== 16) issue(key, "Enter a date and time.");
    }
    if (q.minDate && q.maxDate && q.minDate > q.maxDate) issue("maxDate", "The latest date is before the earliest.");
  })
  // Limits that do not belong to the kind are dropped rather than refused: the form shows them all.
  .transform((q) => ({
    ...q,
    minLength: isText(q.variant) ? q.minLength : null,
    maxLength: isText(q.variant) ? q.maxLength : null,
    minNumber: q.variant === "NUMBER" ? q.minNumber : null,
    maxNumber: q.variant === "NUMBER" ? q.maxNumber : null,
    minDate: q.variant === "DATE" || q.variant === "DATETIME" ? q.minDate : null,
    maxDate: q.variant === "DATE" || q.variant === "DATETIME" ? q.maxDate : null,
    minChoices: q.variant === "MULTIPLE_CHOICE" ? q.minChoices : null,
    maxChoices: q.variant === "MULTIPLE_CHOICE" ? q.maxChoices : null,
    deadline: q.requirement === "AFTER_DEADLINE" ? q.deadline : null,
  }));
export type QuestionInput = z.output<typeof questionInput>;

/** Answers as forms send them: question id → the values of its `q.<id>` fields. */
export const answersInput = z.record(id, z.array(z.string().max(20_000)).max(MAX_OPTIONS)).default({});
export type AnswersInput = z.output<typeof answersInput>;

/** The `q.<questionId>` fields of a form, every value kept (several choices send one per pick). */
export function answersFromForm(formData: FormData): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of formData.entries()) {
    if (k.startsWith("q.") && typeof v === "string") (out[k.slice(2)] ??= []).push(v);
  }
  return out;
}
