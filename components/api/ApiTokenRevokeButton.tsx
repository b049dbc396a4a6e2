"use client";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import type { FormState } from "@/lib/forms/result";

type Props = { action: (prev: FormState, formData: FormData) => Promise<FormState>; tokenId: string; name: string };

/** Revokes one token at once, with its error next to it. */
export function ApiTokenRevokeButton({ action, tokenId, name }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <RevokeButton name={name} />
      {state.formError && (
        <p className="field-error" role="alert">
          {state.formError}
        </p>
      )}
    </form>
  );
}

function RevokeButton({ name }: { name: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn btn-danger" disabled={pending} aria-disabled={pending} aria-label={`Revoke the token ${name}`}>
      {pending ? "Revoking…" : "Revoke"}
    </button>
  );
}
