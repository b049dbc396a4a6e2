"use server";
import { revalidatePath } from "next/cache";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { db } from "@/lib/db";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { updateProfile } from "@/lib/profile/profile";
import { profileInput } from "@/lib/profile/schemas";
import { answersFromForm, answersInput } from "@/lib/questions/schemas";
import { saveSpeakerAnswers } from "@/lib/questions/speaker-answers";
import { id } from "@/lib/text/fields";

export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(profileInput, Object.fromEntries(formData), formData, async (input) => {
    const user = await currentUser();
    await updateProfile(db, requireSignedIn(user), input);
    revalidatePath("/speaker/profile");
    // The cleaned values become the form's new defaults.
    return { ok: true, message: "Profile saved.", values: input };
  });
}

/** A speaker's answers to one event's speaker questions; the event id is bound by the page, checked by saveSpeakerAnswers. */
export async function saveSpeakerAnswersAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(answersInput, answersFromForm(formData), formData, async (answers) => {
    const user = await currentUser();
    await saveSpeakerAnswers(db, requireSignedIn(user), id.parse(eventId), answers);
    revalidatePath("/speaker", "layout");
    return { ok: true, message: "Answers saved." };
  });
}
