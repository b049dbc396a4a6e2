"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

/**
 * Confirm or decline an accepted talk. Declining gives the slot away, so it
 * asks for a tick first; the server checks it again.
 */
export function RespondForm({
  action,
  hidden,
  open = true,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  /** False once the talk is no longer waiting for an answer: only the last outcome is shown. */
  open?: boolean;
}) {
  const [state, formAction] = useActionState(action, {});
  if (!open) return <FormMessage state={state} />;
  const fields = Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  return (
    <div className="stack">
      <FormMessage state={state} />
      <form action={formAction}>
        {fields}
        <input type="hidden" name="answer" value="confirm" />
        <SubmitButton pendingText="Confirming…">Confirm: I will give this talk</SubmitButton>
      </form>
      <form action={formAction}>
        {fields}
        <input type="hidden" name="answer" value="decline" />
        <div className={`field${state.fieldErrors?.sure ? " field-invalid" : ""}`}>
          <label className="checkbox">
            <input type="checkbox" name="sure" value="yes" aria-describedby={state.fieldErrors?.sure ? "decline-error" : undefined} />
            Yes, I cannot give this talk: give my slot to someone else
          </label>
          {state.fieldErrors?.sure && (
            <p className="field-error" id="decline-error">
              {state.fieldErrors.sure.join(" ")}
            </p>
          )}
        </div>
        <SubmitButton variant="danger" pendingText="Declining…">
          Decline
        </SubmitButton>
      </form>
    </div>
  );
}
