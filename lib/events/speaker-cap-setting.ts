import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import { z } from "zod";
import type { DbTx } from "@/lib/db";

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
export async function setSpeakerCap(db: DbTx, actor: SignedIn, eventId: string, input: SpeakerCapInput) {
  await authorizeEvent(db, actor, eventId, "event:edit");
  await db.event.update({ where: { id: eventId }, data: { maxProposalsPerSpeaker: input.maxProposalsPerSpeaker } });
}
