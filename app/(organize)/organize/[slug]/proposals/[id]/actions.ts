"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth/session";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { transitionProposal } from "@/lib/proposals/transition";
import { id } from "@/lib/text/fields";

const DECISIONS = ["accept", "reject", "reopen"] as const;
const DONE: Record<(typeof DECISIONS)[number], string> = {
  accept: "Proposal accepted.",
  reject: "Proposal rejected.",
  reopen: "Proposal moved back to submitted.",
};

const decisionInput = z.object({
  proposalId: id,
  transition: z.enum(DECISIONS, { message: "Unknown decision." }),
});

/** Accept, reject or reopen; transitionProposal checks the role and the current status in the database. */
export async function decideProposalAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  return handleForm(decisionInput, Object.fromEntries(formData), formData, async ({ proposalId, transition }) => {
    await transitionProposal(db, user?.id, proposalId, transition);
    revalidatePath("/organize", "layout");
    revalidatePath("/review", "layout");
    revalidatePath("/speaker", "layout");
    return { ok: true, message: DONE[transition] };
  });
}
