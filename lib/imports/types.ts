import type { PendingDecision, ProposalStatus } from "@/lib/lifecycle/state-machine";
import type { QuestionLimits, Requirement, Variant } from "@/lib/questions/kinds";

export const IMPORT_FORMATS = ["sessionize", "pretalx", "conference-hall", "c3voc"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_FORMAT_LABELS: Record<ImportFormat, string> = {
  sessionize: "Sessionize (All data JSON)",
  pretalx: "pretalx (API submissions JSON), or this app's JSON for import",
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
  /** Profile fields only some files carry (this app's own export). */
  github?: string;
  mastodon?: string;
  location?: string;
  /** Answers to speaker questions (once per speaker per event). */
  answers?: ImportedAnswer[];
};

/** One option of a choice question as a file names it: its stable identifier when the tool has one, and its label. */
export type ImportedOption = { identifier: string | null; label: string };

/**
 * A question as the file defines it, in our words. What the file does not say
 * is filled with safe defaults by the reader: an unknown kind is long text,
 * limits and flags absent are none and the defaults of a new question.
 */
export type ImportedQuestion = QuestionLimits & {
  /** The question's id in the source tool (file-wide, for every target). */
  sourceId: string;
  target: "SUBMISSION" | "SPEAKER";
  variant: Variant;
  question: string;
  helpText: string;
  options: ImportedOption[];
  requirement: Requirement;
  visibleToReviewers: boolean;
  isPublic: boolean;
  personalData: boolean;
};

/**
 * One answer as the file gives it: `text` as the tool wrote it (for choices,
 * the labels joined by commas), `options` the picked options when the file
 * names them. `question` is the question's sourceId.
 */
export type ImportedAnswer = { question: string; text: string; options: ImportedOption[] };

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
  /** Answers to proposal questions. */
  answers?: ImportedAnswer[];
};

/** A whole file in the neutral shape: its proposals, and the questions their answers (and the file) name. */
export type ImportedFile = { proposals: ImportedProposal[]; questions: ImportedQuestion[] };

export type SourceReader = (json: unknown) => ImportedFile;
