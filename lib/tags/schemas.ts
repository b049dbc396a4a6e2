import { z } from "zod";
import { id, text } from "@/lib/text/fields";
import { TAG_NAME_MAX } from "./limits";

export { TAG_NAME_MAX } from "./limits";
/** How many proposals one bulk "add tag" / "remove tag" may name (a list page holds 50). */
export const BULK_MAX = 200;

/** A checkbox in a form: "on" (or "1") is on, nothing is off. */
const checkbox = z
  .union([z.literal("on"), z.literal("1"), z.literal("true")])
  .optional()
  .transform((v) => v !== undefined);

export const tagInput = z.object({
  name: text("Name", TAG_NAME_MAX, { required: true }),
  color: z
    .string()
    .trim()
    .transform((s) => s.toLowerCase())
    .refine((s) => s === "" || /^#[0-9a-f]{6}$/.test(s), { message: "Colour must look like #1f6feb." })
    .default(""),
  public: checkbox,
});
export type TagInput = z.infer<typeof tagInput>;

export const bulkTagInput = z.object({
  tagId: id,
  op: z.enum(["add", "remove"]),
  proposalIds: z.array(id).min(1, "Select at least one proposal.").max(BULK_MAX, `Select at most ${BULK_MAX} proposals.`),
});
export type BulkTagInput = z.infer<typeof bulkTagInput>;

export const proposalTagsInput = z.object({ tagIds: z.array(id).max(100) });
