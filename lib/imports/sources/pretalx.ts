import { z } from "zod";
import { levelOf, parseShape, textOf } from "../read-file";
import type { ImportedProposal, ImportedSpeaker, SourceReader } from "../types";
import { answerShape, PretalxQuestions, questionShape } from "./pretalx-questions";

const text = z.unknown().transform(textOf);
const extra = z.string().nullish();
const person = z.object({
  code: z.string(),
  name: text,
  email: z.string().nullish(),
  biography: z.string().nullish(),
  answers: z.array(answerShape).nullish(),
  // Extensions of this app's API and export (company and location with personal data only).
  company: extra,
  location: extra,
  website: extra,
  github: extra,
  mastodon: extra,
});
type Person = z.infer<typeof person>;

const submission = z.object({
  code: z.string().min(1),
  title: z.string().min(1, "a submission needs a title"),
  abstract: z.string().nullish(),
  description: z.string().nullish(),
  notes: z.string().nullish(),
  submission_type: text.optional(),
  track: z.unknown().optional(),
  state: z.string(),
  pending_state: z.string().nullish(),
  duration: z.number().nullish(),
  speakers: z.array(z.union([z.string(), person])).default([]),
  answers: z.array(answerShape).default([]),
  // Extensions of this app's API and export.
  level: z.string().nullish(),
  waitlisted: z.boolean().nullish(),
  pending_waitlisted: z.boolean().nullish(),
});

// pretalx's organizer API: a page ({ count, results }), a list, a single
// submission, or { submissions, speakers } with speakers by code; beside them,
// the event's `questions` (this app's export carries them, so answers by
// question id become answers to the same questions).
const extras = { speakers: z.array(person).optional(), questions: z.array(questionShape).optional() };
const page = z.object({ results: z.array(submission), ...extras });
const bundle = z.object({ submissions: z.array(submission), ...extras });
type Submission = z.infer<typeof submission>;
type Question = NonNullable<z.infer<typeof page>["questions"]>[number];
const has = (json: unknown, key: string) => typeof json === "object" && json !== null && key in json;

/** The file's shape is told by its keys first, so a problem is named at its path in that shape (a union names none). */
function readShape(json: unknown): { list: Submission[]; people: Person[]; listed: Question[]; path: (i: number) => string } {
  if (Array.isArray(json)) return { list: parseShape(z.array(submission), json), people: [], listed: [], path: (i) => `[${i}]` };
  for (const [key, schema] of [
    ["results", page],
    ["submissions", bundle],
  ] as const) {
    if (!has(json, key)) continue;
    const file = parseShape(schema, json);
    const list = "results" in file ? file.results : file.submissions;
    return { list, people: file.speakers ?? [], listed: file.questions ?? [], path: (i) => `${key}[${i}]` };
  }
  return { list: [parseShape(submission, json)], people: [], listed: [], path: () => "the submission" };
}

/** pretalx states (docs/decisions/0022): drafts and deleted submissions are not imported. */
const STATES: Record<string, ImportedProposal["status"]> = {
  submitted: "SUBMITTED",
  accepted: "ACCEPTED",
  confirmed: "CONFIRMED",
  rejected: "REJECTED",
  withdrawn: "WITHDRAWN",
  canceled: "DECLINED",
  draft: { skip: "a draft in pretalx (drafts stay their speaker's)" },
  deleted: { skip: "deleted in pretalx" },
};
const PENDING: Record<string, "ACCEPTED" | "REJECTED"> = { accepted: "ACCEPTED", confirmed: "ACCEPTED", rejected: "REJECTED" };

export const readPretalx: SourceReader = (json) => {
  const { list, people, listed, path } = readShape(json);
  const byCode = new Map(people.map((p) => [p.code, p]));
  const questions = new PretalxQuestions(listed);

  const speaker = (sp: string | Person): ImportedSpeaker => {
    // A speaker given by code is described in the file's `speakers`; one given inline may be described there too.
    const p = typeof sp === "string" ? (byCode.get(sp) ?? { code: sp, name: sp }) : { ...byCode.get(sp.code), ...sp };
    return {
      sourceId: p.code,
      name: p.name || p.code,
      email: p.email ?? null,
      bio: p.biography ?? "",
      ...{
        company: p.company ?? "",
        website: p.website ?? "",
        location: p.location ?? "",
        github: p.github ?? "",
        mastodon: p.mastodon ?? "",
      },
      answers: (p.answers ?? byCode.get(p.code)?.answers ?? []).map((a) => questions.answer(a, "SPEAKER")),
    };
  };

  const proposals = list.map((s, i): ImportedProposal => {
    const status = statusOf(s);
    const type = s.submission_type ?? "";
    return {
      path: path(i),
      sourceId: s.code,
      title: s.title,
      abstract: [s.abstract, s.description].filter(Boolean).join("\n\n"),
      notes: s.notes ?? "",
      level: levelOf(s.level),
      sessionType: type ? { name: type, durationMinutes: s.duration ?? 30 } : null,
      track: textOf(s.track && typeof s.track === "object" && "name" in s.track ? s.track.name : s.track) || null,
      status,
      pendingDecision:
        status === "SUBMITTED" || status === "WAITLISTED"
          ? (PENDING[s.pending_state ?? ""] ?? (s.pending_waitlisted && status === "SUBMITTED" ? "WAITLISTED" : null))
          : null,
      speakers: s.speakers.map(speaker),
      answers: s.answers.map((a) => questions.answer(a, "SUBMISSION")),
    };
  });
  return { proposals, questions: questions.all() };
};

/** pretalx's state, and this app's `waitlisted` extension (pretalx has no waitlist: a waitlisted proposal is "submitted" there). */
function statusOf(s: Submission): ImportedProposal["status"] {
  const status = STATES[s.state] ?? { skip: `state "${s.state}" has no equivalent here` };
  return status === "SUBMITTED" && s.waitlisted ? "WAITLISTED" : status;
}
