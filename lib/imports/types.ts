import type { PendingDecision, ProposalStatus } from "@/lib/lifecycle/state-machine";

export const IMPORT_FORMATS = ["sessionize", "pretalx", "conference-hall", "c3voc"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  sessionize: "Sessionize (All data JSON)",
  pretalx: "pretalx (API submissions JSON)",
  "conference-hall": "Conference Hall (event JSON export)",
  c3voc: "c3voc submission JSON (frab, pretalx)",
};

/** Files larger than this are refused (the request body limit of lib/http is 256 kB). */
export const MAX_IMPORT_BYTES = 240 * 1024;

export type ImportedSpeaker = {
  /** The person's id in the source tool (Sessionize id, pretalx code, frab id), when it has one. */
  sourceId: string | null;
  name: string;
  email: string | null;
  bio: string;
  company: string;
  website: string;
};

/** One proposal as every source reads into it (the neutral shape of an import). */
export type ImportedProposal = {
  /** Where it is in the file ("sessions[3]"), for messages. */
  path: string;
  sourceId: string;
  title: string;
  abstract: string;
  notes: string;
  level: "BEGINNER" | "INTERMEDIATE" | "ADVANCED";
  sessionType: { name: string; durationMinutes: number } | null;
  track: string | null;
  /** The status it keeps here (the table in docs/decisions/0022), or a reason it is skipped. */
  status: ProposalStatus | { skip: string };
  pendingDecision: PendingDecision | null;
  speakers: ImportedSpeaker[];
};

export type SourceReader = (json: unknown) => ImportedProposal[];
