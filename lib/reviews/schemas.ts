import { z } from "zod";
import { text } from "@/lib/text/fields";

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const COMMENT_MAX = 3000;

export const reviewInput = z.object({
  score: z.coerce
    .number({ message: `Choose a score from ${SCORE_MIN} to ${SCORE_MAX}.` })
    .int(`Choose a score from ${SCORE_MIN} to ${SCORE_MAX}.`)
    .min(SCORE_MIN, `Choose a score from ${SCORE_MIN} to ${SCORE_MAX}.`)
    .max(SCORE_MAX, `Choose a score from ${SCORE_MIN} to ${SCORE_MAX}.`),
  comment: text("Comment", COMMENT_MAX),
});
export type ReviewInput = z.infer<typeof reviewInput>;
