"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { emailSignInAction } from "./actions";

/** Asks for an address and emails it a sign-in link; `email` fills the field in (sending the link again). */
export function EmailSignInForm({ callbackUrl, email }: { callbackUrl: string; email?: string }) {
  const [state, action] = useActionState(emailSignInAction, {});
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Email address" name="email" errors={state.fieldErrors?.email}>
        {(a) => <input {...a} type="email" autoComplete="email" required defaultValue={state.values?.email ?? email ?? ""} />}
      </Field>
      <SubmitButton pendingText="Sending link…">Email me a sign-in link</SubmitButton>
    </form>
  );
}
