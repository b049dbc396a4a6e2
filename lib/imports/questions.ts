import type { DbTx } from "@/lib/db";
import { parseAnswer, type AnswerRule, type AnswerValue } from "@/lib/questions/answer-values";
import { MAX_OPTIONS, isChoice, type Variant } from "@/lib/questions/kinds";
import { formText, missingLabels, pickedOptions, questionKey } from "./question-values";
import type { ImportedAnswer, ImportedQuestion } from "./types";

type Target = ImportedQuestion["target"];

export type PlannedQuestion = {
  sourceId: string;
  target: Target;
  variant: Variant;
  question: string;
  /** "match": an event's question answers go to; "create": a new one, from the file's definition. */
  action: "create" | "match";
  /** For "match": the event's question, found by an earlier import of it or by the same text. */
  questionId: string | null;
  matchedBy: "earlier import" | "same text" | null;
  /** What is created (with the options the answers name beside the file's). */
  definition: ImportedQuestion;
  /** How many answers this import writes to it (counted by the plan). */
  answers: number;
};

export type ResolvedAnswer = { question: PlannedQuestion; value: AnswerValue };

type Keyed = { key: string; identifier: string | null; label: string };
/** A question as answers are checked against it. */
type Checked = { planned: PlannedQuestion; rule: AnswerRule; options: Keyed[] };

export type QuestionPlan = {
  questions: PlannedQuestion[];
  /**
   * An answer as it will be stored (option keys: the option's id, or `new:<n>` in a created question's
   * options), "empty" for no answer, or null: the file's question is unknown, or the answer does not fit it.
   */
  resolve(target: Target, a: ImportedAnswer): ResolvedAnswer | null | "empty";
};

const EXISTING = {
  id: true,
  target: true,
  variant: true,
  question: true,
  minLength: true,
  maxLength: true,
  minNumber: true,
  maxNumber: true,
  minDate: true,
  maxDate: true,
  minChoices: true,
  maxChoices: true,
  options: { select: { id: true, identifier: true, answer: true }, orderBy: { position: "asc" } },
} as const;

/**
 * The file's questions against the event's: the question an earlier import of
 * this file created or matched, else one of the event's with the same text
 * and for the same (proposal or speaker), else a new one as the file defines
 * it. Reviewer questions are not imported (reviews are not). `answers` are
 * those the import may write: a created choice question also gets the
 * options they name that its definition lacks.
 */
export async function planQuestions(
  tx: DbTx,
  eventId: string,
  source: string,
  defined: readonly ImportedQuestion[],
  answers: readonly { target: Target; answer: ImportedAnswer }[],
): Promise<QuestionPlan> {
  const [records, existing] = await Promise.all([
    tx.importRecord.findMany({ where: { eventId, source, kind: "question" }, select: { sourceId: true, targetId: true } }),
    tx.question.findMany({ where: { eventId, target: { in: ["SUBMISSION", "SPEAKER"] } }, select: EXISTING }),
  ]);
  const byId = new Map(existing.map((q) => [q.id, q]));
  const recorded = new Map(records.map((r) => [r.sourceId, byId.get(r.targetId)]));
  const byText = new Map(existing.map((q) => [questionKey(q.target, q.question), q]));

  const checked = new Map<string, Checked>();
  const created = new Map<string, Checked>();
  for (const d of defined) {
    if (checked.has(d.sourceId)) continue;
    const key = questionKey(d.target, d.question);
    const earlier = recorded.get(d.sourceId);
    const found = earlier?.target === d.target ? earlier : byText.get(key);
    // A file that defines one text twice (per target) answers both into one new question.
    const again = found ? undefined : created.get(key);
    if (again) checked.set(d.sourceId, again);
    else if (found) {
      const planned: PlannedQuestion = {
        ...{ sourceId: d.sourceId, target: d.target, variant: found.variant, question: found.question },
        action: "match",
        questionId: found.id,
        matchedBy: found === earlier ? "earlier import" : "same text",
        definition: d,
        answers: 0,
      };
      const options = found.options.map((o) => ({ key: o.id, identifier: o.identifier, label: o.answer }));
      checked.set(d.sourceId, { planned, rule: ruleOf(found, options), options });
    } else {
      const definition = { ...d, options: [...d.options] };
      if (isChoice(d.variant)) {
        for (const { answer } of answers.filter((a) => a.answer.question === d.sourceId)) {
          const more = missingLabels(definition.options, d.variant, answer);
          definition.options.push(...more.slice(0, MAX_OPTIONS - definition.options.length));
        }
      }
      const planned: PlannedQuestion = {
        ...{ sourceId: d.sourceId, target: d.target, variant: d.variant, question: d.question },
        action: "create",
        questionId: null,
        matchedBy: null,
        definition,
        answers: 0,
      };
      const options = definition.options.map((o, i) => ({ key: `new:${i}`, ...o }));
      const entry = { planned, rule: ruleOf({ ...d, id: `new:${d.sourceId}` }, options), options };
      checked.set(d.sourceId, entry);
      created.set(key, entry);
    }
  }

  return {
    questions: [...new Set([...checked.values()].map((c) => c.planned))],
    resolve(target, a) {
      const q = checked.get(a.question);
      if (!q || q.planned.target !== target) return null;
      const raw = isChoice(q.rule.variant) ? pickedOptions(q.options, q.rule.variant, a) : [formText(q.rule.variant, a.text)];
      if (raw === null) return null;
      const parsed = parseAnswer(q.rule, raw);
      if (parsed.kind === "empty") return "empty";
      if (parsed.kind === "error") return null;
      return { question: q.planned, value: parsed.value };
    },
  };
}

type Limits = Omit<AnswerRule, "options" | "id"> & { id: string };

function ruleOf(q: Limits, options: Keyed[]): AnswerRule {
  return {
    id: q.id,
    variant: q.variant,
    minLength: q.minLength,
    maxLength: q.maxLength,
    minNumber: q.minNumber,
    maxNumber: q.maxNumber,
    minDate: q.minDate,
    maxDate: q.maxDate,
    minChoices: q.minChoices,
    maxChoices: q.maxChoices,
    options: options.map((o) => ({ id: o.key, answer: o.label })),
  };
}
