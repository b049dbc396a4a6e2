"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

type Props = { action: (prev: FormState, formData: FormData) => Promise<FormState> };

/** Invite by email; inviting someone already on the team changes their role. */
export function TeamInviteForm({ action }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <div className="row" style={{ alignItems: "flex-start" }}>
        <div style={{ flex: "2 1 16rem" }}>
          <Field label="Email address" name="email" errors={state.fieldErrors?.email}>
            {(a) => <input {...a} type="email" autoComplete="off" required defaultValue={state.values?.email ?? ""} />}
          </Field>
        </div>
        <div style={{ flex: "1 1 10rem" }}>
          <Field label="Role" name="role" errors={state.fieldErrors?.role}>
            {(a) => (
              <select {...a} defaultValue={state.values?.role ?? "REVIEWER"}>
                <option value="REVIEWER">Reviewer</option>
                <option value="ORGANIZER">Organizer</option>
              </select>
            )}
          </Field>
        </div>
      </div>
      <p className="hint">
        Reviewers score proposals without seeing who wrote them. Organizers also decide, edit the event and manage the team.
      </p>
      <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
    </form>
  );
}
