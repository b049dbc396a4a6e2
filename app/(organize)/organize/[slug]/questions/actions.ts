"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/sign-in/session";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { createQuestion, deleteQuestion, moveQuestion, updateQuestion } from "@/lib/questions/manage";
import { questionInput } from "@/lib/questions/schemas";
import { id } from "@/lib/text/fields";
import { requireSignedIn } from "@/lib/auth/actor";

function questionFromForm(formData: FormData) {
  return {
    ...Object.fromEntries([...formData.entries()].filter(([k]) => !k.startsWith("$ACTION"))),
    trackIds: formData.getAll("trackIds"),
    sessionTypeIds: formData.getAll("sessionTypeIds"),
  };
}

/** New question (questionId null) or an edit; event and question ids are bound by the page, checked by the domain function. */
export async function saveQuestionAction(
  target: { eventId: string; slug: string; questionId: string | null },
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await currentUser();
  return handleForm(questionInput, questionFromForm(formData), formData, async (input) => {
    if (target.questionId) await updateQuestion(db, requireSignedIn(user), id.parse(target.questionId), input);
    else await createQuestion(db, requireSignedIn(user), id.parse(target.eventId), input);
    revalidatePath("/organize", "layout");
    redirect(`/organize/${encodeURIComponent(target.slug)}/questions?saved=1`);
  });
}

const moveInput = z.object({ questionId: id, direction: z.enum(["up", "down"]) });

export async function moveQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  return handleForm(moveInput, Object.fromEntries(formData), formData, async ({ questionId, direction }) => {
    await moveQuestion(db, requireSignedIn(user), questionId, direction);
    revalidatePath("/organize", "layout");
    return { ok: true, message: `Moved ${direction}.` };
  });
}

const deleteInput = z.object({ questionId: id, confirmAnswers: z.literal("on").optional() });

/** Deleting a question with answers needs the "also delete the answers" box ticked. */
export async function deleteQuestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  return handleForm(deleteInput, Object.fromEntries(formData), formData, async ({ questionId, confirmAnswers }) => {
    await deleteQuestion(db, requireSignedIn(user), questionId, confirmAnswers === "on");
    revalidatePath("/organize", "layout");
    return { ok: true, message: "Question deleted." };
  });
}
