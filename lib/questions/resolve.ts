import { answerField, isChoice } from "./kinds";
import { displayAnswer, parseAnswer, type AnswerRule, type AnswerValue } from "./answer-values";
import { isFrozenAt, requirementError } from "./rules";
import type { Requirement } from "./kinds";

export type ResolvableQuestion = AnswerRule & {
  question: string;
  requirement: Requirement;
  deadline: Date | null;
  freezeAfter: Date | null;
};

export type AnswerWrite = { question: ResolvableQuestion; value: AnswerValue | null; before: AnswerValue | null };

/**
 * Decides what a form's answers change, without touching the database:
 * frozen questions keep their answer, a question the form did not send keeps
 * its answer, an empty answer removes it. With `enforceRequired` (submitting,
 * or editing what was already submitted) a question required at `now` must
 * end up answered, a consent with "Yes" (rules.ts, requirementError). Errors
 * are keyed by the answer's form field.
 */
export function resolveAnswers(
  questions: readonly ResolvableQuestion[],
  existing: ReadonlyMap<string, AnswerValue>,
  raw: Readonly<Record<string, readonly string[]>>,
  { now, enforceRequired }: { now: Date; enforceRequired: boolean },
): { writes: AnswerWrite[]; errors: Record<string, string> } {
  const writes: AnswerWrite[] = [];
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const before = existing.get(q.id) ?? null;
    if (isFrozenAt(q, now)) continue;
    const sent = raw[q.id];
    let after = before;
    if (sent) {
      // Forms send a hidden "" before each question's inputs, so an unticked box still says "no answer".
      const parsed = parseAnswer(q, isChoice(q.variant) ? sent : [sent.find((s) => s !== "") ?? ""]);
      if (parsed.kind === "error") {
        errors[answerField(q.id)] = parsed.message;
        continue;
      }
      after = parsed.kind === "value" ? parsed.value : null;
    }
    const refused = enforceRequired ? requirementError(q, after, now) : null;
    if (refused) {
      errors[answerField(q.id)] = refused;
      continue;
    }
    if (!sameAnswer(before, after)) writes.push({ question: q, value: after, before });
  }
  return { writes, errors };
}

export function sameAnswer(a: AnswerValue | null, b: AnswerValue | null): boolean {
  if (a === null || b === null) return a === b;
  return a.answer === b.answer && a.optionIds.length === b.optionIds.length && a.optionIds.every((id, i) => b.optionIds[i] === id);
}

/** The activity log's changes for the writes: question text → readable from/to. */
export function answerChanges(writes: readonly AnswerWrite[]): Record<string, { from: string | null; to: string | null }> {
  const shown = (q: ResolvableQuestion, v: AnswerValue | null) => (v ? displayAnswer(q, v) : null);
  return Object.fromEntries(
    writes.map((w) => [w.question.question, { from: shown(w.question, w.before), to: shown(w.question, w.value) }]),
  );
}
