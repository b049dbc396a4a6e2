import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { organizerScope, type OrganizerScope } from "@/lib/auth/organizer-scope";
import { isChoice, type Variant } from "./kinds";
import { displayAnswer } from "./answer-values";

/** The event's questions for its settings page, with how many answers each has. */
export async function eventQuestions(db: DbTx, actor: SignedIn, eventId: string) {
  await authorizeEvent(db, actor, eventId, "event:edit");
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
export async function answerCounts(db: DbTx, actor: SignedIn, eventId: string) {
  const scope: OrganizerScope = await organizerScope(db, actor, eventId, "proposal:list-all");
  const questions = await filterableQuestions(db, eventId);
  return Promise.all(questions.map((q) => countAnswers(db, q, scope.proposals)));
}

/**
 * One yes/no or choice question's answers counted per option over the
 * proposals `proposals` matches (the caller scopes it): the proposals'
 * answers, their speakers' (each speaker once), or their reviews'.
 */
export async function countAnswers(db: DbTx, q: FilterableQuestion, proposals: Prisma.ProposalWhereInput) {
  const owner: Prisma.AnswerWhereInput =
    q.target === "SPEAKER"
      ? { speaker: { proposalRoles: { some: { proposal: proposals } } } }
      : q.target === "REVIEWER"
        ? { review: { proposal: proposals } }
        : { proposal: proposals };
  const where = { questionId: q.id, ...owner };
  const [answered, counts] = await Promise.all([
    db.answer.count({ where }),
    Promise.all(
      filterChoices(q).map(async (c) => {
        const v = c.value.slice(q.id.length + 1);
        const count = await db.answer.count({
          where: { ...where, ...(isChoice(q.variant) ? { options: { some: { id: v } } } : { answer: v }) },
        });
        return { label: c.label, value: c.value, count };
      }),
    ),
  ]);
  return { id: q.id, question: q.question, target: q.target, variant: q.variant, answered, counts };
}
export type AnswerCount = Awaited<ReturnType<typeof countAnswers>>;

/**
 * One question's answers for the proposals on a ranking page, as text by
 * proposal id: the proposal's answer, its speakers' ("Mara: Yes; Jonas: No"),
 * or its reviews' tallied ("High ×2, Low"). Only `proposalIds` the caller
 * already scoped are read.
 */
export async function answerColumn(db: DbTx, eventId: string, questionId: string, proposalIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const question = await db.question.findFirst({
    where: { id: questionId, eventId },
    select: { id: true, target: true, variant: true, options: { select: { id: true, answer: true } } },
  });
  if (!question || proposalIds.length === 0) return out;
  const show = (a: { answer: string; options: { id: string; position: number }[] }) =>
    displayAnswer(question, { answer: a.answer, optionIds: [...a.options].sort((x, y) => x.position - y.position).map((o) => o.id) });
  const select = { answer: true, options: { select: { id: true, position: true } } } as const;
  if (question.target === "SUBMISSION") {
    const rows = await db.answer.findMany({
      where: { questionId, proposalId: { in: proposalIds } },
      select: { ...select, proposalId: true },
    });
    for (const r of rows) out.set(r.proposalId!, show(r));
  } else if (question.target === "SPEAKER") {
    const speakers = await db.proposalSpeaker.findMany({
      where: { proposalId: { in: proposalIds } },
      select: { proposalId: true, user: { select: { name: true, email: true, answers: { where: { questionId }, select } } } },
    });
    for (const s of speakers) {
      const a = s.user.answers[0];
      if (!a) continue;
      const line = `${s.user.name || s.user.email}: ${show(a)}`;
      out.set(s.proposalId, out.has(s.proposalId) ? `${out.get(s.proposalId)}; ${line}` : line);
    }
  } else {
    const rows = await db.answer.findMany({
      where: { questionId, review: { proposalId: { in: proposalIds } } },
      select: { ...select, review: { select: { proposalId: true } } },
    });
    const tally = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const byText = tally.get(r.review!.proposalId) ?? new Map<string, number>();
      const text = show(r);
      byText.set(text, (byText.get(text) ?? 0) + 1);
      tally.set(r.review!.proposalId, byText);
    }
    for (const [id, byText] of tally) out.set(id, [...byText].map(([t, n]) => (n > 1 ? `${t} ×${n}` : t)).join(", "));
  }
  return out;
}

/** Every question of the event, for the ranking's column picker. */
export function columnQuestions(db: DbTx, eventId: string) {
  return db.question.findMany({
    where: { eventId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, question: true },
  });
}
