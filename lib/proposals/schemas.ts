import { z } from "zod";
import { text } from "@/lib/text/fields";
import { LEVELS, LIMITS } from "./limits";

export const proposalFields = z.object({
  title: text("Title", LIMITS.title, { required: true }),
  abstract: text("Abstract", LIMITS.abstract, { required: true }),
  notes: text("Notes for reviewers", LIMITS.notes).default(""),
  level: z.enum(LEVELS, { message: "Choose a level." }),
  sessionTypeId: z.string({ message: "Choose a session type." }).min(1, "Choose a session type.").max(64),
  trackId: z
    .string()
    .max(64)
    .optional()
    .transform((s) => s || null),
});
export type ProposalFields = z.infer<typeof proposalFields>;

/** Create (as a draft, or submitted at once) or update. */
export const saveProposalInput = proposalFields.extend({
  intent: z.enum(["draft", "submit"]).default("draft"),
  /** The proposal's updatedAt when the form was loaded: an edit made from a stale page is refused. */
  version: z.iso
    .datetime()
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type SaveProposalInput = z.infer<typeof saveProposalInput>;
