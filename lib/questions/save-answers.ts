import type { DbTx } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { invalid } from "@/lib/errors";
import type { AnswerValue } from "./answer-values";
import { appliesTo } from "./rules";
import { answerChanges, resolveAnswers, type AnswerWrite } from "./resolve";
import type { AnswersInput } from "./schemas";
import { reindexAnswers } from "./search-text";

const QUESTION_INCLUDE = {
  options: { orderBy: { position: "asc" } },
  tracks: { select: { id: true } },
  sessionTypes: { select: { id: true } },
} as const;

type Stored = { questionId: string; answer: string; options: { id: string; position: number }[] };
const asValue = (a: Stored): AnswerValue => ({
  answer: a.answer,
  optionIds: [...a.options].sort((x, y) => x.position - y.position).map((o) => o.id),
});

export const REQUIRED_MESSAGE = "Please check the answers marked below.";

/**
 * A speaker's answers from the proposal form, in the proposal's transaction:
 * proposal questions on the proposal, speaker questions on the speaker (once
 * per event). Only questions asked of this proposal's track and session type
 * count. Required answers are enforced when submitting and once submitted;
 * a draft saves without them. After submission, changes go to the activity log.
 */
export async function saveSubmitterAnswers(
  tx: DbTx,
  ctx: {
    eventId: string;
    proposalId: string;
    userId: string;
    trackId: string | null;
    sessionTypeId: string | null;
    /** The status before this save. */
    status: string;
    submitting: boolean;
    now: Date;
  },
  raw: AnswersInput,
) {
  const questions = (
    await tx.question.findMany({
      where: { eventId: ctx.eventId, target: { in: ["SUBMISSION", "SPEAKER"] } },
      include: QUESTION_INCLUDE,
      orderBy: { position: "asc" },
    })
  ).filter((q) => appliesTo(q, ctx));
  if (questions.length === 0) return;
  const ids = questions.map((q) => q.id);
  const stored = await tx.answer.findMany({
    where: { questionId: { in: ids }, OR: [{ proposalId: ctx.proposalId }, { speakerId: ctx.userId }] },
    select: { questionId: true, answer: true, proposalId: true, speakerId: true, options: { select: { id: true, position: true } } },
  });
  const target = new Map(questions.map((q) => [q.id, q.target]));
  const existing = new Map(
    stored
      .filter((a) => (target.get(a.questionId) === "SPEAKER" ? a.speakerId === ctx.userId : a.proposalId === ctx.proposalId))
      .map((a) => [a.questionId, asValue(a)]),
  );
  const { writes, errors } = resolveAnswers(questions, existing, raw, {
    now: ctx.now,
    enforceRequired: ctx.submitting || ctx.status !== "DRAFT",
  });
  if (Object.keys(errors).length > 0) throw invalid(REQUIRED_MESSAGE, errors);
  for (const w of writes) {
    const owner = target.get(w.question.id) === "SPEAKER" ? { speakerId: ctx.userId } : { proposalId: ctx.proposalId };
    await writeAnswer(tx, w, owner);
  }
  if (writes.length > 0) await reindexAnswers(tx, ctx.eventId, [ctx.proposalId]);
  if (ctx.status !== "DRAFT" && writes.length > 0) {
    await recordActivity(tx, {
      proposalId: ctx.proposalId,
      actorId: ctx.userId,
      kind: "answers",
      data: { changes: answerChanges(writes) },
    });
  }
}

/** A reviewer's answers to the review questions, in the review's transaction; required ones must be answered. */
export async function saveReviewAnswers(
  tx: DbTx,
  ctx: { eventId: string; reviewId: string; trackId: string | null; sessionTypeId: string | null; now: Date },
  raw: AnswersInput,
) {
  const questions = (
    await tx.question.findMany({
      where: { eventId: ctx.eventId, target: "REVIEWER" },
      include: QUESTION_INCLUDE,
      orderBy: { position: "asc" },
    })
  ).filter((q) => appliesTo(q, ctx));
  if (questions.length === 0) return;
  const stored = await tx.answer.findMany({
    where: { reviewId: ctx.reviewId, questionId: { in: questions.map((q) => q.id) } },
    select: { questionId: true, answer: true, options: { select: { id: true, position: true } } },
  });
  const existing = new Map(stored.map((a) => [a.questionId, asValue(a)]));
  const { writes, errors } = resolveAnswers(questions, existing, raw, { now: ctx.now, enforceRequired: true });
  if (Object.keys(errors).length > 0) throw invalid(REQUIRED_MESSAGE, errors);
  for (const w of writes) await writeAnswer(tx, w, { reviewId: ctx.reviewId });
}

type Owner = { proposalId: string } | { speakerId: string } | { reviewId: string };

function uniqueWhere(questionId: string, owner: Owner) {
  if ("proposalId" in owner) return { questionId_proposalId: { questionId, proposalId: owner.proposalId } };
  if ("speakerId" in owner) return { questionId_speakerId: { questionId, speakerId: owner.speakerId } };
  return { questionId_reviewId: { questionId, reviewId: owner.reviewId } };
}

export async function writeAnswer(tx: DbTx, w: AnswerWrite, owner: Owner) {
  const questionId = w.question.id;
  if (w.value === null) {
    await tx.answer.deleteMany({ where: { questionId, ...owner } });
    return;
  }
  const options = w.value.optionIds.map((id) => ({ id }));
  await tx.answer.upsert({
    where: uniqueWhere(questionId, owner),
    create: { questionId, ...owner, answer: w.value.answer, options: { connect: options } },
    update: { answer: w.value.answer, options: { set: options } },
  });
}
