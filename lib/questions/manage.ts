import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import { randomBytes } from "node:crypto";
import type { Db, DbTx } from "@/lib/db";
import { zonedLocalToUtc } from "@/lib/events/time-zone";
import { conflict, invalid, isDomainError, notFound } from "@/lib/errors";
import type { QuestionInput } from "./schemas";

/** An organizer of the question's event (event:edit), or "not found" for anyone else. */
async function questionOfOrganizer(db: DbTx, actor: SignedIn, questionId: string) {
  const question = await db.question.findUnique({
    where: { id: questionId },
    include: {
      event: { select: { id: true, timeZone: true } },
      options: { orderBy: { position: "asc" } },
      _count: { select: { answers: true } },
    },
  });
  if (!question) throw notFound("This question");
  await authorizeEvent(db, actor, question.eventId, "event:edit").catch((e: unknown) => {
    throw isDomainError(e) && e.code === "not_found" ? notFound("This question") : e;
  });
  return question;
}

/** Track and session type ids must be the event's own. */
async function assertLimits(db: DbTx, eventId: string, input: QuestionInput) {
  const [tracks, types] = await Promise.all([
    db.track.count({ where: { eventId, id: { in: input.trackIds } } }),
    db.sessionType.count({ where: { eventId, id: { in: input.sessionTypeIds } } }),
  ]);
  if (tracks !== new Set(input.trackIds).size) throw invalid("Choose tracks of this event.", { trackIds: "Choose tracks of this event." });
  if (types !== new Set(input.sessionTypeIds).size) {
    throw invalid("Choose session types of this event.", { sessionTypeIds: "Choose session types of this event." });
  }
}

function columns(input: QuestionInput, timeZone: string) {
  const at = (local: string | null) => (local ? zonedLocalToUtc(local, timeZone) : null);
  const deadline = at(input.deadline);
  const freezeAfter = at(input.freezeAfter);
  if (input.deadline && !deadline)
    throw invalid("That date does not exist in the event's time zone.", { deadline: "Choose another time." });
  if (input.freezeAfter && !freezeAfter) {
    throw invalid("That date does not exist in the event's time zone.", { freezeAfter: "Choose another time." });
  }
  return {
    target: input.target,
    variant: input.variant,
    question: input.question,
    helpText: input.helpText,
    requirement: input.requirement,
    deadline,
    freezeAfter,
    minLength: input.minLength,
    maxLength: input.maxLength,
    minNumber: input.minNumber,
    maxNumber: input.maxNumber,
    minDate: input.minDate,
    maxDate: input.maxDate,
    minChoices: input.minChoices,
    maxChoices: input.maxChoices,
    visibleToReviewers: input.visibleToReviewers,
    isPublic: input.isPublic,
    personalData: input.personalData,
  };
}

/** Like pretalx's option identifiers: random, stable when the label changes. */
export const newOptionIdentifier = () =>
  randomBytes(6)
    .toString("base64url")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "X")
    .slice(0, 8);

export async function createQuestion(db: Db, actor: SignedIn, eventId: string, input: QuestionInput) {
  await authorizeEvent(db, actor, eventId, "event:edit");
  await assertLimits(db, eventId, input);
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, select: { timeZone: true } });
  const data = columns(input, event.timeZone);
  return db.$transaction(async (tx) => {
    const last = await tx.question.aggregate({ where: { eventId }, _max: { position: true } });
    return tx.question.create({
      data: {
        ...data,
        eventId,
        position: (last._max.position ?? -1) + 1,
        tracks: { connect: input.trackIds.map((id) => ({ id })) },
        sessionTypes: { connect: input.sessionTypeIds.map((id) => ({ id })) },
        options: { create: input.options.map((answer, position) => ({ answer, position, identifier: newOptionIdentifier() })) },
      },
    });
  });
}

/**
 * Options are matched by their text: kept ones keep their identifier and
 * answers, new lines become new options, removed ones leave the answers
 * that picked them. The kind cannot change once there are answers.
 */
export async function updateQuestion(db: Db, actor: SignedIn, questionId: string, input: QuestionInput) {
  const question = await questionOfOrganizer(db, actor, questionId);
  if (question.variant !== input.variant && question._count.answers > 0) {
    throw conflict("This question already has answers, so its kind cannot change.");
  }
  await assertLimits(db, question.eventId, input);
  const data = columns(input, question.event.timeZone);
  const byText = new Map(question.options.map((o) => [o.answer.toLowerCase(), o]));
  return db.$transaction(async (tx) => {
    const kept = new Set<string>();
    for (const [position, answer] of input.options.entries()) {
      const existing = byText.get(answer.toLowerCase());
      if (existing) {
        kept.add(existing.id);
        await tx.questionOption.update({ where: { id: existing.id }, data: { answer, position } });
      } else {
        await tx.questionOption.create({ data: { questionId, answer, position, identifier: newOptionIdentifier() } });
      }
    }
    await tx.questionOption.deleteMany({ where: { questionId, id: { notIn: [...kept] }, answer: { notIn: input.options } } });
    return tx.question.update({
      where: { id: questionId },
      data: {
        ...data,
        tracks: { set: input.trackIds.map((id) => ({ id })) },
        sessionTypes: { set: input.sessionTypeIds.map((id) => ({ id })) },
      },
    });
  });
}

/** Deleting a question deletes its answers: refused unless the organizer confirmed it knowing how many. */
export async function deleteQuestion(db: Db, actor: SignedIn, questionId: string, confirmAnswers: boolean) {
  const question = await questionOfOrganizer(db, actor, questionId);
  const n = question._count.answers;
  if (n > 0 && !confirmAnswers) {
    throw conflict(`This question has ${n} ${n === 1 ? "answer" : "answers"}. Tick “Also delete the answers” to delete it.`);
  }
  await db.question.delete({ where: { id: questionId } });
  return { eventId: question.eventId };
}

/** Moves a question one place up or down among its event's questions. */
export async function moveQuestion(db: Db, actor: SignedIn, questionId: string, direction: "up" | "down") {
  const question = await questionOfOrganizer(db, actor, questionId);
  return db.$transaction(async (tx) => {
    const all = await tx.question.findMany({
      where: { eventId: question.eventId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const i = all.findIndex((q) => q.id === questionId);
    const j = direction === "up" ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= all.length) return { eventId: question.eventId };
    [all[i], all[j]] = [all[j], all[i]];
    for (const [position, q] of all.entries()) await tx.question.update({ where: { id: q.id }, data: { position } });
    return { eventId: question.eventId };
  });
}
