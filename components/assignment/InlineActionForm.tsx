"use client";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import type { FormState } from "@/lib/forms/result";

type Button = {
  label: string;
  pendingText: string;
  /** The full accessible name when the visible label is ambiguous in a list ("Remove" → "Remove Ada from …"). */
  ariaLabel: string;
  variant?: "primary" | "secondary" | "danger";
  /** Sent with the form when this button is pressed. */
  name?: string;
  value?: string;
};

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string>;
  buttons: Button[];
};

/** A row-level form of hidden fields and buttons (remove, confirm, dismiss), with its refusal shown next to it. */
export function InlineActionForm({ action, fields, buttons }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="row" style={{ gap: ".5rem" }}>
        {buttons.map((b) => (
          <ActionButton key={b.label} {...b} />
        ))}
      </div>
      {state.formError && (
        <p className="field-error" role="alert">
          {state.formError}
        </p>
      )}
    </form>
  );
}

function ActionButton({ label, pendingText, ariaLabel, variant = "secondary", name, value }: Button) {
  const { pending, data } = useFormStatus();
  const pressed = pending && (!name || data?.get(name) === value);
  return (
    <button
      type="submit"
      className={`btn btn-${variant}`}
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      aria-label={pressed ? undefined : ariaLabel}
    >
      {pressed ? pendingText : label}
    </button>
  );
}
