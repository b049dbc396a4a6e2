"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";

/** The id the table's checkboxes point at (form="…"), so the table stays a plain server component. */
export const BULK_FORM_ID = "bulk-decisions";

/** Decide on, or publish, every selected proposal at once. `children`: more bulk controls posting the same selection (tags). */
export function BulkDecisionForm({
  action,
  children,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  children?: React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form id={BULK_FORM_ID} action={formAction} className="row filters" aria-label="Decide on the selected proposals">
      <div className="field">
        <label htmlFor="bulk-operation">With the selected proposals</label>
        <select id="bulk-operation" name="operation" defaultValue="ACCEPTED">
          <option value="ACCEPTED">Mark accepted</option>
          <option value="WAITLISTED">Mark waitlisted</option>
          <option value="REJECTED">Mark rejected</option>
          <option value="UNDECIDED">Mark undecided</option>
          <option value="PUBLISH">Publish their decisions</option>
        </select>
      </div>
      <SubmitButton variant="secondary" pendingText="Applying…">
        Apply
      </SubmitButton>
      <div style={{ flexBasis: "100%" }}>
        <FormMessage state={state} />
      </div>
      {children}
    </form>
  );
}
