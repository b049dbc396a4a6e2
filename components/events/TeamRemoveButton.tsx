"use client";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import type { FormState } from "@/lib/forms/result";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  memberId: string;
  /** Who is removed, for the button's accessible name: "Remove Ada Lovelace". */
  who: string;
};

/** A remove button for one team member, with its error (e.g. "the last organizer") next to it. */
export function TeamRemoveButton({ action, memberId, who }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction}>
      <input type="hidden" name="memberId" value={memberId} />
      <RemoveButton who={who} />
      {state.formError && (
        <p className="field-error" role="alert">
          {state.formError}
        </p>
      )}
    </form>
  );
}

function RemoveButton({ who }: { who: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn btn-danger" disabled={pending} aria-disabled={pending} aria-label={`Remove ${who} from the team`}>
      {pending ? "Removing…" : "Remove"}
    </button>
  );
}
