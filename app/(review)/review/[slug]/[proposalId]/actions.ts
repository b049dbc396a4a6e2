"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/auth/session";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { saveReview } from "@/lib/reviews/save-review";
import { reviewInput } from "@/lib/reviews/schemas";
import { id } from "@/lib/text/fields";

const reviewForm = reviewInput.extend({ proposalId: id });

/** Creates or updates the signed-in reviewer's review; saveReview checks who may review what. */
export async function saveReviewAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  return handleForm(reviewForm, Object.fromEntries(formData), formData, async ({ proposalId, ...review }) => {
    await saveReview(db, user?.id, proposalId, review);
    revalidatePath("/review", "layout");
    return { ok: true, message: "Review saved." };
  });
}
