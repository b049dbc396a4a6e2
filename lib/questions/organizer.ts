import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { organizerScope, type OrganizerScope } from "@/lib/auth/organizer-scope";
import { requireEventCapability } from "@/lib/events/access";
import { isChoice, type Variant } from "./kinds";

/** The event's questions for its settings page, with how many answers each has. */
export async function eventQuestions(db: DbTx, actorId: string | null | undefined, eventId: string) {
  await requireEventCapability(db, actorId, eventId, "event:edit");
  return db.question.findMany({
    where: { eventId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: {
      options: { orderBy: { position: "asc" } },
      tracks: { select: { id: true, name: true } },
      sessionTypes: { select: { id: true, name: true } },
      _count: { select: { answers: true } },
    },
  });
}
export type EventQuestion = Awaited<ReturnType<typeof eventQuestions>>[number];

/**
 * A ranking filter by an answer: "<questionId>:<optionId>" for a choice,
 * "<questionId>:true|false" for yes/no. Proposal questions match the
 * proposal's answer, speaker questions any of its speakers', review
 * questions any of its reviews'. Unknown shapes match nothing.
 */
export function answerFilter(
  eventId: string,
  filter: string,
  question: { id: string; target: string; variant: Variant } | null,
): Prisma.ProposalWhereInput {
  const [, value] = filter.split(":");
  if (!question || !value) return { id: { in: [] } };
  const match: Prisma.AnswerWhereInput = isChoice(question.variant)
    ? { questionId: question.id, options: { some: { id: value } } }
    : { questionId: question.id, answer: value };
  if (question.target === "SPEAKER") return { speakers: { some: { user: { answers: { some: match } } } }, eventId };
  if (question.target === "REVIEWER") return { reviews: { some: { answers: { some: match } } } };
  return { answers: { some: match } };
}

/** Questions the ranking can filter and count by: yes/no and choice questions, with their options. */
export function filterableQuestions(db: DbTx, eventId: string) {
  return db.question.findMany({
    where: { eventId, variant: { in: ["BOOLEAN", "CHOICES", "MULTIPLE_CHOICE"] } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      question: true,
      target: true,
      variant: true,
      options: { select: { id: true, answer: true }, orderBy: { position: "asc" } },
    },
  });
}
export type FilterableQuestion = Awaited<ReturnType<typeof filterableQuestions>>[number];

/** The filter's choices: each option (or yes / no) as "<questionId>:<value>". */
export function filterChoices(q: FilterableQuestion): { value: string; label: string }[] {
  const opts =
    q.variant === "BOOLEAN"
      ? [
          { id: "true", answer: "Yes" },
          { id: "false", answer: "No" },
        ]
      : q.options;
  return opts.map((o) => ({ value: `${q.id}:${o.id}`, label: o.answer }));
}

/**
 * How many of the proposals an organizer may handle picked each option
 * (speaker questions count answers of those proposals' speakers, review
 * questions count reviews), for the counts chart.
 */
export async function answerCounts(db: DbTx, actorId: string | null | undefined, eventId: string) {
  const scope: OrganizerScope = await organizerScope(db, actorId, eventId, "proposal:list-all");
  const questions = await filterableQuestions(db, eventId);
  return Promise.all(
    questions.map(async (q) => {
      const owner: Prisma.AnswerWhereInput =
        q.target === "SPEAKER"
          ? { speaker: { proposalRoles: { some: { proposal: scope.proposals } } } }
          : q.target === "REVIEWER"
            ? { review: { proposal: scope.proposals } }
            : { proposal: scope.proposals };
      const rows = await db.answer.findMany({
        where: { questionId: q.id, ...owner },
        select: { answer: true, options: { select: { id: true } } },
      });
      const counts = filterChoices(q).map((c) => {
        const v = c.value.slice(q.id.length + 1);
        const n = rows.filter((r) => (isChoice(q.variant) ? r.options.some((o) => o.id === v) : r.answer === v)).length;
        return { label: c.label, value: c.value, count: n };
      });
      return { id: q.id, question: q.question, target: q.target, variant: q.variant, answered: rows.length, counts };
    }),
  );
}
export type AnswerCount = Awaited<ReturnType<typeof answerCounts>>[number];
