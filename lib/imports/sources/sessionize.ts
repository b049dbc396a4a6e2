import { z } from "zod";
import type { Variant } from "@/lib/questions/kinds";
import { importedQuestion } from "../question-values";
import { levelOf, parseShape } from "../read-file";
import type { ImportedAnswer, ImportedProposal, ImportedQuestion, SourceReader } from "../types";

const id = z.union([z.string(), z.number()]).transform(String);
const text = z
  .string()
  .nullish()
  .transform((v) => v ?? "");

// Sessionize's "All data" API view (View/All): sessions refer to speakers,
// category items, questions and rooms by id.
const schema = z.object({
  sessions: z.array(
    z.object({
      id,
      title: z.string().min(1, "a session needs a title"),
      description: text,
      isServiceSession: z.boolean().optional(),
      speakers: z.array(id).default([]),
      categoryItems: z.array(id).default([]),
      questionAnswers: z.array(z.object({ questionId: id, answerValue: text })).default([]),
      status: z.string().nullish(),
      isConfirmed: z.boolean().nullish(),
    }),
  ),
  speakers: z
    .array(
      z.object({
        id,
        firstName: text,
        lastName: text,
        fullName: text,
        bio: text,
        tagLine: text,
        email: z.string().nullish(),
        links: z.array(z.object({ url: text, linkType: text })).default([]),
        questionAnswers: z.array(z.object({ questionId: id, answerValue: text })).default([]),
      }),
    )
    .default([]),
  categories: z.array(z.object({ id, title: text, items: z.array(z.object({ id, name: z.string() })).default([]) })).default([]),
  questions: z.array(z.object({ id, question: text, questionType: text })).default([]),
  rooms: z.array(z.object({ id, name: text })).default([]),
});

/** Sessionize statuses (the table in docs/decisions/0022-webhooks-and-imports.md). */
function statusOf(status: string | null | undefined, confirmed: boolean) {
  switch ((status ?? "").toLowerCase()) {
    case "accepted":
      return { status: confirmed ? ("CONFIRMED" as const) : ("ACCEPTED" as const), pending: null };
    case "declined":
      return { status: "REJECTED" as const, pending: null };
    case "waitlisted":
      return { status: "WAITLISTED" as const, pending: null };
    case "accept_queue":
      return { status: "SUBMITTED" as const, pending: "ACCEPTED" as const };
    case "decline_queue":
      return { status: "SUBMITTED" as const, pending: "REJECTED" as const };
    default:
      return { status: "SUBMITTED" as const, pending: null };
  }
}

export const readSessionize: SourceReader = (json) => {
  const file = parseShape(schema, json);
  const speakers = new Map(file.speakers.map((s) => [s.id, s]));
  const items = new Map<string, { category: string; name: string }>();
  for (const c of file.categories) for (const i of c.items) items.set(i.id, { category: c.title.toLowerCase(), name: i.name });
  const answers = (list: { questionId: string; answerValue: string }[]): ImportedAnswer[] =>
    list.map((a) => ({ question: a.questionId, text: a.answerValue, options: [] }));

  const proposals = file.sessions.map((s, i): ImportedProposal => {
    const chosen = s.categoryItems.map((id) => items.get(id)).filter((x) => x !== undefined);
    const pick = (pattern: RegExp) => chosen.find((c) => pattern.test(c.category))?.name ?? null;
    const format = pick(/format|type/);
    const { status, pending } = statusOf(s.status, s.isConfirmed === true);
    return {
      path: `sessions[${i}]`,
      sourceId: s.id,
      title: s.title,
      abstract: s.description,
      notes: "",
      answers: answers(s.questionAnswers),
      level: levelOf(pick(/level/)),
      sessionType: format ? { name: format, durationMinutes: minutesIn(format) ?? 30 } : null,
      track: pick(/track|topic/),
      status: s.isServiceSession ? { skip: "a service session (break, lunch), not a proposal" } : status,
      pendingDecision: pending,
      speakers: s.speakers.map((sid) => {
        const p = speakers.get(sid);
        return {
          sourceId: sid,
          name: p ? p.fullName || `${p.firstName} ${p.lastName}`.trim() : sid,
          email: p?.email ?? null,
          bio: p?.bio ?? "",
          company: p?.tagLine ?? "",
          website: p?.links.find((l) => /blog|company|website/i.test(l.linkType))?.url ?? "",
          answers: answers(p?.questionAnswers ?? []),
        };
      }),
    };
  });
  return { proposals, questions: questionsOf(file) };
};

/** Sessionize's question types, as far as they have an equal here; the rest (drop-downs without their options) are long text. */
function variantOf(type: string): Variant {
  const t = type.toLowerCase().replace(/[^a-z]/g, "");
  if (t === "shorttext") return "STRING";
  if (/^(yesno|checkbox|boolean)$/.test(t)) return "BOOLEAN";
  if (/^(number|numeric)$/.test(t)) return "NUMBER";
  if (t === "date") return "DATE";
  if (/^(weburl|url|link)$/.test(t)) return "URL";
  return "TEXT";
}

/** The file's questions: asked of speakers when speakers answer them, else of sessions. */
function questionsOf(file: z.infer<typeof schema>): ImportedQuestion[] {
  const ofSpeakers = new Set(file.speakers.flatMap((p) => p.questionAnswers.map((a) => a.questionId)));
  const ofSessions = new Set(file.sessions.flatMap((s) => s.questionAnswers.map((a) => a.questionId)));
  return file.questions.map((q) =>
    importedQuestion({
      sourceId: q.id,
      target: ofSpeakers.has(q.id) && !ofSessions.has(q.id) ? "SPEAKER" : "SUBMISSION",
      question: q.question || `Question ${q.id}`,
      variant: variantOf(q.questionType),
    }),
  );
}

/** "Conference Session (45 min. incl. Q&A)" lasts 45 minutes. */
function minutesIn(name: string): number | null {
  const m = /(\d{1,3})\s*(min|minutes|')/i.exec(name);
  return m ? Number(m[1]) : null;
}
