import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readClock, type ClockOptions } from "@/lib/clock";
import { toPretalxQuestion } from "@/lib/questions/pretalx";
import type { ApiContext } from "./authenticate";
import { ApiError } from "./errors";
import { skipTake } from "./paging";
import type { Paging } from "./query";
import { questionSchema } from "./schemas";

// The event's custom questions (ADR 0018) in pretalx's shape
// (lib/questions/pretalx.ts). Every question of the event: the token's
// creator organizes it, and organizers see all of them.

const QUESTION_INCLUDE = {
  options: { orderBy: { position: "asc" } },
  tracks: { select: { id: true } },
  sessionTypes: { select: { id: true } },
} satisfies Prisma.QuestionInclude;

async function timeZoneOf(db: Db, ctx: ApiContext) {
  return (await db.event.findUniqueOrThrow({ where: { id: ctx.event.id }, select: { timeZone: true } })).timeZone;
}

/** One page of the event's questions, in the order the forms show them. */
export async function listQuestions(db: Db, ctx: ApiContext, q: Paging, options: ClockOptions = {}) {
  const now = readClock(options);
  const where = { eventId: ctx.event.id };
  const [count, rows, timeZone] = await Promise.all([
    db.question.count({ where }),
    db.question.findMany({
      where,
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      ...skipTake(q),
      include: QUESTION_INCLUDE,
    }),
    timeZoneOf(db, ctx),
  ]);
  return { count, results: rows.map((r) => questionSchema.parse(toPretalxQuestion(r, now, timeZone))) };
}

/** One question of the event by its id; "not found" for another event's. */
export async function getQuestion(db: Db, ctx: ApiContext, id: string, options: ClockOptions = {}) {
  const row = await db.question.findFirst({ where: { id, eventId: ctx.event.id }, include: QUESTION_INCLUDE });
  if (!row) throw new ApiError("not_found", "No question with this id.");
  return questionSchema.parse(toPretalxQuestion(row, readClock(options), await timeZoneOf(db, ctx)));
}
