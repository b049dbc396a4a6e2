"use client";
import { useActionState } from "react";
import { CountedField } from "@/components/ui/CountedField";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";
import { COMMENT_BODY_MAX } from "@/lib/reviews/discussion-limits";
import { useFormRevision } from "@/components/ui/useFormRevision";

export function DiscussionForm({
  action,
  proposalId,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  proposalId: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  // After a successful post the field starts empty; after an error it keeps what was typed.
  const body = state.ok ? "" : (state.values?.body ?? "");
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="proposalId" value={proposalId} />
      <CountedField
        key={revision}
        label="Add to the discussion"
        name="body"
        max={COMMENT_BODY_MAX}
        defaultValue={body}
        errors={state.fieldErrors?.body}
        hint="Seen by the organizers and the reviewers of this proposal, never by speakers."
        multiline
        rows={3}
      />
      <SubmitButton pendingText="Posting…">Post comment</SubmitButton>
    </form>
  );
}
