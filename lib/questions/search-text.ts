// A proposal's answers as search text (lib/search/index-answers.ts), sorted by
// who may read them: answers shown to reviewers; answers about the speaker
// (identity data: never searched by a reviewer while review is blind); and
// answers hidden from reviewers or marked personal data (organizers only).
import type { DbTx } from "@/lib/db";
import { indexAnswers, type AnswerText } from "@/lib/search/index-answers";

type Row = {
  answer: string;
  options: { answer: string }[];
  question: { target: string; visibleToReviewers: boolean; personalData: boolean };
};

/** Text kinds store their value; choices their options' labels; yes/no and numbers carry no words worth finding. */
function words(a: Row): string {
  return [a.answer, ...a.options.map((o) => o.answer)].filter((w) => w && w !== "true" && w !== "false").join(" ");
}

export function answerText(rows: Row[]): AnswerText {
  const text: AnswerText = { answers: "", identity: "", internal: "" };
  for (const a of rows) {
    const w = words(a);
    if (!w) continue;
    const { target, visibleToReviewers, personalData } = a.question;
    const key = !visibleToReviewers || personalData ? "internal" : target === "SPEAKER" ? "identity" : "answers";
    text[key] = text[key] ? `${text[key]}\n${w}` : w;
  }
  return text;
}

/** Rewrites the proposals' answer text in the index: in the transaction that saved their (or their speakers') answers. */
export async function reindexAnswers(tx: DbTx, eventId: string, proposalIds: readonly string[]): Promise<void> {
  for (const proposalId of proposalIds) {
    const speakers = await tx.proposalSpeaker.findMany({ where: { proposalId }, select: { userId: true } });
    const rows = await tx.answer.findMany({
      where: {
        question: { eventId, target: { in: ["SUBMISSION", "SPEAKER"] } },
        OR: [{ proposalId }, { speakerId: { in: speakers.map((s) => s.userId) } }],
      },
      select: {
        answer: true,
        options: { select: { answer: true }, orderBy: { position: "asc" } },
        question: { select: { target: true, visibleToReviewers: true, personalData: true } },
      },
      orderBy: [{ question: { position: "asc" } }, { id: "asc" }],
    });
    await indexAnswers(tx, proposalId, answerText(rows));
  }
}
