"use client";
import { useActionState } from "react";
import { CountedField } from "@/components/ui/CountedField";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useFormRevision } from "@/components/ui/useFormRevision";
import type { TemplatePreview } from "@/lib/lifecycle/template-preview";
import { BODY_MAX, SUBJECT_MAX } from "@/lib/email/event-templates/limits";
import type { FormState } from "@/lib/forms/result";
import { EmailPreview } from "./EmailPreview";

export type TemplateFormState = FormState & {
  preview?: TemplatePreview;
  /** The preview shows unsaved text. */
  previewOfDraft?: boolean;
};

type Props = {
  action: (prev: TemplateFormState, fd: FormData) => Promise<TemplateFormState>;
  initial: { subject: string; body: string };
  customized: boolean;
  proposals: { id: string; title: string }[];
  proposalId?: string;
  /** The saved wording rendered by the page, shown until the form returns a preview of its own. */
  savedPreview: React.ReactNode;
};

/** Edit one kind of message: preview a draft on the server, save it, or go back to the default wording. */
export function TemplateEditorForm({ action, initial, customized, proposals, proposalId, savedPreview }: Props) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const v = state.values;
  return (
    <div className="stack">
      <form action={formAction} noValidate key={revision} className="card">
        <FormMessage state={state} />
        <CountedField
          label="Subject"
          name="subject"
          max={SUBJECT_MAX}
          defaultValue={v?.subject ?? initial.subject}
          errors={state.fieldErrors?.subject}
          required
        />
        <CountedField
          label="Body"
          name="body"
          multiline
          rows={14}
          max={BODY_MAX}
          defaultValue={v?.body ?? initial.body}
          errors={state.fieldErrors?.body}
          hint="Plain text; links become clickable. Placeholders in braces are filled in for each recipient."
          required
        />
        {proposals.length > 0 && (
          <Field label="Preview with the proposal" name="proposal" hint="Its real title and speaker fill in the preview. Nothing is sent.">
            {(a) => (
              <select {...a} defaultValue={v?.proposal ?? proposalId ?? proposals[0].id}>
                {proposals.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <div className="row">
          <SubmitButton name="intent" value="preview" variant="secondary" pendingText="Rendering…">
            Preview changes
          </SubmitButton>
          <SubmitButton name="intent" value="save">
            Save template
          </SubmitButton>
          {customized && (
            <SubmitButton name="intent" value="reset" variant="danger" pendingText="Resetting…">
              Reset to the default wording
            </SubmitButton>
          )}
        </div>
      </form>
      {state.preview ? (
        <EmailPreview preview={state.preview} heading={state.previewOfDraft ? "Preview of your changes (not saved)" : "Preview"} />
      ) : (
        savedPreview
      )}
    </div>
  );
}
