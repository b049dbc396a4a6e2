import { type SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { invalid, notFound } from "@/lib/errors";
import { readClock, type ClockOptions } from "@/lib/clock";
import { answerChanges, resolveAnswers } from "./resolve";
import { REQUIRED_MESSAGE, writeAnswer } from "./save-answers";
import { toForm, FORM_SELECT, asValue, ANSWER_SELECT } from "./form-select";
import type { AnswersInput } from "./schemas";
import { reindexAnswers } from "./search-text";

/** Events whose speaker questions the actor answers: those they speak on a proposal of (any status but withdrawn). */
export async function speakerQuestionsByEvent(db: DbTx, actor: SignedIn, options: ClockOptions = {}) {
  const userId = actor.userId;
  const now = readClock(options);
  const events = await db.event.findMany({
    where: {
      proposals: { some: { status: { not: "WITHDRAWN" }, speakers: { some: { userId } } } },
      questions: { some: { target: "SPEAKER" } },
    },
    orderBy: { cfpClosesAt: "desc" },
    select: {
      id: true,
      name: true,
      questions: { where: { target: "SPEAKER" }, select: FORM_SELECT, orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
    },
  });
  const answers = await db.answer.findMany({
    where: { speakerId: userId, questionId: { in: events.flatMap((e) => e.questions.map((q) => q.id)) } },
    select: ANSWER_SELECT,
  });
  const values = Object.fromEntries(answers.map((a) => [a.questionId, asValue(a)]));
  return events.map((e) => ({ id: e.id, name: e.name, questions: e.questions.map((q) => toForm(q, now)), values }));
}

/**
 * A speaker answers an event's speaker questions from their profile. Only
 * someone speaking on a proposal of the event may; once one of theirs is
 * submitted, required answers must stay answered, and changes go to the
 * activity log of each of their submitted proposals there.
 */
export async function saveSpeakerAnswers(db: Db, actor: SignedIn, eventId: string, raw: AnswersInput, options: ClockOptions = {}) {
  const userId = actor.userId;
  const now = readClock(options);
  return db.$transaction(async (tx) => {
    const proposals = await tx.proposal.findMany({
      where: { eventId, status: { not: "WITHDRAWN" }, speakers: { some: { userId } } },
      select: { id: true, status: true },
    });
    if (proposals.length === 0) throw notFound("This event");
    const questions = await tx.question.findMany({
      where: { eventId, target: "SPEAKER" },
      include: { options: { orderBy: { position: "asc" } } },
      orderBy: { position: "asc" },
    });
    const stored = await tx.answer.findMany({
      where: { speakerId: userId, questionId: { in: questions.map((q) => q.id) } },
      select: ANSWER_SELECT,
    });
    const submitted = proposals.filter((p) => p.status !== "DRAFT");
    const { writes, errors } = resolveAnswers(questions, new Map(stored.map((a) => [a.questionId, asValue(a)])), raw, {
      now,
      enforceRequired: submitted.length > 0,
    });
    if (Object.keys(errors).length > 0) throw invalid(REQUIRED_MESSAGE, errors);
    for (const w of writes) await writeAnswer(tx, w, { speakerId: userId });
    if (writes.length > 0) {
      await reindexAnswers(
        tx,
        eventId,
        proposals.map((p) => p.id),
      );
      for (const p of submitted)
        await recordActivity(tx, { proposalId: p.id, actorId: userId, kind: "answers", data: { changes: answerChanges(writes) } });
    }
    return { changed: writes.length };
  });
}
