import type { EventRole } from "@/lib/auth/actor";

export type ReviewVisibility = "NEVER" | "AFTER_OWN_REVIEW" | "ALWAYS";

/**
 * Whether someone on the review team sees the other reviews of a proposal
 * (scores, comments, counts and averages alike). Organizers always do;
 * conflicted reviewers never get this far (proposalForReviewer refuses them).
 */
export function seesOtherReviews(role: EventRole, visibility: ReviewVisibility, hasOwnReview: boolean): boolean {
  if (role === "ORGANIZER") return true;
  if (visibility === "ALWAYS") return true;
  return visibility === "AFTER_OWN_REVIEW" && hasOwnReview;
}

/** Whether someone on the review team sees who the speakers are. */
export function seesSpeakers(role: EventRole, blindReview: boolean): boolean {
  return role === "ORGANIZER" || !blindReview;
}
