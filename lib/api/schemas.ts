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
    id: z.string().optional(),
    question: z.union([z.string(), z.number()]).describe("The question's id."),
    answer: z.string().describe("The answer as text; for choices, the picked options' labels joined by commas."),
    answer_file: z.null().optional().describe("Always null: no file questions."),
    submission: z.string().nullable().optional().describe("The proposal's code."),
    review: z.string().nullable().optional(),
    person: z.string().nullable().optional(),
    options: z.array(z.string()).optional().describe("The picked options' ids (choice questions)."),
  })
  .meta({
    id: "Answer",
    description:
      'An answer to a custom question. Submissions carry answers to proposal questions; answers to questions marked as personal data only with the "personal" scope.',
  });

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

const id = z.union([z.string(), z.number()]);
export const questionSchema = z
  .object({
    id,
    variant: z.enum(["string", "text", "number", "url", "date", "datetime", "boolean", "choices", "multiple_choice"]),
    target: z.enum(["submission", "speaker", "reviewer"]),
    question: z.string(),
    help_text: z.string(),
    position: z.number().int(),
    question_required: z.enum(["optional", "required", "after_deadline"]),
    deadline: iso.nullable(),
    required: z.boolean().describe("Whether an answer is required now (question_required and the deadline)."),
    freeze_after: iso.nullable(),
    read_only: z.boolean().describe("Answers can no longer change (after freeze_after)."),
    options: z.array(z.object({ id, identifier: z.string(), answer: z.string(), position: z.number().int() })),
    min_length: z.number().int().nullable(),
    max_length: z.number().int().nullable(),
    min_number: z.number().nullable(),
    max_number: z.number().nullable(),
    min_date: z.string().nullable(),
    max_date: z.string().nullable(),
    min_datetime: z.string().nullable(),
    max_datetime: z.string().nullable(),
    contains_personal_data: z.boolean(),
    is_public: z.boolean(),
    is_visible_to_reviewers: z.boolean(),
    tracks: z.array(z.string()).describe("Asked only for these tracks' proposals (empty: every track)."),
    submission_types: z.array(z.string()).describe("Asked only for these session types (empty: every type)."),
    deadline_local: z.string().nullable().describe("Extension: the deadline in the event's time zone."),
  })
  .meta({ id: "Question", description: "A custom question of the event, in pretalx's shape." });

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
export type Answer = z.infer<typeof answerSchema>;
