import { type SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireHandleable, type OrganizerScope } from "@/lib/auth/organizer-scope";
import { notFound } from "@/lib/errors";
import { seesSpeakers } from "@/lib/auth/visibility";
import type { EventRole } from "@/lib/events/access";
import { displayAnswer, type AnswerValue } from "./answer-values";
import { ANSWER_SELECT, FORM_SELECT, asValue, toForm } from "./form-select";
import type { Target } from "./kinds";
export type { FormQuestion } from "./kinds";

/**
 * The proposal form's questions (proposal and speaker questions of the event)
 * and the actor's answers: on the proposal when given (which must be theirs),
 * and their own speaker answers. The form hides questions not asked of the
 * chosen track and session type.
 */
export async function submitterQuestions(db: DbTx, actor: SignedIn, eventId: string, proposalId: string | null, now: Date) {
  const userId = actor.userId;
  if (proposalId) {
    const own = await db.proposal.count({ where: { id: proposalId, eventId, speakers: { some: { userId } } } });
    if (own === 0) throw notFound("This proposal");
  }
  const questions = await db.question.findMany({
    where: { eventId, target: { in: ["SUBMISSION", "SPEAKER"] } },
    select: FORM_SELECT,
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  const ids = questions.map((q) => q.id);
  const answers = ids.length
    ? await db.answer.findMany({
        where: { questionId: { in: ids }, OR: [...(proposalId ? [{ proposalId }] : []), { speakerId: userId }] },
        select: { ...ANSWER_SELECT, proposalId: true, speakerId: true },
      })
    : [];
  const target = new Map(questions.map((q) => [q.id, q.target]));
  const values: Record<string, AnswerValue> = {};
  for (const a of answers) {
    if ((target.get(a.questionId) === "SPEAKER") === (a.speakerId !== null)) values[a.questionId] = asValue(a);
  }
  return { questions: questions.map((q) => toForm(q, now)), values };
}

/** The review form's questions for one proposal and the reviewer's own answers (their review, if any). */
export async function reviewQuestions(
  db: DbTx,
  access: { userId: string; proposal: { id: string; eventId: string; trackId: string | null; sessionTypeId: string | null } },
  now: Date,
) {
  const questions = (
    await db.question.findMany({
      where: { eventId: access.proposal.eventId, target: "REVIEWER" },
      select: FORM_SELECT,
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    })
  ).filter((q) => appliesToProposal(q, access.proposal));
  const answers = questions.length
    ? await db.answer.findMany({
        where: { questionId: { in: questions.map((q) => q.id) }, review: { proposalId: access.proposal.id, reviewerId: access.userId } },
        select: ANSWER_SELECT,
      })
    : [];
  return { questions: questions.map((q) => toForm(q, now)), values: Object.fromEntries(answers.map((a) => [a.questionId, asValue(a)])) };
}

function appliesToProposal(
  q: { tracks: { id: string }[]; sessionTypes: { id: string }[] },
  p: { trackId: string | null; sessionTypeId: string | null },
) {
  return (
    (!q.tracks.length || q.tracks.some((t) => t.id === p.trackId)) &&
    (!q.sessionTypes.length || q.sessionTypes.some((s) => s.id === p.sessionTypeId))
  );
}

/** One answer as a page shows it. */
export type ShownAnswer = { questionId: string; question: string; target: Target; text: string; speaker: string | null };

const SHOWN_SELECT = {
  questionId: true,
  answer: true,
  options: { select: { id: true, position: true } },
  question: { select: { question: true, target: true, variant: true, position: true, options: { select: { id: true, answer: true } } } },
} as const;

type ShownRow = Prisma.AnswerGetPayload<{ select: typeof SHOWN_SELECT }> & { speaker?: { name: string | null } | null };
const shown = (rows: ShownRow[], speakerName = false): ShownAnswer[] =>
  rows
    .sort((a, b) => a.question.position - b.question.position)
    .map((a) => ({
      questionId: a.questionId,
      question: a.question.question,
      target: a.question.target,
      text: displayAnswer(a.question, asValue(a)),
      speaker: speakerName ? (a.speaker?.name ?? "A speaker") : null,
    }));

/**
 * The answers someone on the review team may read, for a proposal they were
 * let into (proposalForReviewer): proposal answers flagged for reviewers, and
 * speaker answers only when they may see who the speakers are (blind review
 * hides them: speaker answers are identity data). Organizers read every
 * answer on the proposal page (organizerAnswers). Hidden answers are never queried.
 */
export async function reviewerAnswers(
  db: DbTx,
  access: { role: EventRole; proposal: { id: string; event: { blindReview: boolean } } },
): Promise<ShownAnswer[]> {
  const proposalId = access.proposal.id;
  const [onProposal, onSpeakers] = await Promise.all([
    db.answer.findMany({ where: { proposalId, question: { target: "SUBMISSION", visibleToReviewers: true } }, select: SHOWN_SELECT }),
    seesSpeakers(access.role, access.proposal.event.blindReview)
      ? db.answer.findMany({
          where: {
            question: { target: "SPEAKER", visibleToReviewers: true, event: { proposals: { some: { id: proposalId } } } },
            speaker: { proposalRoles: { some: { proposalId } } },
          },
          select: { ...SHOWN_SELECT, speaker: { select: { name: true } } },
        })
      : [],
  ]);
  return [...shown(onProposal), ...shown(onSpeakers, true)];
}

/** Every answer about a proposal an organizer may handle: the proposal's, its speakers', and the reviews'. */
export async function organizerAnswers(db: DbTx, scope: OrganizerScope, proposalId: string) {
  const proposal = await requireHandleable(db, scope, proposalId, { id: true });
  const [onProposal, onSpeakers, onReviews] = await Promise.all([
    db.answer.findMany({ where: { proposalId: proposal.id }, select: SHOWN_SELECT }),
    db.answer.findMany({
      where: { question: { eventId: scope.eventId, target: "SPEAKER" }, speaker: { proposalRoles: { some: { proposalId } } } },
      select: { ...SHOWN_SELECT, speaker: { select: { name: true } } },
    }),
    db.answer.findMany({
      where: { review: { proposalId } },
      select: { ...SHOWN_SELECT, review: { select: { reviewer: { select: { name: true, email: true } } } } },
    }),
  ]);
  return {
    proposal: shown(onProposal),
    speakers: shown(onSpeakers, true),
    reviews: onReviews
      .sort((a, b) => a.question.position - b.question.position)
      .map((a) => ({
        questionId: a.questionId,
        question: a.question.question,
        reviewer: a.review?.reviewer.name || a.review?.reviewer.email || "A reviewer",
        text: displayAnswer(a.question, asValue(a)),
      })),
  };
}
