import { z } from "zod";
import { levelOf, parseShape, textOf } from "../read-file";
import type { ImportedProposal, ImportedSpeaker, SourceReader } from "../types";

const text = z.unknown().transform(textOf);
const person = z.object({
  code: z.string(),
  name: text,
  email: z.string().nullish(),
  biography: z.string().nullish(),
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
  answers: z.array(z.object({ question: z.union([z.number(), z.object({ question: text })]), answer: z.string().nullish() })).default([]),
});

// pretalx's organizer API: a page ({ count, results }), a list, a single
// submission, or { submissions, speakers } with speakers by code.
const schema = z.union([
  z.object({ results: z.array(submission), speakers: z.array(person).optional() }),
  z.object({ submissions: z.array(submission), speakers: z.array(person).optional() }),
  z.array(submission),
  submission,
]);

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
  const file = parseShape(schema, json);
  let list: z.infer<typeof submission>[] = [file as z.infer<typeof submission>];
  let people: Person[] = [];
  let path = (_i: number) => "the submission";
  if (Array.isArray(file)) [list, path] = [file, (i) => `[${i}]`];
  else if ("results" in file) [list, people, path] = [file.results, file.speakers ?? [], (i) => `results[${i}]`];
  else if ("submissions" in file) [list, people, path] = [file.submissions, file.speakers ?? [], (i) => `submissions[${i}]`];
  const byCode = new Map(people.map((p) => [p.code, p]));

  return list.map((s, i): ImportedProposal => {
    const status = STATES[s.state] ?? { skip: `state "${s.state}" has no equivalent here` };
    const answers = s.answers
      .filter((a) => a.answer)
      .map((a) => `${typeof a.question === "number" ? `Question ${a.question}` : a.question.question}: ${a.answer}`);
    const type = s.submission_type ?? "";
    return {
      path: path(i),
      sourceId: s.code,
      title: s.title,
      abstract: [s.abstract, s.description].filter(Boolean).join("\n\n"),
      notes: [s.notes ?? "", ...answers].filter(Boolean).join("\n"),
      level: levelOf(null),
      sessionType: type ? { name: type, durationMinutes: s.duration ?? 30 } : null,
      track: textOf(s.track && typeof s.track === "object" && "name" in s.track ? s.track.name : s.track) || null,
      status,
      pendingDecision: status === "SUBMITTED" ? (PENDING[s.pending_state ?? ""] ?? null) : null,
      speakers: s.speakers.map((sp): ImportedSpeaker => {
        const p = typeof sp === "string" ? (byCode.get(sp) ?? { code: sp, name: sp }) : sp;
        return { sourceId: p.code, name: p.name || p.code, email: p.email ?? null, bio: p.biography ?? "", company: "", website: "" };
      }),
    };
  });
};
