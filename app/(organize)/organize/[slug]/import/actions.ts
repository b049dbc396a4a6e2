"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { currentUser } from "@/lib/sign-in/session";
import { handleForm } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/result";
import { id } from "@/lib/text/fields";
import { runImport, uploadImport } from "@/lib/imports/run";
import { IMPORT_FORMATS, MAX_IMPORT_BYTES } from "@/lib/imports/types";
import { requireSignedIn } from "@/lib/auth/actor";

const uploadInput = z.object({
  format: z.enum(IMPORT_FORMATS, "Choose the tool the file comes from."),
  file: z
    .instanceof(File, { message: "Choose a file." })
    .refine((f) => f.size > 0, "Choose a file.")
    .refine((f) => f.size <= MAX_IMPORT_BYTES, `The file is larger than ${MAX_IMPORT_BYTES / 1024} kB; split it and import the parts.`),
});

/** Uploads and checks a file, then opens its preview; nothing is imported yet. */
export async function uploadImportAction(eventId: string, slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  let uploadId: string | null = null;
  const state = await handleForm(
    uploadInput,
    { format: formData.get("format"), file: formData.get("file") },
    formData,
    async ({ format, file }) => {
      const upload = await uploadImport(db, requireSignedIn(user), target, { format, fileName: file.name, content: await file.text() });
      uploadId = upload.id;
    },
  );
  if (uploadId) redirect(`/organize/${slug}/import/${uploadId}`);
  // A refusal about the file is shown next to the file field.
  const fileError = state.fieldErrors?.file;
  return fileError || !state.formError?.startsWith("This file")
    ? state
    : { ...state, fieldErrors: { ...state.fieldErrors, file: [state.formError] } };
}

const runInput = z.object({ uploadId: id });

/** Imports a previewed upload in one transaction. */
export async function runImportAction(eventId: string, slug: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  let created: number | null = null;
  const state = await handleForm(runInput, Object.fromEntries(formData), formData, async ({ uploadId }) => {
    created = (await runImport(db, requireSignedIn(user), target, uploadId)).create;
    revalidatePath("/organize", "layout");
  });
  if (created !== null) redirect(`/organize/${slug}/import?imported=${created}`);
  return state;
}
