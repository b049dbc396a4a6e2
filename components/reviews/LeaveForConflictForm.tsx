"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

/** "I have a conflict", behind a disclosure that says what it does before anything happens. */
export function LeaveForConflictForm({
  action,
  proposalId,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  proposalId: string;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <details className="card">
      <summary>I have a conflict of interest with this proposal</summary>
      <form action={formAction}>
        <FormMessage state={state} />
        <p>
          You know a speaker, work with them, or compete with what they present? Declare a conflict: the proposal leaves your queue and your
          counts, your review of it (if any) is removed, and you will no longer see it, its reviews or its discussion. Only an organizer can
          undo this.
        </p>
        <input type="hidden" name="proposalId" value={proposalId} />
        <SubmitButton variant="danger" pendingText="Declaring…">
          Declare a conflict and leave this proposal
        </SubmitButton>
      </form>
    </details>
  );
}
