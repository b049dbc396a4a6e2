import { z } from "zod";
import { email } from "@/lib/text/fields";
import { MAX_SPEAKERS } from "@/lib/cospeakers/rules";
import { saveProposalInput } from "./schemas";

/**
 * Co-speakers on the new-proposal form: addresses separated by commas,
 * spaces or lines, normalized like every typed address, duplicates dropped.
 * One message for the field, naming what is wrong.
 */
export const coSpeakerEmails = z
  .string()
  .max(2000, "That is too long for a list of co-speakers.")
  .default("")
  .transform((s, ctx) => {
    const out = new Set<string>();
    for (const raw of s.split(/[\s,;]+/).filter(Boolean)) {
      const parsed = email.safeParse(raw);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: `“${raw.slice(0, 60)}” is not an email address.` });
        return z.NEVER;
      }
      out.add(parsed.data);
    }
    if (out.size > MAX_SPEAKERS - 1) {
      ctx.addIssue({ code: "custom", message: `A proposal has at most ${MAX_SPEAKERS} speakers: invite at most ${MAX_SPEAKERS - 1}.` });
      return z.NEVER;
    }
    return [...out];
  });

/** The new-proposal form: the proposal, the library talk it copies (if any), co-speakers to invite. */
export const newProposalInput = saveProposalInput.extend({
  talkId: z
    .string()
    .max(64)
    .optional()
    .transform((s) => s || null),
  coSpeakers: coSpeakerEmails,
});
