import { z } from "zod";

/** Confirm, or decline with the tick that says the speaker means it. */
export const respondInput = z.discriminatedUnion("answer", [
  z.object({ answer: z.literal("confirm") }),
  z.object({
    answer: z.literal("decline"),
    sure: z.literal("yes", { message: "Tick the box to decline: your slot will go to someone else." }),
  }),
]);
export type RespondInput = z.infer<typeof respondInput>;
