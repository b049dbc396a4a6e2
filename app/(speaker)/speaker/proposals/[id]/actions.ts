"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { db } from "@/lib/db";
import { handleForm } from "@/lib/forms/action";
import { answersFromForm, answersInput } from "@/lib/questions/schemas";
import type { FormState } from "@/lib/forms/result";
import { respondInput } from "@/lib/lifecycle/respond-schema";
import { saveProposalInput } from "@/lib/proposals/schemas";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { updateProposal } from "@/lib/proposals/update-proposal";
import { id } from "@/lib/text/fields";

const updateInput = saveProposalInput.extend({ proposalId: id });

/** Edit a draft or submitted proposal; with intent "submit", a draft is submitted too. */
export async function updateProposalAction(proposalId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const input = { ...Object.fromEntries(formData), proposalId };
  return handleForm(updateInput, input, formData, async ({ proposalId, ...proposal }) => {
    const user = await currentUser();
    const result = await updateProposal(db, requireSignedIn(user), proposalId, proposal, {
      answers: answersInput.parse(answersFromForm(formData)),
    });
    revalidatePath("/speaker");
    const flag = proposal.intent === "submit" && result.status === "SUBMITTED" ? "submitted" : "saved";
    redirect(`/speaker/proposals/${proposalId}?${flag}=1`);
  });
}

const withdrawInput = z.object({
  proposalId: id,
  confirm: z.literal("yes", { message: "Confirm the withdrawal first." }),
});

/** Withdraw a proposal, from its confirmation step (which posts confirm=yes). */
export async function withdrawProposalAction(proposalId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const input = { ...Object.fromEntries(formData), proposalId };
  return handleForm(withdrawInput, input, formData, async ({ proposalId }) => {
    const user = await currentUser();
    await transitionProposal(db, requireSignedIn(user), proposalId, "withdraw");
    revalidatePath("/speaker");
    revalidatePath("/organize", "layout");
    redirect(`/speaker/proposals/${proposalId}?withdrawn=1`);
  });
}

const respondForm = z.intersection(z.object({ proposalId: id }), respondInput);

/** An accepted speaker confirms or declines; transitionProposal checks they speak on it, its status and the deadline. */
export async function respondAction(proposalId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const input = { ...Object.fromEntries(formData), proposalId };
  return handleForm(respondForm, input, formData, async ({ proposalId, answer }) => {
    const user = await currentUser();
    await transitionProposal(db, requireSignedIn(user), proposalId, answer);
    revalidatePath("/speaker");
    revalidatePath("/organize", "layout");
    redirect(`/speaker/proposals/${proposalId}`);
  });
}
