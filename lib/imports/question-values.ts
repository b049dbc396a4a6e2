// Imported questions and answers, before they meet the event: a question
// with the defaults of a new one, and an answer as the tool wrote it turned
// into what our form would have sent (lib/questions/answer-values.ts checks
// it from there, limits included).
import {
  HELP_TEXT_MAX,
  MAX_OPTIONS,
  OPTION_TEXT_MAX,
  QUESTION_TEXT_MAX,
  TEXT_CEILING,
  isChoice,
  isText,
  type Variant,
} from "@/lib/questions/kinds";
import type { ImportedAnswer, ImportedOption, ImportedQuestion } from "./types";

type Given = Pick<ImportedQuestion, "sourceId" | "target" | "question"> & Partial<ImportedQuestion>;

/** A question the file defines, our limits applied: text, help and option labels cut to length, at most MAX_OPTIONS options. */
export function importedQuestion(q: Given): ImportedQuestion {
  const variant = q.variant ?? ((q.options?.length ?? 0) > 0 ? "CHOICES" : "TEXT");
  const seen = new Set<string>();
  const options = (isChoice(variant) ? (q.options ?? []) : [])
    .map((o) => ({ identifier: o.identifier?.trim().slice(0, 50) || null, label: o.label.trim().slice(0, OPTION_TEXT_MAX) }))
    .filter((o) => o.label && !seen.has(o.label.toLowerCase()) && seen.add(o.label.toLowerCase()))
    .slice(0, MAX_OPTIONS);
  return {
    ...q,
    requirement: q.requirement ?? "OPTIONAL",
    visibleToReviewers: q.visibleToReviewers ?? true,
    isPublic: q.isPublic ?? false,
    personalData: q.personalData ?? false,
    variant,
    helpText: (q.helpText ?? "").slice(0, HELP_TEXT_MAX),
    question: q.question.trim().slice(0, QUESTION_TEXT_MAX),
    options,
    ...limitsFor(variant, q),
  };
}

/** Only the limits of the kind, as the question form keeps them (lib/questions/schemas.ts); text limits within our ceiling. */
function limitsFor(variant: Variant, q: Partial<ImportedQuestion>) {
  const n = (v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const whole = (v: number | null | undefined) => (n(v) === null || v! < 0 ? null : Math.min(Math.round(v!), 100_000));
  const text = isText(variant);
  const dated = variant === "DATE" || variant === "DATETIME";
  return {
    minLength: text ? whole(q.minLength) : null,
    maxLength: text ? (whole(q.maxLength) === null ? null : Math.min(whole(q.maxLength)!, TEXT_CEILING[variant])) : null,
    minNumber: variant === "NUMBER" ? n(q.minNumber) : null,
    maxNumber: variant === "NUMBER" ? n(q.maxNumber) : null,
    minDate: dated ? (q.minDate ?? null) : null,
    maxDate: dated ? (q.maxDate ?? null) : null,
    minChoices: variant === "MULTIPLE_CHOICE" ? whole(q.minChoices) : null,
    maxChoices: variant === "MULTIPLE_CHOICE" ? whole(q.maxChoices) : null,
  };
}

/** How question texts are compared: trimmed, spaces collapsed, case ignored. */
export const questionKey = (target: string, text: string) => `${target}:${text.trim().replace(/\s+/g, " ").toLowerCase()}`;

const YES = /^(true|yes|y|1|on|checked|ja|oui|si|sí)$/i;
const NO = /^(false|no|n|0|off|unchecked|nein|non)$/i;

/** An answer's text as our form would send it for a question of `variant` (choices are resolved separately). */
export function formText(variant: Variant, text: string): string {
  const s = text.trim();
  if (variant === "BOOLEAN") return YES.test(s) ? "true" : NO.test(s) ? "false" : s;
  // Tools write date-times with seconds and an offset; the form's value is the local "YYYY-MM-DDTHH:MM".
  if (variant === "DATETIME") return s.replace(/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}).*$/, "$1T$2");
  if (variant === "DATE") return s.replace(/^(\d{4}-\d{2}-\d{2})([T ].*)?$/, "$1");
  return s;
}

type Option = { key: string; identifier: string | null; label: string };

/**
 * The options an answer picks, as keys of `options`: by identifier when the
 * file names one, else by label (case ignored); with no options named, the
 * answer's text is read as one label, or (several choices) as labels joined
 * by commas. Null when something picked is not an option.
 */
export function pickedOptions(options: readonly Option[], variant: Variant, a: ImportedAnswer): string[] | null {
  const byLabel = (label: string) => options.find((o) => o.label.toLowerCase() === label.trim().toLowerCase());
  const find = (o: ImportedOption) => (o.identifier ? options.find((x) => x.identifier === o.identifier) : undefined) ?? byLabel(o.label);
  if (a.options.length > 0) {
    const found = a.options.map(find);
    return found.every((o) => o !== undefined) ? found.map((o) => o.key) : null;
  }
  const text = a.text.trim();
  if (!text) return [];
  const whole = byLabel(text);
  if (whole) return [whole.key];
  if (variant !== "MULTIPLE_CHOICE") return null;
  const parts = text.split(/\s*,\s*/).map(byLabel);
  return parts.every((o) => o !== undefined) ? parts.map((o) => o.key) : null;
}

/** The labels of a choice answer that no option of `options` has: a created question gets them as new options. */
export function missingLabels(
  options: readonly { identifier: string | null; label: string }[],
  variant: Variant,
  a: ImportedAnswer,
): ImportedOption[] {
  const known = (o: ImportedOption) =>
    (o.identifier && options.some((x) => x.identifier === o.identifier)) ||
    options.some((x) => x.label.toLowerCase() === o.label.trim().toLowerCase());
  if (a.options.length > 0) return a.options.filter((o) => o.label.trim() && !known(o));
  const text = a.text.trim();
  if (!text || known({ identifier: null, label: text })) return [];
  const labels = variant === "MULTIPLE_CHOICE" ? text.split(/\s*,\s*/).filter(Boolean) : [text];
  return labels.map((label) => ({ identifier: null, label })).filter((o) => !known(o));
}
