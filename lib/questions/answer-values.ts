import { cleanText } from "@/lib/text/fields";
import { textLength } from "@/lib/text/length";
import { isChoice, maxLengthOf, type FormQuestion } from "./kinds";

/** What parsing an answer needs to know about its question: its kind, limits and options. */
export type AnswerRule = Pick<
  FormQuestion,
  "id" | "variant" | "minLength" | "maxLength" | "minNumber" | "maxNumber" | "minDate" | "maxDate" | "minChoices" | "maxChoices"
> & { options: readonly { id: string; answer: string }[] };

import type { FormAnswer } from "./kinds";

/** A stored answer: text for most kinds, the picked options for choices. */
export type AnswerValue = FormAnswer;

export type ParsedAnswer = { kind: "empty" } | { kind: "value"; value: AnswerValue } | { kind: "error"; message: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const URL = /^https?:\/\/[^\s]+$/i;

const empty: ParsedAnswer = { kind: "empty" };
const error = (message: string): ParsedAnswer => ({ kind: "error", message });
const value = (answer: string, optionIds: string[] = []): ParsedAnswer => ({ kind: "value", value: { answer, optionIds } });

/** Checks one answer as the form sent it (one string, or one per picked option) against its question's kind and limits. */
export function parseAnswer(q: AnswerRule, raw: readonly string[]): ParsedAnswer {
  if (isChoice(q.variant)) return parseChoices(q, raw);
  const s = cleanText(raw[0] ?? "").trim();
  if (s === "") return empty;
  switch (q.variant) {
    case "STRING":
    case "TEXT":
    case "URL":
      return parseText(q, s);
    case "NUMBER": {
      const n = Number(s.replace(",", "."));
      if (!/^[-+]?\d*[.,]?\d+(e[-+]?\d+)?$/i.test(s) || !Number.isFinite(n)) return error("Enter a number.");
      if (q.minNumber != null && n < q.minNumber) return error(`Enter a number of at least ${q.minNumber}.`);
      if (q.maxNumber != null && n > q.maxNumber) return error(`Enter a number of at most ${q.maxNumber}.`);
      return value(String(n));
    }
    case "DATE":
    case "DATETIME":
      return parseDate(q, s);
    case "BOOLEAN":
      return s === "true" || s === "false" ? value(s) : error("Choose yes or no.");
  }
  return error("This answer cannot be read.");
}

function parseText(q: AnswerRule, s: string): ParsedAnswer {
  const max = maxLengthOf(q);
  // Counting stops past the limit (lib/text/length.ts), so a huge post costs nothing.
  const n = textLength(s, max);
  if (n > max) return error(`At most ${max} characters.`);
  if (q.minLength != null && n < q.minLength) return error(`At least ${q.minLength} characters.`);
  if (q.variant === "URL" && !URL.test(s)) return error("Enter a web address starting with https://");
  return value(s);
}

function parseDate(q: AnswerRule, s: string): ParsedAnswer {
  const format = q.variant === "DATE" ? DATE : DATETIME;
  const what = q.variant === "DATE" ? "date" : "date and time";
  if (!format.test(s) || Number.isNaN(Date.parse(q.variant === "DATE" ? `${s}T00:00Z` : `${s}Z`)) || !sameDay(s)) {
    return error(`Enter a ${what}.`);
  }
  // ISO strings of one format compare like the moments they name.
  if (q.minDate && s < q.minDate) return error(`Enter a ${what} no earlier than ${q.minDate.replace("T", " ")}.`);
  if (q.maxDate && s > q.maxDate) return error(`Enter a ${what} no later than ${q.maxDate.replace("T", " ")}.`);
  return value(s);
}

/** Date.parse rolls 2027-02-30 over to March: refuse days a month does not have. */
function sameDay(s: string): boolean {
  const d = new Date(`${s.slice(0, 10)}T00:00Z`);
  return d.toISOString().slice(0, 10) === s.slice(0, 10);
}

function parseChoices(q: AnswerRule, raw: readonly string[]): ParsedAnswer {
  const picked = [...new Set(raw.filter((r) => r !== ""))];
  if (picked.length === 0) return empty;
  if (picked.some((id) => !q.options.some((o) => o.id === id))) return error("Choose one of the options.");
  if (q.variant === "CHOICES") return picked.length === 1 ? value("", picked) : error("Choose one option.");
  if (q.minChoices != null && picked.length < q.minChoices) return error(`Choose at least ${q.minChoices}.`);
  if (q.maxChoices != null && picked.length > q.maxChoices) return error(`Choose at most ${q.maxChoices}.`);
  // Stored in the question's own order, so equal answers compare equal.
  return value(
    "",
    q.options.filter((o) => picked.includes(o.id)).map((o) => o.id),
  );
}

/** An answer as a person reads it. */
export function displayAnswer(q: Pick<AnswerRule, "variant" | "options">, a: AnswerValue): string {
  if (isChoice(q.variant))
    return q.options
      .filter((o) => a.optionIds.includes(o.id))
      .map((o) => o.answer)
      .join(", ");
  if (q.variant === "BOOLEAN") return a.answer === "true" ? "Yes" : a.answer === "false" ? "No" : "";
  if (q.variant === "DATETIME") return a.answer.replace("T", " ");
  return a.answer;
}
