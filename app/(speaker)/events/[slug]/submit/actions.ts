"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { db } from "@/lib/db";
import { handleForm } from "@/lib/forms/action";
import { answersFromForm, answersInput } from "@/lib/questions/schemas";
import type { FormState } from "@/lib/forms/result";
import { newProposalInput } from "@/lib/proposals/first-save-schema";
import { proposeTalk } from "@/lib/proposals/propose";
import { id } from "@/lib/text/fields";

const createInput = newProposalInput.extend({ eventId: id });

/**
 * New proposal (draft or submitted at once), possibly of a talk from the
 * speaker's library, inviting the co-speakers named in the form. The event
 * id is bound by the page; the talk's owner is checked by the domain.
 */
export async function createProposalAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const input = { ...Object.fromEntries(formData), eventId };
  return handleForm(createInput, input, formData, async ({ eventId, talkId, coSpeakers, ...proposal }) => {
    const user = await currentUser();
    const {
      proposal: created,
      invited,
      notInvited,
    } = await proposeTalk(db, requireSignedIn(user), eventId, proposal, {
      talkId,
      coSpeakers,
      answers: answersInput.parse(answersFromForm(formData)),
    });
    revalidatePath("/speaker");
    const flags = new URLSearchParams({ [proposal.intent === "submit" ? "submitted" : "saved"]: "1" });
    if (invited) flags.set("invited", String(invited));
    if (notInvited) flags.set("notInvited", String(notInvited));
    redirect(`/speaker/proposals/${created.id}?${flags}`);
  });
}
