import type { DbTx } from "@/lib/db";
import type { PlannedQuestion, QuestionPlan, ResolvedAnswer } from "./questions";
import type { ImportedAnswer } from "./types";

/** Resolves a list of answers; those without a question here go to `lines` (for the notes). */
export function resolveAll(
  questions: QuestionPlan,
  target: "SUBMISSION" | "SPEAKER",
  answers: readonly ImportedAnswer[],
  lines: string[],
  line: (a: ImportedAnswer) => string,
): ResolvedAnswer[] {
  const out: ResolvedAnswer[] = [];
  for (const a of answers) {
    const r = questions.resolve(target, a);
    if (r === "empty") continue;
    if (r === null) {
      if (a.text.trim()) lines.push(line(a));
    } else if (!out.some((x) => x.question === r.question)) out.push(r);
  }
  return out;
}

/** "userId:questionId" for the answers people already have to the event's questions the file matched: they keep them. */
export async function existingSpeakerAnswers(tx: DbTx, userIds: string[], questions: PlannedQuestion[]): Promise<Set<string>> {
  const questionIds = questions.flatMap((q) => (q.action === "match" && q.target === "SPEAKER" && q.questionId ? [q.questionId] : []));
  if (userIds.length === 0 || questionIds.length === 0) return new Set();
  const rows = await tx.answer.findMany({
    where: { speakerId: { in: [...new Set(userIds)] }, questionId: { in: questionIds } },
    select: { speakerId: true, questionId: true },
  });
  return new Set(rows.map((r) => `${r.speakerId}:${r.questionId}`));
}
