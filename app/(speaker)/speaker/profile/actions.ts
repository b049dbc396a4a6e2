"use server";
import { revalidatePath } from "next/cache";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { updateProfile } from "@/lib/profile/profile";
import { profileInput } from "@/lib/profile/schemas";

export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(profileInput, Object.fromEntries(formData), formData, async (input) => {
    const user = await currentUser();
    await updateProfile(db, requireSignedIn(user), input);
    revalidatePath("/speaker/profile");
    // The cleaned values become the form's new defaults.
    return { ok: true, message: "Profile saved.", values: input };
  });
}
