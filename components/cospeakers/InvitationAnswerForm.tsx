"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormAction } from "./types";

/** Accept or decline a co-speaker invitation: one form, two buttons, one answer. */
export function InvitationAnswerForm({ action, token }: { action: FormAction; token: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction}>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <div className="row">
        <SubmitButton name="answer" value="accept" pendingText="Accepting…">
          Accept
        </SubmitButton>
        <SubmitButton name="answer" value="decline" variant="secondary" pendingText="Declining…">
          Decline
        </SubmitButton>
      </div>
    </form>
  );
}
