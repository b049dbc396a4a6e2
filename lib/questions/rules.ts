import type { Requirement } from "./kinds";

type Timed = { requirement: Requirement; deadline: Date | null; freezeAfter: Date | null };

/** Whether an answer is required at `now` (pretalx's `required`): always, or from the deadline on. */
export function isRequiredAt(q: Timed, now: Date): boolean {
  if (q.requirement === "REQUIRED") return true;
  return q.requirement === "AFTER_DEADLINE" && q.deadline != null && now >= q.deadline;
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
