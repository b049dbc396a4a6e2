// Custom questions as export columns (lib/exports/column-providers.ts): one
// column per question, its answers as text (option labels joined for
// choices). Proposal exports get the proposal questions, speaker exports the
// speaker questions (answered once per event), review exports the review
// questions. Questions marked as personal data only with the organizer's
// personal-data choice; a blind export (for reviewers) only the questions
// shown to reviewers.
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Cell } from "./csv";
import type { ExportColumn, ExportColumnOptions, ExportColumnProvider } from "./column-providers";
import type { ExportKind } from "./options";
import type { Target } from "@/lib/questions/kinds";

const TARGET: Record<ExportKind, Target> = { proposals: "SUBMISSION", speakers: "SPEAKER", reviews: "REVIEWER" };
const OWNER = { proposals: "proposalId", speakers: "speakerId", reviews: "reviewId" } as const;

const key = (questionId: string) => `question:${questionId}`;

function exportedQuestions(eventId: string, kind: ExportKind, opts: ExportColumnOptions): Prisma.QuestionWhereInput {
  return {
    eventId,
    target: TARGET[kind],
    ...(opts.personal ? {} : { personalData: false }),
    ...(opts.blind ? { visibleToReviewers: true } : {}),
  };
}

export const questionAnswerColumns: ExportColumnProvider = {
  name: "questions",
  async columns(db: Db, eventId: string, kind: ExportKind, opts: ExportColumnOptions): Promise<ExportColumn[]> {
    const questions = await db.question.findMany({
      where: exportedQuestions(eventId, kind, opts),
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, question: true },
    });
    return questions.map((q) => ({ key: key(q.id), label: q.question }));
  },
  async values(db: Db, eventId: string, kind: ExportKind, rowIds: string[], opts: ExportColumnOptions) {
    const out = new Map<string, Record<string, Cell>>();
    if (rowIds.length === 0) return out;
    const owner = OWNER[kind];
    const answers = await db.answer.findMany({
      where: { [owner]: { in: rowIds }, question: exportedQuestions(eventId, kind, opts) },
      select: {
        questionId: true,
        answer: true,
        proposalId: true,
        speakerId: true,
        reviewId: true,
        options: { orderBy: { position: "asc" }, select: { answer: true } },
      },
    });
    for (const a of answers) {
      const rowId = a[owner]!;
      const cells = out.get(rowId) ?? {};
      cells[key(a.questionId)] = a.options.length > 0 ? a.options.map((o) => o.answer).join(", ") : a.answer;
      out.set(rowId, cells);
    }
    return out;
  },
};
