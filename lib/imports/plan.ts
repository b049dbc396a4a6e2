import type { DbTx } from "@/lib/db";
import { LIMITS } from "@/lib/text/proposal-limits";
import type { ProposalStatus } from "@/lib/lifecycle/state-machine";
import { speakerIdentity } from "./speakers";
import type { ImportedProposal } from "./types";

export type PlannedSpeaker = {
  name: string;
  /** The address to show (null when the file has none). */
  email: string | null;
  action: "create" | "match";
  /** For "match": the existing user. For "create": the address the new user gets. */
  userId: string | null;
  accountEmail: string;
  sourceId: string | null;
};

export type PlannedRow = {
  path: string;
  sourceId: string;
  title: string;
  action: "create" | "skip";
  reason: string | null;
  status: ProposalStatus | null;
  speakers: PlannedSpeaker[];
  sessionType: string;
  track: string | null;
  source: ImportedProposal;
};

export type ImportPlan = {
  rows: PlannedRow[];
  counts: { create: number; skip: number; speakersCreated: number; speakersMatched: number };
  newSessionTypes: { name: string; durationMinutes: number }[];
  newTracks: string[];
};

/**
 * What importing `proposals` into the event would do, row by row, without
 * writing anything: the preview shows it, and the import computes it again
 * inside its transaction and carries it out.
 */
export async function planImport(tx: DbTx, eventId: string, source: string, proposals: ImportedProposal[]): Promise<ImportPlan> {
  const [done, sessionTypes, tracks] = await Promise.all([
    tx.importRecord.findMany({ where: { eventId, source }, select: { kind: true, sourceId: true, targetId: true } }),
    tx.sessionType.findMany({ where: { eventId }, orderBy: { position: "asc" }, select: { name: true } }),
    tx.track.findMany({ where: { eventId }, select: { name: true } }),
  ]);
  const imported = new Set(done.filter((r) => r.kind === "proposal").map((r) => r.sourceId));
  const knownSpeakers = new Map(done.filter((r) => r.kind === "speaker").map((r) => [r.sourceId, r.targetId]));
  const identities = proposals.flatMap((p) => p.speakers.map((s) => speakerIdentity(source, s)));
  const users = await tx.user.findMany({
    where: { email: { in: [...new Set(identities.map((i) => i.email))] }, deletedAt: null },
    select: { id: true, email: true },
  });
  const userByEmail = new Map(users.map((u) => [u.email, u.id]));

  const typeNames = new Map(sessionTypes.map((t) => [t.name.toLowerCase(), t.name]));
  const trackNames = new Map(tracks.map((t) => [t.name.toLowerCase(), t.name]));
  const newSessionTypes = new Map<string, { name: string; durationMinutes: number }>();
  const newTracks = new Map<string, string>();
  const creating = new Set<string>();
  const seen = new Set<string>();

  const rows = proposals.map((p): PlannedRow => {
    const reason = skipReason(p, imported, seen);
    seen.add(p.sourceId);
    const base = { path: p.path, sourceId: p.sourceId, title: p.title, source: p };
    if (reason) return { ...base, action: "skip", reason, status: null, speakers: [], sessionType: "", track: null };

    const speakers = p.speakers.map((s): PlannedSpeaker => {
      const id = speakerIdentity(source, s);
      const existing = (s.sourceId && knownSpeakers.get(s.sourceId)) || userByEmail.get(id.email) || null;
      const again = creating.has(id.email);
      if (!existing) creating.add(id.email);
      return {
        name: s.name,
        email: id.hasEmail ? id.email : null,
        action: existing || again ? "match" : "create",
        userId: existing,
        accountEmail: id.email,
        sourceId: s.sourceId,
      };
    });
    const typeName = p.sessionType ? (typeNames.get(p.sessionType.name.toLowerCase()) ?? p.sessionType.name) : sessionTypes[0]?.name;
    if (p.sessionType && !typeNames.has(p.sessionType.name.toLowerCase()))
      newSessionTypes.set(p.sessionType.name.toLowerCase(), p.sessionType);
    const track = p.track ? (trackNames.get(p.track.toLowerCase()) ?? p.track) : null;
    if (p.track && !trackNames.has(p.track.toLowerCase())) newTracks.set(p.track.toLowerCase(), p.track);
    return {
      ...base,
      action: "create",
      reason: null,
      status: p.status as ProposalStatus,
      speakers,
      sessionType: typeName ?? "Talk",
      track,
    };
  });

  const created = rows.filter((r) => r.action === "create");
  const planned = created.flatMap((r) => r.speakers);
  return {
    rows,
    counts: {
      create: created.length,
      skip: rows.length - created.length,
      speakersCreated: planned.filter((s) => s.action === "create").length,
      speakersMatched: new Set(planned.filter((s) => s.action === "match").map((s) => s.accountEmail)).size,
    },
    newSessionTypes: [...newSessionTypes.values()],
    newTracks: [...newTracks.values()],
  };
}

function skipReason(p: ImportedProposal, imported: Set<string>, seen: Set<string>): string | null {
  if (typeof p.status === "object") return `Skipped: ${p.status.skip}.`;
  if (imported.has(p.sourceId)) return "Already imported (same id in the same tool).";
  if (seen.has(p.sourceId)) return "Appears twice in this file.";
  if (p.speakers.length === 0) return "Skipped: no speaker.";
  if ([...p.title].length > LIMITS.title) return `Skipped: the title is longer than ${LIMITS.title} characters.`;
  if ([...p.abstract].length > LIMITS.abstract) return `Skipped: the abstract is longer than ${LIMITS.abstract} characters.`;
  if ([...p.notes].length > LIMITS.notes) return `Skipped: the notes and answers are longer than ${LIMITS.notes} characters.`;
  return null;
}
