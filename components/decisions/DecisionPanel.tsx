"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

const CHOICES = [
  { value: "ACCEPTED", label: "Accept" },
  { value: "WAITLISTED", label: "Waitlist" },
  { value: "REJECTED", label: "Reject" },
  { value: "UNDECIDED", label: "Undecided" },
];

type Props = {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  proposalId: string;
  /** Pending decisions this status allows (DECIDABLE); empty when it can no longer be decided. */
  allowed: readonly string[];
  pending: string | null;
  /** A pending decision differs from what speakers see. */
  publishable: boolean;
};

/** Decide (internal, changeable), then publish to the speakers. */
export function DecisionPanel({ action, proposalId, allowed, pending, publishable }: Props) {
  const [state, formAction] = useActionState(action, {});
  if (allowed.length === 0) {
    // Publishing an acceptance lands here: keep its outcome on screen (and announced).
    return (
      <div className="stack">
        <FormMessage state={state} />
        <p className="muted">This proposal can no longer be decided on.</p>
      </div>
    );
  }
  const choices = CHOICES.filter((c) => c.value === "UNDECIDED" || allowed.includes(c.value));
  return (
    <div className="stack">
      <FormMessage state={state} />
      <form action={formAction}>
        <input type="hidden" name="proposalId" value={proposalId} />
        <fieldset>
          <legend>Your decision (speakers do not see it until you publish)</legend>
          <div className="radio-row">
            {choices.map((c) => (
              <label key={c.value}>
                <input type="radio" name="operation" value={c.value} defaultChecked={(pending ?? "UNDECIDED") === c.value} />
                <span>{c.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <SubmitButton variant="secondary">Save decision</SubmitButton>
      </form>
      {publishable && (
        <form action={formAction}>
          <input type="hidden" name="proposalId" value={proposalId} />
          <input type="hidden" name="operation" value="PUBLISH" />
          <p>Publishing changes the status speakers see and emails them.</p>
          <SubmitButton pendingText="Publishing…">Publish this decision</SubmitButton>
        </form>
      )}
    </div>
  );
}
