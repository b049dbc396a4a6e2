import { z } from "zod";
import { text } from "@/lib/text/fields";
import { LEVELS, LIMITS } from "@/lib/text/proposal-limits";

/** Empty select or radio group: not chosen yet (a draft may leave it so). */
const blankAsNull = (s: string | undefined) => s || null;

/**
 * The proposal's fields as a draft may hold them: only the title is required.
 * What submitting needs on top is checked by the domain (lib/lifecycle/submittable.ts),
 * so the message lands next to each missing field.
 */
export const proposalFields = z.object({
  title: text("Title", LIMITS.title, { required: true }),
  abstract: text("Abstract", LIMITS.abstract).default(""),
  notes: text("Notes for reviewers", LIMITS.notes).default(""),
  level: z
    .enum(["", ...LEVELS], { message: "Choose a level." })
    .optional()
    .transform((s) => (s ? s : null)),
  sessionTypeId: z.string().max(64).optional().transform(blankAsNull),
  trackId: z.string().max(64).optional().transform(blankAsNull),
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
