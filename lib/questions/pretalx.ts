// Questions and answers in pretalx's API shapes (docs.pretalx.org/api/resources/questions
// and /answers), so an export can emit them unchanged. pretalx's variants have no
// separate long/short text: "string" is one line, "text" several, as here.
import { utcToZonedLocal } from "@/lib/events/time-zone";
import type { Requirement, Target, Variant } from "./kinds";
import { isRequiredAt, isFrozenAt } from "./rules";

const VARIANT: Record<Variant, string> = {
  STRING: "string",
  TEXT: "text",
  NUMBER: "number",
  URL: "url",
  DATE: "date",
  DATETIME: "datetime",
  BOOLEAN: "boolean",
  CHOICES: "choices",
  MULTIPLE_CHOICE: "multiple_choice",
};
const TARGET: Record<Target, string> = { SUBMISSION: "submission", SPEAKER: "speaker", REVIEWER: "reviewer" };
const REQUIRED: Record<Requirement, string> = { OPTIONAL: "optional", REQUIRED: "required", AFTER_DEADLINE: "after_deadline" };

type QuestionRow = {
  id: string;
  variant: Variant;
  target: Target;
  question: string;
  helpText: string;
  position: number;
  requirement: Requirement;
  deadline: Date | null;
  freezeAfter: Date | null;
  minLength: number | null;
  maxLength: number | null;
  minNumber: number | null;
  maxNumber: number | null;
  minDate: string | null;
  maxDate: string | null;
  visibleToReviewers: boolean;
  isPublic: boolean;
  personalData: boolean;
  options: { id: string; identifier: string; answer: string; position: number }[];
  tracks: { id: string }[];
  sessionTypes: { id: string }[];
};

export function toPretalxQuestion(q: QuestionRow, now: Date, timeZone = "UTC") {
  const local = (d: string | null, withTime: boolean) => (d ? (withTime && d.length === 10 ? `${d}T00:00` : d) : null);
  return {
    id: q.id,
    variant: VARIANT[q.variant],
    target: TARGET[q.target],
    question: q.question,
    help_text: q.helpText,
    position: q.position,
    question_required: REQUIRED[q.requirement],
    deadline: q.deadline?.toISOString() ?? null,
    required: isRequiredAt(q, now),
    freeze_after: q.freezeAfter?.toISOString() ?? null,
    read_only: isFrozenAt(q, now),
    options: q.options.map((o) => ({ id: o.id, identifier: o.identifier, answer: o.answer, position: o.position })),
    min_length: q.minLength,
    max_length: q.maxLength,
    min_number: q.minNumber,
    max_number: q.maxNumber,
    min_date: q.variant === "DATE" ? q.minDate : null,
    max_date: q.variant === "DATE" ? q.maxDate : null,
    min_datetime: q.variant === "DATETIME" ? local(q.minDate, true) : null,
    max_datetime: q.variant === "DATETIME" ? local(q.maxDate, true) : null,
    contains_personal_data: q.personalData,
    is_public: q.isPublic,
    is_visible_to_reviewers: q.visibleToReviewers,
    tracks: q.tracks.map((t) => t.id),
    submission_types: q.sessionTypes.map((s) => s.id),
    // Deadlines are instants; the event's local wording helps people reading the export.
    deadline_local: q.deadline ? utcToZonedLocal(q.deadline, timeZone) : null,
  };
}

type AnswerRow = {
  id: string;
  questionId: string;
  answer: string;
  proposalId: string | null;
  speakerId: string | null;
  reviewId: string | null;
  options: { id: string; answer: string }[];
};

/** The columns of an answer that toPretalxAnswer reads. */
export const PRETALX_ANSWER_SELECT = {
  id: true,
  questionId: true,
  answer: true,
  proposalId: true,
  speakerId: true,
  reviewId: true,
  options: { orderBy: { position: "asc" }, select: { id: true, answer: true } },
} as const;

/** pretalx's answer: `answer` is the text (option labels joined for choices), `options` the picked option ids. */
export function toPretalxAnswer(a: AnswerRow) {
  return {
    id: a.id,
    question: a.questionId,
    answer: a.options.length > 0 ? a.options.map((o) => o.answer).join(", ") : a.answer,
    answer_file: null,
    submission: a.proposalId,
    review: a.reviewId,
    person: a.speakerId,
    options: a.options.map((o) => o.id),
  };
}

const invert = <K extends string>(map: Record<K, string>) =>
  new Map(Object.entries(map).map(([ours, theirs]) => [theirs as string, ours as K]));
const VARIANT_FROM = invert(VARIANT);
const TARGET_FROM = invert(TARGET);
const REQUIRED_FROM = invert(REQUIRED);

/** The reverse of the mapping above, for files in pretalx's shape (imports): null for what we do not know. */
export function fromPretalx(q: { variant?: string | null; target?: string | null; question_required?: string | null }) {
  return {
    variant: VARIANT_FROM.get((q.variant ?? "").toLowerCase()) ?? null,
    target: TARGET_FROM.get((q.target ?? "").toLowerCase()) ?? null,
    requirement: REQUIRED_FROM.get((q.question_required ?? "").toLowerCase()) ?? null,
  };
}
