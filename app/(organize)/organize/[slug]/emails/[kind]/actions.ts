"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { requireSignedIn } from "@/lib/auth/actor";
import { currentUser } from "@/lib/sign-in/session";
import { DEFAULT_TEMPLATES } from "@/lib/email/event-templates/kinds";
import { previewTemplate, type TemplatePreview } from "@/lib/lifecycle/template-preview";
import { resetTemplate, saveTemplate } from "@/lib/email/event-templates/save";
import { templateInput, templateKind } from "@/lib/email/event-templates/schemas";
import { isDomainError } from "@/lib/errors";
import { handleForm } from "@/lib/forms/action";
import { formValues } from "@/lib/forms/result";
import { id } from "@/lib/text/fields";
import type { TemplateFormState } from "@/components/emails/TemplateEditorForm";

const editorInput = templateInput.extend({ proposal: id.optional() });

/**
 * The template editor's one form: "preview" renders the draft without saving,
 * "save" stores it, "reset" goes back to the default wording. Every outcome
 * returns the text to show, so the fields never lose what was typed.
 */
export async function templateAction(
  eventId: string,
  kind: string,
  _prev: TemplateFormState,
  formData: FormData,
): Promise<TemplateFormState> {
  const user = await currentUser();
  const target = id.parse(eventId);
  const which = templateKind.parse(kind);
  const intent = formData.get("intent");
  const input = {
    subject: formData.get("subject") ?? "",
    body: formData.get("body") ?? "",
    proposal: formData.get("proposal") || undefined,
  };
  // Each outcome comes with a preview for the proposal chosen in the form.
  let preview: TemplatePreview | undefined;
  const render = async (proposalId: string | undefined, draft?: { subject: string; body: string }) => {
    preview = await previewTemplate(db, requireSignedIn(user), target, which, { proposalId, draft });
  };
  // After a save or reset, a proposal that disappeared meanwhile must not turn success into an error.
  const renderAfterWrite = (proposalId: string | undefined) =>
    render(proposalId).catch((e: unknown) => (isDomainError(e) && e.code === "not_found" ? render(undefined) : Promise.reject(e)));

  let state: TemplateFormState;
  if (intent === "reset") {
    state = await handleForm(z.object({ proposal: id.optional() }), { proposal: input.proposal }, formData, async ({ proposal }) => {
      await resetTemplate(db, requireSignedIn(user), target, which);
      revalidatePath("/organize", "layout");
      await renderAfterWrite(proposal);
      return { ok: true, message: "Back to the default wording.", values: { ...formValues(formData), ...DEFAULT_TEMPLATES[which] } };
    });
  } else if (intent === "preview") {
    state = await handleForm(editorInput, input, formData, async ({ subject, body, proposal }) => {
      await render(proposal, { subject, body });
      return { values: formValues(formData) };
    });
  } else {
    state = await handleForm(editorInput, input, formData, async ({ subject, body, proposal }) => {
      const { customized } = await saveTemplate(db, requireSignedIn(user), target, which, { subject, body });
      revalidatePath("/organize", "layout");
      await renderAfterWrite(proposal);
      return {
        ok: true,
        message: customized ? "Template saved. New messages use it." : "Saved: this is the default wording.",
        values: { ...formValues(formData), subject, body },
      };
    });
  }
  return preview ? { ...state, preview, previewOfDraft: intent === "preview" } : state;
}
