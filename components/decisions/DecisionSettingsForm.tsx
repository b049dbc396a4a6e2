"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";
import { useFormRevision } from "@/components/ui/useFormRevision";

type Values = { confirmationDeadline: string; autoPromoteWaitlist: boolean; holdOutbox: boolean };

export function DecisionSettingsForm({
  action,
  initial,
  timeZone,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  initial: Values;
  timeZone: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const v = state.values;
  return (
    <form action={formAction} noValidate key={revision}>
      <FormMessage state={state} />
      <Field
        label="Confirmation deadline"
        name="confirmationDeadline"
        errors={state.fieldErrors?.confirmationDeadline}
        hint={`In the event's time zone (${timeZone}). Accepted speakers confirm before it; leave empty for no deadline.`}
      >
        {(a) => <input {...a} type="datetime-local" defaultValue={v?.confirmationDeadline ?? initial.confirmationDeadline} />}
      </Field>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            name="autoPromoteWaitlist"
            defaultChecked={v ? v.autoPromoteWaitlist === "on" : initial.autoPromoteWaitlist}
          />
          Promote automatically: when an accepted talk is declined or withdrawn, the best waitlisted talk of the same session type takes its
          slot
        </label>
      </div>
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" name="holdOutbox" defaultChecked={v ? v.holdOutbox === "on" : initial.holdOutbox} />
          Hold decision emails in the outbox until an organizer releases them
        </label>
      </div>
      <SubmitButton variant="secondary">Save decision settings</SubmitButton>
    </form>
  );
}
