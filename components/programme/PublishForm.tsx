"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

/** Publishes the working schedule as the next release. */
export function PublishForm({
  action,
  nextVersion,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  nextVersion: number;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <Field label="Release note" name="note" errors={state.fieldErrors?.note} hint="Shown with the release; optional.">
        {(a) => <textarea {...a} rows={2} maxLength={2000} defaultValue={state.ok ? "" : (state.values?.note ?? "")} />}
      </Field>
      <SubmitButton pendingText="Publishing…">Publish release {nextVersion}</SubmitButton>
    </form>
  );
}
