import { z } from "zod";

/** Confirm, or decline from the confirmation step (it posts sure=yes: the speaker saw what declining does). */
export const respondInput = z.discriminatedUnion("answer", [
  z.object({ answer: z.literal("confirm") }),
  z.object({
    answer: z.literal("decline"),
    sure: z.literal("yes", { message: "Confirm that you decline first: your slot will go to someone else." }),
  }),
]);
export type RespondInput = z.infer<typeof respondInput>;
