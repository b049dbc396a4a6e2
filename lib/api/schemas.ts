// The shapes of the API's answers, as zod schemas: the mappers build their
// output through them (`.parse`) and the OpenAPI document is generated from
// them (openapi.ts), so the document cannot drift from the answers. Field
// names follow pretalx's organizer API where a field maps; extensions are
// marked "Extension" in their description.
import { z } from "zod";

const iso = z.string().describe("ISO 8601 date-time (UTC).");
const score = (what: string) =>
  z
    .number()
    .nullable()
    .describe(
      `${what} on 0..1 (each review is the weighted mean of its criteria, each normalized to 0..1); null without reviews or without the "reviews" scope.`,
    );

export const PRETALX_STATES = ["submitted", "accepted", "rejected", "confirmed", "canceled", "withdrawn"] as const;

export const speakerRefSchema = z
  .object({
    code: z.string().describe("The speaker's public code."),
    name: z.string().nullable().optional().describe('With the "speakers" scope.'),
    biography: z.string().nullable().optional().describe('With the "speakers" scope.'),
    email: z.string().optional().describe('With the "personal" scope.'),
  })
  .meta({ id: "SpeakerRef" });

export const answerSchema = z
  .object({
    question: z.union([z.string(), z.number()]).describe("The question's id."),
    answer: z.string(),
    submission: z.string().nullable().optional(),
    person: z.string().nullable().optional(),
  })
  .meta({ id: "Answer", description: "An answer to a custom question (empty until custom questions exist)." });

export const submissionSchema = z
  .object({
    code: z.string().describe("Public code, unique across the app."),
    number: z.number().int().describe("Extension: the proposal's number within its event (1, 2, 3… in order of creation)."),
    guid: z.string().describe("Extension: a UUID that never changes."),
    title: z.string(),
    speakers: z.array(speakerRefSchema),
    submission_type: z.string().nullable().describe("The session type's name (pretalx: a translated name)."),
    submission_type_id: z.string().nullable(),
    track: z.string().nullable(),
    track_id: z.string().nullable(),
    state: z
      .enum(PRETALX_STATES)
      .describe('pretalx\'s states. A speaker\'s declined talk is "canceled"; a waitlisted one is "submitted" with waitlisted: true.'),
    pending_state: z
      .enum(["accepted", "rejected"])
      .nullable()
      .describe("An organizer's decision not published yet; see pending_waitlisted."),
    waitlisted: z.boolean().describe("Extension: on the waitlist (published)."),
    pending_waitlisted: z.boolean().describe("Extension: an unpublished decision to waitlist."),
    abstract: z.string(),
    description: z.string().describe("Always empty: proposals here have one text, the abstract."),
    notes: z.string().describe("The speaker's notes for the organizers."),
    level: z.enum(["beginner", "intermediate", "advanced"]).nullable().describe("Extension: the audience level."),
    duration: z.number().int().nullable().describe("Minutes, from the session type."),
    created: iso,
    updated: iso,
    submitted: iso.nullable().describe("Extension: when the proposal was submitted."),
    answers: z.array(answerSchema),
    review_count: z.number().int().nullable().describe('Extension; null without the "reviews" scope.'),
    mean_score: score("Mean score"),
    median_score: score("Median score"),
    normalized_score: z.number().nullable().describe("Extension: the mean of the reviews' z-scores per reviewer (not on any scale)."),
  })
  .meta({ id: "Submission" });

export const speakerSchema = z
  .object({
    code: z.string(),
    name: z.string().nullable(),
    biography: z.string(),
    submissions: z.array(z.string()).describe("Codes of this event's proposals the speaker is on (within the token's reach)."),
    answers: z.array(answerSchema),
    website: z.string().describe("Extension."),
    github: z.string().describe("Extension."),
    mastodon: z.string().describe("Extension."),
    email: z.string().optional().describe('With the "personal" scope.'),
    company: z.string().optional().describe('Extension, with the "personal" scope.'),
    location: z.string().optional().describe('Extension, with the "personal" scope.'),
  })
  .meta({ id: "Speaker" });

export const reviewSchema = z
  .object({
    id: z.string(),
    submission: z.string().describe("The proposal's code."),
    user: z.string().describe("The reviewer's name (or address when they have no name)."),
    reviewer_code: z.string().describe("Extension: the reviewer's public code."),
    text: z.string(),
    score: z.number().describe("The review's score on 0..1 (pretalx: on the event's scale)."),
    scores: z
      .array(z.object({ criterion: z.string(), value: z.number().int() }))
      .describe("Extension: the value given for each criterion scored (no row means no opinion)."),
    created: iso,
    updated: iso,
    answers: z.array(answerSchema),
  })
  .meta({ id: "Review" });

export const questionSchema = z
  .object({
    id: z.union([z.string(), z.number()]),
    question: z.string(),
    variant: z.string(),
    target: z.enum(["submission", "speaker", "reviewer"]),
    required: z.boolean(),
    options: z.array(z.object({ id: z.union([z.string(), z.number()]), answer: z.string() })),
  })
  .meta({ id: "Question", description: "A custom question. The list is empty until custom questions exist." });

export const errorSchema = z
  .object({ error: z.object({ code: z.string().describe("Stable; see the API documentation."), message: z.string() }) })
  .meta({ id: "Error" });

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      count: z.number().int(),
      next: z.string().nullable(),
      previous: z.string().nullable(),
      results: z.array(item),
    })
    .meta({ id });
}

export const submissionPage = pageOf(submissionSchema, "SubmissionPage");
export const speakerPage = pageOf(speakerSchema, "SpeakerPage");
export const reviewPage = pageOf(reviewSchema, "ReviewPage");
export const questionPage = pageOf(questionSchema, "QuestionPage");

export type Submission = z.infer<typeof submissionSchema>;
export type Speaker = z.infer<typeof speakerSchema>;
export type Review = z.infer<typeof reviewSchema>;
