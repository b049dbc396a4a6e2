"use client";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import type { FormAction } from "./types";

type Props = {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  /** The accessible name, which says whom it is about: "Resend the invitation to ada@example.org". */
  describedAs: string;
  variant?: "secondary" | "danger";
};

/** One button for one invitation (resend, revoke, invite again), with its outcome next to it. */
export function InvitationButton({ action, fields, label, pendingLabel, describedAs, variant = "secondary" }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button label={label} pendingLabel={pendingLabel} describedAs={describedAs} variant={variant} />
      <div aria-live="polite" role="status">
        {state.formError && <p className="field-error">{state.formError}</p>}
        {state.ok && state.message && <p className="hint">{state.message}</p>}
      </div>
    </form>
  );
}

function Button({ label, pendingLabel, describedAs, variant }: Pick<Props, "label" | "pendingLabel" | "describedAs" | "variant">) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={`btn btn-${variant}`} disabled={pending} aria-disabled={pending} aria-label={describedAs}>
      {pending ? pendingLabel : label}
    </button>
  );
}
