import { z } from "zod";
import { id } from "@/lib/text/fields";

export const REVIEW_CAP_MAX = 1000;
export const CAP_MESSAGE = `Enter a whole number from 0 to ${REVIEW_CAP_MAX}, or leave it empty for no cap.`;

export const isReviewCap = (n: number | null) => n === null || (Number.isInteger(n) && n >= 0 && n <= REVIEW_CAP_MAX);

/** One reviewer on one proposal (both ids are checked against the event by the domain function). */
export const assignmentTarget = z.object({ proposalId: id, reviewerId: id });

/** The per-reviewer form: an empty cap means "no cap". */
export const reviewerPreferencesInput = z.object({
  memberId: id,
  reviewCap: z
    .string()
    .trim()
    .transform((s, ctx) => {
      const n = s === "" ? null : Number(s);
      if (!isReviewCap(n)) {
        ctx.addIssue({ code: "custom", message: CAP_MESSAGE });
        return z.NEVER;
      }
      return n;
    }),
  trackIds: z.array(id).max(100),
});
export type ReviewerPreferences = Omit<z.output<typeof reviewerPreferencesInput>, "memberId">;
