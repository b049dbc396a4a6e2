import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnswerValue } from "./answer-values";
import type { FormQuestion } from "./kinds";
import { isConsent, isFrozenAt, isRequiredAt } from "./rules";

export const FORM_SELECT = {
  id: true,
  target: true,
  variant: true,
  question: true,
  helpText: true,
  position: true,
  minLength: true,
  maxLength: true,
  minNumber: true,
  maxNumber: true,
  minDate: true,
  maxDate: true,
  minChoices: true,
  maxChoices: true,
  requirement: true,
  deadline: true,
  freezeAfter: true,
  options: { select: { id: true, answer: true, identifier: true }, orderBy: { position: "asc" } },
  tracks: { select: { id: true } },
  sessionTypes: { select: { id: true } },
} satisfies Prisma.QuestionSelect;

type Stored = { questionId: string; answer: string; options: { id: string; position: number }[] };
export const ANSWER_SELECT = { questionId: true, answer: true, options: { select: { id: true, position: true } } } as const;
export const asValue = (a: Pick<Stored, "answer" | "options">): AnswerValue => ({
  answer: a.answer,
  optionIds: [...a.options].sort((x, y) => x.position - y.position).map((o) => o.id),
});

export function toForm(q: Prisma.QuestionGetPayload<{ select: typeof FORM_SELECT }>, now: Date): FormQuestion {
  return {
    id: q.id,
    target: q.target,
    variant: q.variant,
    question: q.question,
    helpText: q.helpText,
    minLength: q.minLength,
    maxLength: q.maxLength,
    minNumber: q.minNumber,
    maxNumber: q.maxNumber,
    minDate: q.minDate,
    maxDate: q.maxDate,
    minChoices: q.minChoices,
    maxChoices: q.maxChoices,
    options: q.options.map(({ id, answer }) => ({ id, answer })),
    trackIds: q.tracks.map((t) => t.id),
    sessionTypeIds: q.sessionTypes.map((s) => s.id),
    required: isRequiredAt(q, now),
    consent: isConsent(q),
    readOnly: isFrozenAt(q, now),
  };
}
