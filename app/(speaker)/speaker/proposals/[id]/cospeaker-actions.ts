"use server";
import { revalidatePath } from "next/cache";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { inviteCoSpeaker } from "@/lib/cospeakers/invite";
import { resendInvitation, revokeInvitation } from "@/lib/cospeakers/manage";
import { invitationIdInput, inviteCoSpeakerInput } from "@/lib/cospeakers/schemas";
import { db } from "@/lib/db";
import { handleForm } from "@/lib/forms/action";
import { pointAtField } from "@/lib/forms/point-at-field";
import type { FormState } from "@/lib/forms/result";
import { id } from "@/lib/text/fields";

const HELD = "The email waits until the event's organizers release it.";

const inviteForm = inviteCoSpeakerInput.extend({ proposalId: id });
const invitationForm = invitationIdInput.extend({ proposalId: id });

/** Invite a co-speaker by email; the domain checks that the actor speaks on the proposal. */
export async function inviteCoSpeakerAction(proposalId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const input = { ...Object.fromEntries(formData), proposalId };
  const state = await handleForm(inviteForm, input, formData, async ({ proposalId, email }) => {
    const user = await currentUser();
    const invitation = await inviteCoSpeaker(db, requireSignedIn(user), proposalId, email);
    revalidatePath(`/speaker/proposals/${proposalId}`);
    return {
      ok: true,
      message: invitation.held ? `Invitation created for ${invitation.email}. ${HELD}` : `Invitation sent to ${invitation.email}.`,
    };
  });
  return pointAtField(state, "email");
}

/** Send a pending invitation again, with a new link. */
export async function resendInvitationAction(proposalId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const input = { ...Object.fromEntries(formData), proposalId };
  return handleForm(invitationForm, input, formData, async ({ proposalId, invitationId }) => {
    const user = await currentUser();
    const invitation = await resendInvitation(db, requireSignedIn(user), invitationId);
    revalidatePath(`/speaker/proposals/${proposalId}`);
    return { ok: true, message: invitation.held ? `New link for ${invitation.email}. ${HELD}` : `Sent again to ${invitation.email}.` };
  });
}

/** Withdraw a pending invitation; its link then says so. */
export async function revokeInvitationAction(proposalId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const input = { ...Object.fromEntries(formData), proposalId };
  return handleForm(invitationForm, input, formData, async ({ proposalId, invitationId }) => {
    const user = await currentUser();
    await revokeInvitation(db, requireSignedIn(user), invitationId);
    revalidatePath(`/speaker/proposals/${proposalId}`);
  });
}
