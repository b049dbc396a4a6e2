"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";
import { IMPORT_FORMAT_LABELS, IMPORT_FORMATS } from "@/lib/imports/types";

/** Chooses the source tool and the file; the next page previews what would be imported. */
export function ImportUploadForm({ action }: { action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="stack">
      <Field label="Exported from" name="format" errors={state.fieldErrors?.format}>
        {(a11y) => (
          <select {...a11y} defaultValue={state.values?.format ?? "sessionize"}>
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {IMPORT_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="File (JSON)"
        name="file"
        errors={state.fieldErrors?.file}
        hint="Up to 240 kB. Nothing is imported before you see the preview."
      >
        {(a11y) => <input {...a11y} type="file" accept=".json,application/json" required />}
      </Field>
      <SubmitButton pendingText="Reading…">Preview the import</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
