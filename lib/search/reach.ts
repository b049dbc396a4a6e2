import type { EventRole } from "@/lib/auth/actor";
import { seesSpeakers } from "@/lib/auth/visibility";

// Which of a proposal's indexed text a searcher may match on. What one may
// not read must not decide what one finds: a blind reviewer whose search
// matched a speaker's name would learn who the speaker is.
export type SearchReach = "organizer" | "reviewer" | "blindReviewer";

/** The FTS5 columns (lib/search/match.ts) each reach may match. */
export const SQLITE_COLUMNS: Record<SearchReach, string> = {
  organizer: "content answers speakers identity internal",
  reviewer: "content answers speakers identity",
  blindReviewer: "content answers",
};

/** The tsvector weights (the PostgreSQL index's A, B, C) each reach may match. */
export const POSTGRES_WEIGHTS: Record<SearchReach, string> = {
  organizer: "ABC",
  reviewer: "AB",
  blindReviewer: "A",
};

/** Who searches the review queue: organizers match everything; reviewers match identity only when they may see the speakers. */
export function queueReach(role: EventRole, blindReview: boolean): SearchReach {
  if (role === "ORGANIZER") return "organizer";
  return seesSpeakers(role, blindReview) ? "reviewer" : "blindReviewer";
}
