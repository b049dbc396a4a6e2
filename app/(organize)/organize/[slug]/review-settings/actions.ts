"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { rowsFromForm } from "@/lib/forms/rows";
import { refreshStatsAfterResponse } from "@/app/_lib/refresh-stats";
import { reviewSettingsInput } from "@/lib/reviews/settings/schemas";
import { updateReviewSettings } from "@/lib/reviews/settings/update-review-settings";
import { id } from "@/lib/text/fields";

const CRITERION_FIELDS = ["id", "name", "description", "minScore", "maxScore", "weight"] as const;

/** The event id is bound by the page; updateReviewSettings checks the organizer against the database. */
export async function updateReviewSettingsAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  const input = {
    blindReview: formData.get("blindReview") === "on",
    reviewVisibility: formData.get("reviewVisibility"),
    reviewsPerProposal: formData.get("reviewsPerProposal"),
    ratingGuide: formData.get("ratingGuide") ?? "",
    criteria: rowsFromForm(formData, "criteria", CRITERION_FIELDS),
  };
  return handleForm(reviewSettingsInput, input, formData, async (settings) => {
    const { rescored } = await updateReviewSettings(db, requireSignedIn(user), target, settings);
    if (rescored) refreshStatsAfterResponse(target);
    revalidatePath("/organize", "layout");
    revalidatePath("/review", "layout");
    return {
      ok: true,
      message: rescored ? "Review settings saved; every review's score was recomputed with the new weights." : "Review settings saved.",
    };
  });
}
