import { z } from "zod";

export const EXPORT_KINDS = ["proposals", "speakers", "reviews"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const flag = z
  .literal("1")
  .optional()
  .catch(undefined)
  .transform((v) => v === "1");

/**
 * What to export, beside the filters of the list it comes from (the proposal
 * list's query or the ranking's, parsed by their own schemas). `personal`
 * (email, company, location) is off unless chosen; `blind` leaves out every
 * identity (speakers and reviewers), for sharing with reviewers. The
 * "pretalx" format is the document another event imports (lib/imports/export-file.ts):
 * proposals, their speakers, the questions and all answers, whatever `kind`.
 */
export const exportOptions = z.object({
  kind: z.enum(EXPORT_KINDS).catch("proposals"),
  format: z.enum(["csv", "json", "pretalx"]).catch("csv"),
  from: z.enum(["list", "ranking"]).catch("list"),
  personal: flag,
  blind: flag,
});
export type ExportOptions = z.infer<typeof exportOptions>;
