import { z } from "zod";
import { id, text } from "@/lib/text/fields";

export const COMMENT_MAX = 3000;

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

/** Form field name of a criterion's score; errors come back under the same key. */
export const scoreField = (criterionId: string) => `score.${criterionId}`;

/** The `score.<criterionId>` entries of a submitted form, as reviewInput expects them. */
export function scoresFromForm(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entries)
      .filter(([k]) => k.startsWith("score."))
      .map(([k, v]) => [k.slice("score.".length), v]),
  );
}
