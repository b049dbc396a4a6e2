import { z } from "zod";
import { text } from "@/lib/text/fields";
import { secretSubjectMessage, TEMPLATE_KINDS } from "./kinds";
import { BODY_MAX, SUBJECT_MAX } from "./limits";

export const templateKind = z.enum(TEMPLATE_KINDS);

/** An organizer's wording for one kind of message, as the editor posts it. */
export const templateInput = z.object({
  // A subject is one line: a pasted line break becomes a space.
  subject: text("Subject", SUBJECT_MAX, { required: true })
    .transform((s) => s.replace(/\s*[\r\n]+\s*/g, " "))
    .superRefine((s, ctx) => {
      const message = secretSubjectMessage(s);
      if (message) ctx.addIssue({ code: "custom", message });
    }),
  body: text("Body", BODY_MAX, { required: true }),
});
export type TemplateInput = z.infer<typeof templateInput>;
