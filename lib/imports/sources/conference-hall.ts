import { z } from "zod";
import { levelOf, parseShape } from "../read-file";
import type { ImportedProposal, SourceReader } from "../types";

const named = z.object({ name: z.string() });
const proposal = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  title: z.string().min(1, "a proposal needs a title"),
  abstract: z.string().nullish(),
  references: z.string().nullish(),
  level: z.string().nullish(),
  deliberationStatus: z.string().nullish(),
  publicationStatus: z.string().nullish(),
  confirmationStatus: z.string().nullish(),
  formats: z.array(named).default([]),
  categories: z.array(named).default([]),
  speakers: z
    .array(
      z.object({
        name: z.string().nullish(),
        email: z.string().nullish(),
        bio: z.string().nullish(),
        company: z.string().nullish(),
      }),
    )
    .default([]),
});

// Conference Hall's event export: { name, …, proposals: [...] }, or the
// older bare list of proposals.
const schema = z.union([z.object({ proposals: z.array(proposal) }), z.array(proposal)]);

/** Conference Hall's deliberation × publication × confirmation (docs/decisions/0022). */
function statusOf(p: z.infer<typeof proposal>) {
  const decision = (p.deliberationStatus ?? "PENDING").toUpperCase();
  const published = (p.publicationStatus ?? "PUBLISHED").toUpperCase() === "PUBLISHED";
  const confirmation = (p.confirmationStatus ?? "").toUpperCase();
  if (decision === "ACCEPTED" && published) {
    if (confirmation === "CONFIRMED") return { status: "CONFIRMED" as const, pending: null };
    if (confirmation === "DECLINED") return { status: "DECLINED" as const, pending: null };
    return { status: "ACCEPTED" as const, pending: null };
  }
  if (decision === "REJECTED" && published) return { status: "REJECTED" as const, pending: null };
  if (decision === "ACCEPTED" || decision === "REJECTED")
    return { status: "SUBMITTED" as const, pending: decision as "ACCEPTED" | "REJECTED" };
  return { status: "SUBMITTED" as const, pending: null };
}

export const readConferenceHall: SourceReader = (json) => {
  const file = parseShape(schema, json);
  const list = Array.isArray(file) ? file : file.proposals;
  const proposals = list.map((p, i): ImportedProposal => {
    const { status, pending } = statusOf(p);
    return {
      path: Array.isArray(file) ? `[${i}]` : `proposals[${i}]`,
      sourceId: p.id,
      title: p.title,
      abstract: p.abstract ?? "",
      notes: p.references ?? "",
      level: levelOf(p.level),
      sessionType: p.formats[0] ? { name: p.formats[0].name, durationMinutes: 30 } : null,
      track: p.categories[0]?.name ?? null,
      status,
      pendingDecision: pending,
      speakers: p.speakers.map((s) => ({
        sourceId: null,
        name: s.name ?? s.email ?? "Speaker",
        email: s.email ?? null,
        bio: s.bio ?? "",
        company: s.company ?? "",
        website: "",
      })),
    };
  });
  // The event export carries no answers to the event's questions (Conference Hall calls them a survey).
  return { proposals, questions: [] };
};
