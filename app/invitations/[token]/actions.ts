"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { respondToInvitation } from "@/lib/cospeakers/respond";
import { respondToInvitationInput } from "@/lib/cospeakers/schemas";
import { db } from "@/lib/db";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";

/** Accept or decline, signed in with the invited address; the page then shows the outcome. */
export async function respondToInvitationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(respondToInvitationInput, Object.fromEntries(formData), formData, async ({ token, answer }) => {
    const user = await currentUser();
    const result = await respondToInvitation(db, requireSignedIn(user), token, answer);
    revalidatePath("/speaker");
    revalidatePath(`/speaker/proposals/${result.proposalId}`);
    redirect(`/invitations/${token}`);
  });
}
