"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { id } from "@/lib/text/fields";
import { describeRun } from "@/lib/assignment/describe-run";
import { assignReviewer, unassignReviewer } from "@/lib/assignment/manual";
import { updateReviewerPreferences } from "@/lib/assignment/reviewer-settings";
import { runAutoAssignment } from "@/lib/assignment/run-assignment";
import { assignmentTarget, reviewerPreferencesInput } from "@/lib/assignment/schemas";

// Each action: the event id is bound by the page; the domain function checks it and the actor.

function revalidate() {
  revalidatePath("/organize", "layout");
  revalidatePath("/review", "layout");
}

export async function runAutoAssignmentAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  const input = { fingerprint: formData.get("fingerprint") };
  return handleForm(z.object({ fingerprint: z.string().min(1).max(64) }), input, null, async ({ fingerprint }) => {
    // Only the plan the organizer saw in the preview is written (refused if it would differ now).
    const result = await runAutoAssignment(db, requireSignedIn(user), target, { asPreviewed: fingerprint });
    revalidate();
    return { ok: true, message: describeRun(result) };
  });
}

const assignInput = assignmentTarget.extend({ reviewerId: z.string().min(1, "Choose a reviewer.").max(64) });

export async function assignReviewerAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(assignInput, Object.fromEntries(formData), formData, async (input) => {
    await assignReviewer(db, requireSignedIn(user), target, input);
    revalidate();
    return { ok: true, message: "Reviewer assigned." };
  });
}

export async function unassignReviewerAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  return handleForm(assignmentTarget, Object.fromEntries(formData), formData, async (input) => {
    await unassignReviewer(db, requireSignedIn(user), target, input);
    revalidate();
    return { ok: true, message: "Assignment removed." };
  });
}

export async function updateReviewerPreferencesAction(eventId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  const input = { ...Object.fromEntries(formData), trackIds: formData.getAll("trackIds") };
  return handleForm(reviewerPreferencesInput, input, formData, async ({ memberId, ...preferences }) => {
    await updateReviewerPreferences(db, requireSignedIn(user), target, memberId, preferences);
    revalidate();
    return { ok: true, message: "Saved." };
  });
}
