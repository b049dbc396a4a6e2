import type { DbTx } from "@/lib/db";
import { LIMITS } from "@/lib/text/proposal-limits";
import type { ProposalStatus } from "@/lib/lifecycle/state-machine";
import { existingSpeakerAnswers, resolveAll } from "./plan-answers";
import { planQuestions, type PlannedQuestion, type ResolvedAnswer } from "./questions";
import { speakerIdentity } from "./speakers";
import type { ImportedAnswer, ImportedFile, ImportedProposal } from "./types";

export type PlannedSpeaker = {
  name: string;
  /** The address to show (null when the file has none). */
  email: string | null;
  action: "create" | "match";
  /** For "match": the existing user. For "create": the address the new user gets. */
  userId: string | null;
  accountEmail: string;
  sourceId: string | null;
  /** Answers to speaker questions, given with the speaker's first proposal in the file (none the person has already). */
  answers: ResolvedAnswer[];
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
  /** The notes as imported: the file's, then each answer that has no question here as "Question: answer". */
  notes: string;
  answers: ResolvedAnswer[];
  /** How many of the file's answers went to the notes (their question unknown, or the answer does not fit it). */
  answersInNotes: number;
  source: ImportedProposal;
};

export type ImportPlan = {
  rows: PlannedRow[];
  counts: {
    create: number;
    skip: number;
    speakersCreated: number;
    speakersMatched: number;
    questionsCreated: number;
    questionsMatched: number;
    answers: number;
  };
  questions: PlannedQuestion[];
  newSessionTypes: { name: string; durationMinutes: number }[];
  newTracks: string[];
};

/**
 * What importing a file into the event would do, row by row, without
 * writing anything: the preview shows it, and the import computes it again
 * inside its transaction and carries it out.
 */
export async function planImport(tx: DbTx, eventId: string, source: string, file: ImportedFile): Promise<ImportPlan> {
  const proposals = file.proposals;
  const [done, sessionTypes, tracks] = await Promise.all([
    tx.importRecord.findMany({
      where: { eventId, source, kind: { in: ["proposal", "speaker"] } },
      select: { kind: true, sourceId: true, targetId: true },
    }),
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

  // Rows skipped for a reason the answers cannot change give no answers (and no options to created questions).
  const seenIds = new Set<string>();
  const early = proposals.map((p) => {
    const reason = skipReason(p, imported, seenIds);
    seenIds.add(p.sourceId);
    return reason;
  });
  const candidates = proposals.filter((_, i) => early[i] === null);
  const questions = await planQuestions(tx, eventId, source, file.questions, [
    ...candidates.flatMap((p) => (p.answers ?? []).map((answer) => ({ target: "SUBMISSION" as const, answer }))),
    ...candidates.flatMap((p) => p.speakers.flatMap((s) => (s.answers ?? []).map((answer) => ({ target: "SPEAKER" as const, answer })))),
  ]);
  const answered = await existingSpeakerAnswers(tx, [...userByEmail.values(), ...knownSpeakers.values()], questions.questions);
  const textOf = new Map(file.questions.map((q) => [q.sourceId, q.question]));
  const inNotes = (a: ImportedAnswer, who = "") => `${who}${textOf.get(a.question) ?? `Question ${a.question}`}: ${a.text}`;

  const typeNames = new Map(sessionTypes.map((t) => [t.name.toLowerCase(), t.name]));
  const trackNames = new Map(tracks.map((t) => [t.name.toLowerCase(), t.name]));
  const newSessionTypes = new Map<string, { name: string; durationMinutes: number }>();
  const newTracks = new Map<string, string>();
  const creating = new Set<string>();
  const answeredSpeakers = new Set<string>();

  const rows = proposals.map((p, i): PlannedRow => {
    const base = { path: p.path, sourceId: p.sourceId, title: p.title, source: p };
    const skipped = (reason: string): PlannedRow => ({
      ...base,
      ...{ action: "skip", reason, status: null, speakers: [], sessionType: "", track: null },
      ...{ notes: p.notes, answers: [], answersInNotes: 0 },
    });
    if (early[i]) return skipped(early[i]);

    const lines: string[] = [];
    const answers = resolveAll(questions, "SUBMISSION", p.answers ?? [], lines, (a) => inNotes(a));
    const speakerAnswers = p.speakers.map((s) => {
      const id = speakerIdentity(source, s);
      if (answeredSpeakers.has(id.email)) return [];
      const userId = (s.sourceId && knownSpeakers.get(s.sourceId)) || userByEmail.get(id.email);
      const fresh = (r: ResolvedAnswer) => !(userId && r.question.questionId && answered.has(`${userId}:${r.question.questionId}`));
      return resolveAll(questions, "SPEAKER", s.answers ?? [], lines, (a) => inNotes(a, `${s.name}, `)).filter(fresh);
    });
    const notes = [p.notes, ...lines].filter(Boolean).join("\n");
    if ([...notes].length > LIMITS.notes) return skipped(`Skipped: the notes and answers are longer than ${LIMITS.notes} characters.`);

    const speakers = p.speakers.map((s, j): PlannedSpeaker => {
      const id = speakerIdentity(source, s);
      const existing = (s.sourceId && knownSpeakers.get(s.sourceId)) || userByEmail.get(id.email) || null;
      const again = creating.has(id.email);
      if (!existing) creating.add(id.email);
      const first = !answeredSpeakers.has(id.email);
      answeredSpeakers.add(id.email);
      return {
        name: s.name,
        email: id.hasEmail ? id.email : null,
        action: existing || again ? "match" : "create",
        userId: existing,
        accountEmail: id.email,
        sourceId: s.sourceId,
        answers: first ? speakerAnswers[j] : [],
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
      notes,
      answers,
      answersInNotes: lines.length,
    };
  });

  const created = rows.filter((r) => r.action === "create");
  const planned = created.flatMap((r) => r.speakers);
  const written = [...created.flatMap((r) => r.answers), ...planned.flatMap((s) => s.answers)];
  for (const q of questions.questions) q.answers = written.filter((a) => a.question === q).length;
  return {
    rows,
    counts: {
      create: created.length,
      skip: rows.length - created.length,
      speakersCreated: planned.filter((s) => s.action === "create").length,
      speakersMatched: new Set(planned.filter((s) => s.action === "match").map((s) => s.accountEmail)).size,
      questionsCreated: questions.questions.filter((q) => q.action === "create").length,
      questionsMatched: questions.questions.filter((q) => q.action === "match").length,
      answers: written.length,
    },
    questions: questions.questions,
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
  return null;
}
