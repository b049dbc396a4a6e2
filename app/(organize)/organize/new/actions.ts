"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { createEvent } from "@/lib/events/create-event";
import type { FormState } from "@/lib/forms/result";
import { handleEventForm } from "../_lib/handle-event-form";

/** Creates the event with the signed-in user as its organizer, then opens its proposal list. */
export async function createEventAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  return handleEventForm(formData, async (input) => {
    const event = await createEvent(db, requireSignedIn(user), input);
    revalidatePath("/organize");
    revalidatePath("/");
    redirect(`/organize/${event.slug}`);
  });
}
