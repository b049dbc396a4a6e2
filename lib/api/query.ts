import { z } from "zod";
import { PRETALX_STATES } from "./schemas";

export const MAX_PAGE_SIZE = 200;

const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
};
const search = z.string().trim().min(1).max(200).optional();

/** Filters of the submissions list: pretalx's names; `state` also takes "waitlisted" (extension). */
export const submissionsQuery = z.strictObject({
  ...paging,
  state: z.enum([...PRETALX_STATES, "waitlisted"]).optional(),
  track: z.string().max(100).optional().describe("A track's id or name."),
  submission_type: z.string().max(100).optional().describe("A session type's id or name."),
  search,
});
export const speakersQuery = z.strictObject({ ...paging, search });
export const reviewsQuery = z.strictObject({ ...paging, submission: z.string().max(20).optional().describe("A proposal's code.") });
export const questionsQuery = z.strictObject({ ...paging });

export type SubmissionsQuery = z.infer<typeof submissionsQuery>;
export type SpeakersQuery = z.infer<typeof speakersQuery>;
export type ReviewsQuery = z.infer<typeof reviewsQuery>;
export type Paging = { page: number; page_size: number };
