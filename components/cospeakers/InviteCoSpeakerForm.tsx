"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormAction } from "./types";

/** Invite one person by email; refusals (already a speaker, too many speakers) land next to the field. */
export function InviteCoSpeakerForm({ action }: { action: FormAction }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <Field
        label="Co-speaker’s email address"
        name="email"
        errors={state.fieldErrors?.email}
        hint="They get an email with a link to accept or decline, and sign in with this address to answer."
      >
        {(a) => <input {...a} type="email" autoComplete="off" required defaultValue={state.values?.email ?? ""} />}
      </Field>
      <SubmitButton pendingText="Sending…">Send invitation</SubmitButton>
    </form>
  );
}
