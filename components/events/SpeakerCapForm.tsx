"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

/** The event's cap on proposals per speaker (empty: no cap). */
export function SpeakerCapForm({
  action,
  current,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  current: number | null;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction}>
      <Field
        label="Most proposals per speaker"
        name="maxProposalsPerSpeaker"
        errors={state.fieldErrors?.maxProposalsPerSpeaker}
        hint="Counts each speaker's submitted proposals that are not withdrawn, co-speakers included. Leave empty for no limit."
      >
        {(a11y) => (
          <input
            {...a11y}
            type="number"
            min={1}
            max={100}
            inputMode="numeric"
            defaultValue={state.values?.maxProposalsPerSpeaker ?? (current === null ? "" : String(current))}
            style={{ width: "8rem" }}
          />
        )}
      </Field>
      <SubmitButton variant="secondary">Save limit</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
