"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useFormRevision } from "@/components/ui/useFormRevision";
import type { FormState } from "@/lib/forms/result";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  proposalId: string;
  title: string;
  /** Reviewers who may take this proposal (no conflict, not on it yet), labelled with their load. */
  options: { id: string; label: string }[];
};

/** Picks one more reviewer for one proposal; a refusal (e.g. a conflict declared meanwhile) shows next to the select. */
export function AssignReviewerForm({ action, proposalId, title, options }: Props) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const fieldError = state.fieldErrors?.reviewerId;
  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="proposalId" value={proposalId} />
      <Field label="Add a reviewer" name="reviewerId" errors={fieldError}>
        {(a) => (
          <select
            {...a}
            key={revision}
            aria-label={`Add a reviewer to “${title}”`}
            defaultValue={state.ok ? "" : (state.values?.reviewerId ?? "")}
          >
            <option value="">Choose…</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pendingText="Assigning…" variant="secondary">
        Assign
      </SubmitButton>
      <div role="status" aria-live="polite">
        {state.formError && !fieldError && <p className="field-error">{state.formError}</p>}
      </div>
    </form>
  );
}
