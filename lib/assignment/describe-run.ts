import type { AutoAssignmentResult } from "./run-assignment";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the organizer reads after a run: what was added, the coverage now, and why some proposals stay short. */
export function describeRun(r: AutoAssignmentResult): string {
  const n = r.reviewersPerProposal;
  const parts = [
    r.added === 0
      ? "No new assignments were needed or possible."
      : `Added ${plural(r.added, "assignment")} for ${plural(r.reviewersNotified, "reviewer")}, who will get an email.`,
    `${r.covered} of ${plural(r.proposals, "proposal")} now ${r.covered === 1 ? "has" : "have"} ${plural(n, "reviewer")}.`,
  ];
  if (r.short.notEnoughReviewers > 0) {
    parts.push(`${plural(r.short.notEnoughReviewers, "proposal")} cannot reach ${n}: not enough reviewers without a conflict.`);
  }
  if (r.short.capsReached > 0) {
    parts.push(`${plural(r.short.capsReached, "proposal")} stayed short because the reviewers who could take them reached their cap.`);
  }
  return parts.join(" ");
}
