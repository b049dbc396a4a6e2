"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentUser } from "@/lib/sign-in/session";
import { db } from "@/lib/db";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { eraseSpeakerOnRequest } from "@/lib/own-data/erase";
import { id } from "@/lib/text/fields";
import { requireSignedIn } from "@/lib/auth/actor";

const input = z.object({ speakerId: id });

/** An organizer erases a speaker who asked for it; eraseSpeakerOnRequest checks the event and the speaker in the database. */
export async function eraseSpeakerAction(eventId: string, slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  let erased = false;
  const state = await handleForm(input, Object.fromEntries(formData), formData, async ({ speakerId }) => {
    await eraseSpeakerOnRequest(db, requireSignedIn(user), target, speakerId);
    revalidatePath("/organize", "layout");
    erased = true;
  });
  if (erased) redirect(`/organize/${slug}?erased=1`);
  return state;
}
