"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { handleForm } from "@/lib/forms/action";
import { answersFromForm, answersInput } from "@/lib/questions/schemas";
import type { FormState } from "@/lib/forms/result";
import { createProposal } from "@/lib/proposals/create-proposal";
import { saveProposalInput } from "@/lib/proposals/schemas";
import { id } from "@/lib/text/fields";

const createInput = saveProposalInput.extend({ eventId: id });

/** New proposal (draft or submitted at once). The event id is bound by the page. */
export async function createProposalAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const input = { ...Object.fromEntries(formData), eventId };
  return handleForm(createInput, input, formData, async ({ eventId, ...proposal }) => {
    const user = await currentUser();
    const created = await createProposal(db, user?.id, eventId, proposal, { answers: answersInput.parse(answersFromForm(formData)) });
    revalidatePath("/speaker");
    redirect(`/speaker/proposals/${created.id}?${proposal.intent === "submit" ? "submitted" : "saved"}=1`);
  });
}
