"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { handleForm } from "@/lib/forms/action";
import { answersFromForm, answersInput } from "@/lib/questions/schemas";
import type { FormState } from "@/lib/forms/result";
import { declareOwnConflict } from "@/lib/reviews/conflicts/declare";
import { refreshStatsAfterResponse } from "@/app/_lib/refresh-stats";
import { saveReview } from "@/lib/reviews/save-review";
import { reviewInput, scoresFromForm } from "@/lib/reviews/schemas";
import { id } from "@/lib/text/fields";

const reviewForm = reviewInput.extend({ proposalId: id });

/** Creates or updates the signed-in reviewer's review; saveReview checks who may review what. */
export async function saveReviewAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const input = { ...Object.fromEntries(formData), scores: scoresFromForm(Object.fromEntries(formData)) };
  return handleForm(reviewForm, input, formData, async ({ proposalId, ...review }) => {
    const saved = await saveReview(db, requireSignedIn(user), proposalId, review, {
      answers: answersInput.parse(answersFromForm(formData)),
    });
    // Normalized scores span the whole event: recompute them after the response.
    refreshStatsAfterResponse(saved.eventId);
    revalidatePath("/review", "layout");
    return { ok: true, message: "Review saved." };
  });
}

const conflictForm = z.object({ proposalId: id, fingerprint: z.string().min(1).max(64) });

/** "I have a conflict", confirmed: the proposal leaves the reviewer's queue, so they go back to it. */
export async function declareConflictAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  return handleForm(conflictForm, Object.fromEntries(formData), formData, async ({ proposalId, fingerprint }) => {
    // Refused if their review changed since the preview showed what would be deleted.
    const { eventId, eventSlug, removedReview } = await declareOwnConflict(db, requireSignedIn(user), proposalId, {
      asPreviewed: fingerprint,
    });
    refreshStatsAfterResponse(eventId);
    revalidatePath("/review", "layout");
    redirect(`/review/${eventSlug}?conflict=declared${removedReview ? "&review=deleted" : ""}`);
  });
}
