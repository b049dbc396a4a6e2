"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { addDiscussionComment, discussionInput } from "@/lib/reviews/discussion";
import { id } from "@/lib/text/fields";

const commentForm = discussionInput.extend({ proposalId: id });

/** Posts to a proposal's review-team discussion, from the review page or the organizer's. */
export async function addCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  return handleForm(commentForm, Object.fromEntries(formData), formData, async ({ proposalId, body }) => {
    await addDiscussionComment(db, requireSignedIn(user), proposalId, { body });
    revalidatePath("/review", "layout");
    revalidatePath("/organize", "layout");
    return { ok: true, message: "Comment posted." };
  });
}
