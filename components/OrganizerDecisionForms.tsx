"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/FormMessage";
import { SubmitButton } from "@/components/SubmitButton";
import type { FormState } from "@/lib/forms/result";

type Decision = "accept" | "reject" | "reopen";

const BUTTONS: Record<Decision, { label: string; pending: string; variant: "primary" | "secondary" | "danger" }> = {
  accept: { label: "Accept", pending: "Accepting…", variant: "primary" },
  reject: { label: "Reject", pending: "Rejecting…", variant: "danger" },
  reopen: { label: "Move back to submitted", pending: "Moving…", variant: "secondary" },
};

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  proposalId: string;
  /** What the organizer may do from the current status (availableTransitions). */
  decisions: string[];
};

/** One small form per decision, sharing one outcome message (including "changed since you loaded it"). */
export function OrganizerDecisionForms({ action, proposalId, decisions }: Props) {
  const [state, formAction] = useActionState(action, {});
  const shown = decisions.filter((d): d is Decision => d in BUTTONS);
  return (
    <div>
      <FormMessage state={state} />
      {shown.length === 0 ? (
        <p className="muted">No decision can be made in this status.</p>
      ) : (
        <div className="row">
          {shown.map((d) => (
            <form key={d} action={formAction}>
              <input type="hidden" name="proposalId" value={proposalId} />
              <input type="hidden" name="transition" value={d} />
              <SubmitButton variant={BUTTONS[d].variant} pendingText={BUTTONS[d].pending}>
                {BUTTONS[d].label}
              </SubmitButton>
            </form>
          ))}
        </div>
      )}
    </div>
  );
}
