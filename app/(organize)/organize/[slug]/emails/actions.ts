"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { discardHeld, releaseHeld, retryFailed } from "@/lib/email/outbox-admin";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { id } from "@/lib/text/fields";

// The event id is bound by the page; the domain functions check the organizer
// against the database and refuse ids of other events' messages.

const heldInput = z
  .object({
    intent: z.enum(["release", "discard", "release-all"]),
    ids: z.array(id).max(500, "Select at most 500 messages at a time."),
  })
  .refine((v) => v.intent === "release-all" || v.ids.length > 0, { message: "Select at least one message first.", path: ["ids"] });

const plural = (n: number) => `${n} ${n === 1 ? "message" : "messages"}`;

/** Release (send) or discard the selected held messages, or release them all. */
export async function heldAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  const input = { intent: formData.get("intent"), ids: formData.getAll("id") };
  return handleForm(heldInput, input, null, async ({ intent, ids }) => {
    if (intent === "discard") {
      const { discarded } = await discardHeld(db, requireSignedIn(user), target, ids);
      revalidatePath("/organize", "layout");
      return { ok: true, message: `${plural(discarded)} discarded.` };
    }
    const { released } = await releaseHeld(db, requireSignedIn(user), target, intent === "release-all" ? undefined : ids);
    revalidatePath("/organize", "layout");
    return { ok: true, message: `${plural(released)} released for sending.` };
  });
}

/** Queue a failed message again, with its attempts reset. */
export async function retryAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  return handleForm(z.object({ eventId: id, id }), { eventId, id: formData.get("id") }, null, async (input) => {
    await retryFailed(db, requireSignedIn(user), input.eventId, input.id);
    revalidatePath("/organize", "layout");
    return { ok: true, message: "Queued again." };
  });
}
