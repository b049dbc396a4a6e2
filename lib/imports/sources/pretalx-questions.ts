// pretalx's questions and answers (docs.pretalx.org/api/resources/questions,
// /answers), as its API and this app's export write them: a question by its
// id, or expanded in the answer; options as { id, identifier, answer } (or
// { id, option } in pretalx 2.x); an answer's picked options as ids or objects.
import { z } from "zod";
import { fromPretalx } from "@/lib/questions/pretalx";
import { importedQuestion } from "../question-values";
import { textOf } from "../read-file";
import type { ImportedAnswer, ImportedOption, ImportedQuestion } from "../types";

const text = z.unknown().transform(textOf);
const id = z.union([z.string(), z.number()]).transform(String);
const count = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === "" || !Number.isFinite(Number(v)) ? null : Number(v)));
const flag = z.boolean().nullish();

const option = z.object({ id: id.optional(), identifier: z.string().nullish(), answer: text.optional(), option: text.optional() });
type Option = z.infer<typeof option>;
const label = (o: Option) => o.answer || o.option || "";

export const questionShape = z.object({
  id,
  question: text,
  variant: z.string().nullish(),
  target: z.string().nullish(),
  help_text: text.optional(),
  question_required: z.string().nullish(),
  required: flag,
  options: z.array(option).nullish(),
  min_length: count,
  max_length: count,
  min_number: count,
  max_number: count,
  min_date: z.string().nullish(),
  max_date: z.string().nullish(),
  min_datetime: z.string().nullish(),
  max_datetime: z.string().nullish(),
  // Extensions of this app's export: several choices' bounds.
  min_choices: count,
  max_choices: count,
  contains_personal_data: flag,
  is_public: flag,
  is_visible_to_reviewers: flag,
});
type Question = z.infer<typeof questionShape>;

export const answerShape = z.object({
  question: z.union([id, questionShape]),
  answer: z.string().nullish(),
  options: z.array(z.union([id, option])).nullish(),
});
type Answer = z.infer<typeof answerShape>;

type Target = ImportedQuestion["target"];

/**
 * The questions a pretalx file defines, in our words: its `questions` list
 * and those expanded in answers (their target from where they are answered
 * when they do not say). Reviewer questions are left out, as reviews are.
 */
export class PretalxQuestions {
  private readonly raw = new Map<string, { q: Question; target: Target | "REVIEWER" }>();

  constructor(listed: readonly Question[]) {
    for (const q of listed) this.add(q, "SUBMISSION");
  }

  private add(q: Question, where: Target) {
    const key = String(q.id);
    if (this.raw.has(key)) return;
    this.raw.set(key, { q, target: fromPretalx(q).target ?? where });
  }

  /** An answer in the neutral shape; its question is remembered when the answer expands it. */
  answer(a: Answer, where: Target): ImportedAnswer {
    if (typeof a.question === "object") this.add(a.question, where);
    const question = typeof a.question === "object" ? String(a.question.id) : a.question;
    const defined = this.raw.get(question)?.q.options ?? [];
    const picked = (a.options ?? []).map((o): ImportedOption => {
      const found = typeof o === "string" ? defined.find((d) => d.id === o) : o;
      return found ? { identifier: found.identifier ?? null, label: label(found) } : { identifier: null, label: String(o) };
    });
    return { question, text: a.answer ?? "", options: picked };
  }

  all(): ImportedQuestion[] {
    return [...this.raw.values()].flatMap(({ q, target }) => (target === "REVIEWER" ? [] : [toImported(q, target)]));
  }
}

function toImported(q: Question, target: Target): ImportedQuestion {
  const { variant, requirement } = fromPretalx(q);
  const datetime = variant === "DATETIME";
  return importedQuestion({
    sourceId: String(q.id),
    target,
    question: q.question || `Question ${q.id}`,
    variant: variant ?? undefined,
    helpText: q.help_text ?? "",
    options: (q.options ?? []).map((o) => ({ identifier: o.identifier ?? null, label: label(o) })),
    // A deadline belongs to the other event: "required from a date" becomes optional here.
    requirement: requirement === "REQUIRED" || (!requirement && q.required === true) ? "REQUIRED" : "OPTIONAL",
    minLength: q.min_length,
    maxLength: q.max_length,
    minNumber: q.min_number,
    maxNumber: q.max_number,
    minDate: (datetime ? q.min_datetime?.slice(0, 16) : q.min_date?.slice(0, 10)) ?? null,
    maxDate: (datetime ? q.max_datetime?.slice(0, 16) : q.max_date?.slice(0, 10)) ?? null,
    minChoices: q.min_choices,
    maxChoices: q.max_choices,
    visibleToReviewers: q.is_visible_to_reviewers ?? true,
    isPublic: q.is_public ?? false,
    personalData: q.contains_personal_data ?? false,
  });
}
