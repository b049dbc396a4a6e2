"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { updateEvent } from "@/lib/events/update-event";
import type { FormState } from "@/lib/forms/result";
import { id } from "@/lib/text/fields";
import { handleEventForm } from "../../_lib/handle-event-form";
import { handleForm } from "@/lib/forms/action";
import { setSpeakerCap, speakerCapInput } from "@/lib/events/speaker-cap-setting";

/**
 * Saves an event's settings. The event id is bound by the page; updateEvent
 * checks in the database that the user organizes that event.
 */
export async function updateEventAction(eventId: string, currentSlug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleEventForm(formData, async (input) => {
    await updateEvent(db, requireSignedIn(user), target, input);
    revalidatePath("/organize", "layout");
    revalidatePath("/review", "layout");
    revalidatePath("/");
    // A new slug means a new address: continue there.
    if (input.slug !== currentSlug) redirect(`/organize/${input.slug}/settings?saved=1`);
    return { ok: true, message: "Settings saved." };
  });
}

/** Saves the event's cap on proposals per speaker. */
export async function speakerCapAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  const input = { maxProposalsPerSpeaker: formData.get("maxProposalsPerSpeaker") ?? "" };
  return handleForm(speakerCapInput, input, formData, async (data) => {
    await setSpeakerCap(db, requireSignedIn(user), target, data);
    revalidatePath("/organize", "layout");
    return { ok: true, message: data.maxProposalsPerSpeaker === null ? "No limit per speaker." : "Limit saved." };
  });
}
