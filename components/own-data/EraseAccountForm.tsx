"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

/** The last step: the person types DELETE and confirms. */
export function EraseAccountForm({ action }: { action: (prev: FormState, fd: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="stack">
      <Field label="Type DELETE to confirm" name="confirmation" errors={state.fieldErrors?.confirmation}>
        {(a11y) => <input {...a11y} type="text" autoComplete="off" required defaultValue={state.values?.confirmation} />}
      </Field>
      <SubmitButton variant="danger" pendingText="Deleting…">
        Delete my account
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
