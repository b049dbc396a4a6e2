import { z } from "zod";
import { id, text } from "@/lib/text/fields";
import { COMMENT_MAX } from "./review-fields";

/**
 * A review as the form sends it: one entry per criterion id, "" meaning
 * "no opinion". Values are checked against the event's criteria by
 * saveReview, which knows the scales.
 */
export const reviewInput = z.object({
  scores: z.record(id, z.string().trim().max(6)),
  comment: text("Comment", COMMENT_MAX),
});
export type ReviewInput = z.infer<typeof reviewInput>;

/** The `score.<criterionId>` entries of a submitted form, as reviewInput expects them. */
export function scoresFromForm(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entries)
      .filter(([k]) => k.startsWith("score."))
      .map(([k, v]) => [k.slice("score.".length), v]),
  );
}
