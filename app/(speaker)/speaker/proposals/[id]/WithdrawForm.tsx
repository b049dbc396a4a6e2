"use client";
import { useActionState, useId } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

/** Withdrawing needs an explicit tick, checked again on the server. */
export function WithdrawForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, {});
  const id = useId();
  const errors = state.fieldErrors?.confirm;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <div className={`field${errorId ? " field-invalid" : ""}`}>
        <label>
          <input type="checkbox" name="confirm" value="yes" aria-invalid={errorId ? true : undefined} aria-describedby={errorId} /> Yes,
          withdraw this proposal
        </label>
        {errorId && (
          <p className="field-error" id={errorId}>
            {errors!.join(" ")}
          </p>
        )}
      </div>
      <SubmitButton variant="danger" pendingText="Withdrawing…">
        Withdraw proposal
      </SubmitButton>
    </form>
  );
}
