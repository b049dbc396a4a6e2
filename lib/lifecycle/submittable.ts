import type { DbTx } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";

/** What a proposal must have before reviewers see it. A draft needs only a title. */
export type SubmittableFields = {
  title: string;
  abstract: string;
  level: string | null | undefined;
  sessionTypeId: string | null | undefined;
};

const MESSAGES = {
  title: "Title is required.",
  abstract: "Abstract is required to submit.",
  level: "Choose a level to submit.",
  sessionTypeId: "Choose a session type to submit.",
} as const;

/** The fields a submission still lacks, each with the message shown next to it. Empty when it may be submitted. */
export function missingForSubmission(p: SubmittableFields): Partial<Record<keyof SubmittableFields, string>> {
  const missing: Partial<Record<keyof SubmittableFields, string>> = {};
  if (!p.title.trim()) missing.title = MESSAGES.title;
  if (!p.abstract.trim()) missing.abstract = MESSAGES.abstract;
  if (!p.level) missing.level = MESSAGES.level;
  if (!p.sessionTypeId) missing.sessionTypeId = MESSAGES.sessionTypeId;
  return missing;
}

/** Refuses (field by field) a proposal that could not be submitted as it stands. */
export function assertSubmittable(p: SubmittableFields) {
  const missing = missingForSubmission(p);
  if (Object.keys(missing).length > 0) {
    throw invalid("Complete the highlighted fields to submit; a draft needs only a title.", missing);
  }
}

/** The same check on the stored row, inside the submitting transaction: every submission passes here. */
export async function assertStoredSubmittable(tx: DbTx, proposalId: string) {
  const row = await tx.proposal.findUnique({
    where: { id: proposalId },
    select: { title: true, abstract: true, level: true, sessionTypeId: true },
  });
  if (!row) throw notFound("This proposal");
  assertSubmittable(row);
}
