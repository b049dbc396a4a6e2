import type { DbTx } from "@/lib/db";
import { PRETALX_ANSWER_SELECT, toPretalxAnswer } from "@/lib/questions/pretalx";
import type { ApiContext } from "./authenticate";
import type { Answer } from "./schemas";

/**
 * The answers to proposal questions of a batch of proposals (one query), by
 * proposal id, in pretalx's shape with the proposal's public code as
 * `submission`. Answers to personal-data questions only with the "personal"
 * scope. Speaker and review answers are not part of a submission.
 */
export async function submissionAnswers(
  db: DbTx,
  ctx: Pick<ApiContext, "scopes" | "event">,
  proposals: readonly { id: string; code: string }[],
): Promise<Map<string, Answer[]>> {
  const byId = new Map<string, Answer[]>(proposals.map((p) => [p.id, []]));
  if (proposals.length === 0) return byId;
  const code = new Map(proposals.map((p) => [p.id, p.code]));
  const rows = await db.answer.findMany({
    where: {
      proposalId: { in: proposals.map((p) => p.id) },
      question: { eventId: ctx.event.id, target: "SUBMISSION", ...(ctx.scopes.has("personal") ? {} : { personalData: false }) },
    },
    orderBy: [{ question: { position: "asc" } }, { id: "asc" }],
    select: PRETALX_ANSWER_SELECT,
  });
  for (const row of rows) {
    const answer = toPretalxAnswer(row);
    byId.get(row.proposalId!)!.push({ ...answer, submission: code.get(row.proposalId!) ?? null });
  }
  return byId;
}
