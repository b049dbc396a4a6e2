// Answers on an organizer's proposal list (the proposal list and the
// ranking share it): filter by an answer, pick questions as columns, and
// count the answers of the picked yes/no and choice questions over the
// proposals the filters keep. Only for organizers: callers pass proposal
// ids and a where-clause already scoped by organizerScope (ADR 0015), so
// these functions read nothing the list itself would not show.
import { z } from "zod";
import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { id } from "@/lib/text/fields";
import { answerColumn, answerFilter, columnQuestions, countAnswers, filterableQuestions, filterChoices } from "./organizer";

export const MAX_ANSWER_COLUMNS = 5;

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The search parameters of an answer view, for a list's query schema. Unknown values fall back, as the lists' own do. */
export const answerParams = {
  /** An answer to filter by: "<questionId>:<optionId | true | false>". */
  answer: z
    .string()
    .regex(/^[\w-]{1,64}:[\w-]{1,64}$/)
    .optional()
    .catch(undefined),
  /** Questions shown as columns, in the order picked (`?column=a&column=b`). */
  column: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [...new Set(asList(v).filter((s) => id.safeParse(s).success))].slice(0, MAX_ANSWER_COLUMNS))
    .catch([]),
};
export type AnswerParams = { answer?: string; column: string[] };

/** Puts an answer view's parameters on a list URL. */
export function appendAnswerParams(params: URLSearchParams, q: Partial<AnswerParams>): void {
  if (q.answer) params.set("answer", q.answer);
  for (const c of q.column ?? []) params.append("column", c);
}

/** The event's questions to filter by and to pick, and the where-clause of the chosen answer (null: none chosen). */
export async function answerView(db: DbTx, eventId: string, q: AnswerParams) {
  const [filterable, columns] = await Promise.all([filterableQuestions(db, eventId), columnQuestions(db, eventId)]);
  const filtered = q.answer ? (filterable.find((f) => f.id === q.answer!.split(":")[0]) ?? null) : null;
  const picked = q.column.flatMap((c) => columns.filter((x) => x.id === c));
  return {
    filterable: filterable.map((f) => ({ id: f.id, question: f.question, choices: filterChoices(f) })),
    columns,
    picked,
    where: q.answer ? answerFilter(eventId, q.answer, filtered) : null,
    /** The picked questions that have options to count (yes/no and choices), with what counting needs. */
    countable: picked.flatMap((p) => filterable.filter((f) => f.id === p.id)),
  };
}
export type AnswerView = Awaited<ReturnType<typeof answerView>>;

/**
 * The picked columns for one page of rows, and the counts per option of the
 * picked yes/no and choice questions over every proposal `where` keeps (not
 * just this page). `proposalIds` and `where` come from the caller's scope.
 */
export async function answerColumns(db: DbTx, eventId: string, view: AnswerView, proposalIds: string[], where: Prisma.ProposalWhereInput) {
  const [cells, counts] = await Promise.all([
    Promise.all(view.picked.map((c) => answerColumn(db, eventId, c.id, proposalIds))),
    Promise.all(view.countable.map((q) => countAnswers(db, q, where))),
  ]);
  return {
    /** Per proposal id, one text per picked column ("" when unanswered). */
    cellsOf: (proposalId: string) => cells.map((c) => c.get(proposalId) ?? ""),
    /** What the page shows: the filter's and the picker's choices, the picked columns, the counts. */
    shown: { filterable: view.filterable, columns: view.columns, picked: view.picked, counts },
  };
}
export type AnswersShown = Awaited<ReturnType<typeof answerColumns>>["shown"];
