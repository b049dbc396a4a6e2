import { z } from "zod";
import type { DbTx } from "@/lib/db";
import { requireEventCapability } from "./access";

export const speakerCapInput = z.object({
  // Empty: no cap.
  maxProposalsPerSpeaker: z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : Number(s)))
    .refine((n) => n === null || (Number.isInteger(n) && n >= 1 && n <= 100), {
      message: "Enter a whole number from 1 to 100, or leave empty.",
    }),
});
export type SpeakerCapInput = z.infer<typeof speakerCapInput>;

/**
 * Sets the event's cap on proposals per speaker. Proposals already submitted
 * stay; the cap applies to the next submission (lib/lifecycle/speaker-cap.ts).
 */
export async function setSpeakerCap(db: DbTx, actorId: string | null | undefined, eventId: string, input: SpeakerCapInput) {
  await requireEventCapability(db, actorId, eventId, "event:edit");
  await db.event.update({ where: { id: eventId }, data: { maxProposalsPerSpeaker: input.maxProposalsPerSpeaker } });
}
