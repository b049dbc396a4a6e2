"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/sign-in/session";
import { eventRole, requireSignedIn } from "@/lib/auth/actor";
import { inviteInput } from "@/lib/events/schemas";
import { inviteTeamMember, removeTeamMember } from "@/lib/events/team";
import { handleForm } from "@/lib/forms/action";
import { pointAtField } from "@/lib/forms/point-at-field";
import type { FormState } from "@/lib/forms/result";
import { id } from "@/lib/text/fields";

/** Invites by email (or changes a member's role); the event id is bound by the page and checked by inviteTeamMember. */
export async function inviteTeamMemberAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  const state = await handleForm(inviteInput, Object.fromEntries(formData), formData, async (input) => {
    const member = await inviteTeamMember(db, requireSignedIn(user), target, input);
    revalidatePath("/organize", "layout");
    const message = member.held
      ? `${input.email} is on the team. The invitation email is held: release it from the event's Emails page.`
      : `Invitation sent to ${input.email}.`;
    return { ok: true, message };
  });
  return pointAtField(state, "email");
}

const removeInput = z.object({ memberId: id });

/** Removes a member; removeTeamMember refuses to leave the event without an organizer. */
export async function removeTeamMemberAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  const result = await handleForm(removeInput, Object.fromEntries(formData), formData, async ({ memberId }) => {
    await removeTeamMember(db, requireSignedIn(user), target, memberId);
    revalidatePath("/organize", "layout");
    revalidatePath("/review", "layout");
    return { ok: true, message: "Removed from the team." };
  });
  // Someone who just removed themselves no longer sees this event's pages.
  if (result.ok && user && !(await eventRole(db, user.id, target))) redirect("/organize");
  return result;
}
