// Answers to questions the organizers marked public (and not personal data):
// shown on the public programme once a talk is confirmed and published
// (lib/programme/snapshot.ts copies them into each release).
import type { DbTx } from "@/lib/db";
import { displayAnswer } from "./answer-values";
import { asValue } from "./form-select";

export type PublicAnswer = { question: string; answer: string };

const PUBLIC = { isPublic: true, personalData: false } as const;
const SELECT = {
  answer: true,
  proposalId: true,
  speakerId: true,
  options: { select: { id: true, position: true } },
  question: { select: { question: true, position: true, variant: true, options: { select: { id: true, answer: true } } } },
} as const;

type Row = {
  answer: string;
  proposalId: string | null;
  speakerId: string | null;
  options: { id: string; position: number }[];
  question: { question: string; position: number; variant: string; options: { id: string; answer: string }[] };
};

function byOwner(rows: Row[], owner: (r: Row) => string | null): Map<string, PublicAnswer[]> {
  const out = new Map<string, PublicAnswer[]>();
  for (const r of [...rows].sort((a, b) => a.question.position - b.question.position)) {
    const key = owner(r);
    const text = displayAnswer(r.question as Parameters<typeof displayAnswer>[0], asValue(r));
    if (!key || !text.trim()) continue;
    out.set(key, [...(out.get(key) ?? []), { question: r.question.question, answer: text }]);
  }
  return out;
}

/** Public answers of these proposals, and of these speakers to the event's speaker questions. */
export async function publicAnswers(tx: DbTx, eventId: string, proposalIds: string[], speakerIds: string[]) {
  const [proposals, speakers] = await Promise.all([
    tx.answer.findMany({
      where: { proposalId: { in: proposalIds }, question: { eventId, target: "SUBMISSION", ...PUBLIC } },
      select: SELECT,
    }),
    tx.answer.findMany({ where: { speakerId: { in: speakerIds }, question: { eventId, target: "SPEAKER", ...PUBLIC } }, select: SELECT }),
  ]);
  return { byProposal: byOwner(proposals, (r) => r.proposalId), bySpeaker: byOwner(speakers, (r) => r.speakerId) };
}
