import { z } from "zod";
import { text } from "@/lib/text/fields";

export const SCALE_MIN = -10;
export const SCALE_MAX = 10;
export const REVIEW_VISIBILITIES = ["NEVER", "AFTER_OWN_REVIEW", "ALWAYS"] as const;

const wholeNumber = (label: string) =>
  z.coerce
    .number({ message: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(SCALE_MIN, `${label} must be at least ${SCALE_MIN}.`)
    .max(SCALE_MAX, `${label} must be at most ${SCALE_MAX}.`);

export const criterionInput = z
  .object({
    id: z.string().max(64).optional(),
    name: text("Criterion name", 60, { required: true }),
    description: text("Description", 300),
    minScore: wholeNumber("Lowest score"),
    maxScore: wholeNumber("Highest score"),
    weight: z.coerce
      .number({ message: "Weight must be a number, e.g. 1 or 1.5." })
      .gt(0, "Weight must be more than 0.")
      .max(100, "Weight must be at most 100."),
  })
  .refine((c) => c.maxScore > c.minScore, { path: ["maxScore"], message: "The highest score must be above the lowest." });

export const reviewSettingsInput = z.object({
  blindReview: z.boolean(),
  reviewVisibility: z.enum(REVIEW_VISIBILITIES, { message: "Choose when reviewers see each other's reviews." }),
  reviewsPerProposal: z.coerce
    .number({ message: "Enter a number of reviews." })
    .int("Enter a whole number of reviews.")
    .min(1, "Each proposal needs at least 1 review.")
    .max(20, "At most 20 reviews per proposal."),
  ratingGuide: text("Rating guide", 5000),
  criteria: z
    .array(criterionInput)
    .min(1, "Add at least one criterion.")
    .max(12, "At most 12 criteria.")
    .refine((cs) => new Set(cs.map((c) => c.name.toLowerCase())).size === cs.length, "Criterion names must be different."),
});
export type ReviewSettingsInput = z.infer<typeof reviewSettingsInput>;
