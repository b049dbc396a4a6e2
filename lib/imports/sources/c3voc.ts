import { z } from "zod";
import { levelOf, parseShape } from "../read-file";
import type { ImportedProposal, SourceReader } from "../types";

const person = z.object({
  id: z.number().optional(),
  guid: z.string().optional(),
  code: z.string().optional(),
  name: z.string().optional(),
  public_name: z.string().nullish(),
  full_name: z.string().nullish(),
  email: z.string().nullish(),
  biography: z.string().nullish(),
});

// The neutral c3voc submission (../shared/fixtures/interop/c3voc/submission-json/):
// one submission, or a list of them.
const submission = z.object({
  guid: z.string().min(1, "a submission needs its guid"),
  title: z.string().min(1, "a submission needs a title"),
  subtitle: z.string().nullish(),
  abstract: z.string(),
  description: z.string().nullish(),
  duration: z.number().nullish(),
  type: z.string().nullish(),
  track: z.string().nullish(),
  speakers: z.array(person),
});
const schema = z.union([z.array(submission), submission]);

export const readC3voc: SourceReader = (json) => {
  const file = parseShape(schema, json);
  const list = Array.isArray(file) ? file : [file];
  const proposals = list.map((s, i): ImportedProposal => ({
    path: Array.isArray(file) ? `[${i}]` : "the submission",
    sourceId: s.guid,
    title: s.title,
    abstract: [s.subtitle, s.abstract, s.description].filter(Boolean).join("\n\n"),
    notes: "",
    level: levelOf(null),
    // The schema says minutes; frab's exports give seconds (2700): more than 14 hours is read as seconds.
    sessionType: s.type ? { name: s.type, durationMinutes: minutes(s.duration) } : null,
    track: s.track || null,
    // The format carries no review state: an imported submission is submitted.
    status: "SUBMITTED",
    pendingDecision: null,
    speakers: s.speakers.map((p) => ({
      sourceId: p.guid ?? p.code ?? (p.id !== undefined ? String(p.id) : null),
      name: p.full_name || p.public_name || p.name || p.email || "Speaker",
      email: p.email ?? null,
      bio: p.biography ?? "",
      company: "",
      website: "",
    })),
  }));
  // The format has no questions.
  return { proposals, questions: [] };
};

function minutes(duration: number | null | undefined): number {
  if (!duration) return 30;
  return duration > 840 ? Math.round(duration / 60) : duration;
}
