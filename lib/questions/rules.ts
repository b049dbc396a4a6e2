import type { Requirement, Variant } from "./kinds";

type Timed = { requirement: Requirement; deadline: Date | null; freezeAfter: Date | null };

/** Whether an answer is required at `now` (pretalx's `required`): always, or from the deadline on. */
export function isRequiredAt(q: Timed, now: Date): boolean {
  if (q.requirement === "REQUIRED") return true;
  return q.requirement === "AFTER_DEADLINE" && q.deadline != null && now >= q.deadline;
}

/**
 * A yes/no question that is required (always or from a date) is a consent
 * ("I follow the code of conduct"): only "Yes" satisfies it, as pretalx's
 * required boolean is a box that must be ticked. Optional yes/no questions
 * take "Yes", "No" or nothing.
 */
export function isConsent(q: { variant: Variant; requirement: Requirement }): boolean {
  return q.variant === "BOOLEAN" && q.requirement !== "OPTIONAL";
}

export const REQUIRED_MESSAGE = "This question is required.";
export const CONSENT_MESSAGE = "Tick “Yes” to go on: this question must be answered Yes.";

/**
 * The requirement rule for one answer when requirements are enforced
 * (submitting, editing what was submitted, saving a review): null when the
 * answer may stand, else the message shown next to the field. `value` is
 * the answer the save would leave (null: none).
 */
export function requirementError(q: Timed & { variant: Variant }, value: { answer: string } | null, now: Date): string | null {
  if (!isRequiredAt(q, now)) return null;
  if (isConsent(q)) return value?.answer === "true" ? null : CONSENT_MESSAGE;
  return value === null ? REQUIRED_MESSAGE : null;
}

/** Whether answers are read-only at `now` (pretalx's `read_only`). */
export function isFrozenAt(q: Timed, now: Date): boolean {
  return q.freezeAfter != null && now >= q.freezeAfter;
}

type Limited = { tracks: readonly { id: string }[]; sessionTypes: readonly { id: string }[] };

/** A question limited to some tracks or session types is asked only of proposals in them. */
export function appliesTo(q: Limited, proposal: { trackId: string | null; sessionTypeId: string | null }): boolean {
  if (q.tracks.length > 0 && !q.tracks.some((t) => t.id === proposal.trackId)) return false;
  if (q.sessionTypes.length > 0 && !q.sessionTypes.some((s) => s.id === proposal.sessionTypeId)) return false;
  return true;
}
