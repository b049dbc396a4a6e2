"use client";
import Link from "next/link";
import { useActionState } from "react";
import { CountedField } from "@/components/CountedField";
import { FormMessage } from "@/components/FormMessage";
import { SubmitButton } from "@/components/SubmitButton";
import type { FormState } from "@/lib/forms/result";
import { COMMENT_MAX } from "@/lib/reviews/schemas";
import { ReviewScoreFieldset } from "./ReviewScoreFieldset";
import { useFormRevision } from "./useFormRevision";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  proposalId: string;
  existing: { score: number; comment: string } | null;
  /** Where "Next proposal" goes once this review is saved; null when nothing is left. */
  nextHref: string | null;
  queueHref: string;
};

export function ReviewForm({ action, proposalId, existing, nextHref, queueHref }: Props) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const comment = state.values?.comment ?? existing?.comment ?? "";
  const score = state.values?.score ?? (existing ? String(existing.score) : "");
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      {state.ok && (
        <p>
          {nextHref ? <Link href={nextHref}>Next proposal →</Link> : <Link href={queueHref}>All reviewed: back to the list</Link>}
        </p>
      )}
      <input type="hidden" name="proposalId" value={proposalId} />
      <ReviewScoreFieldset selected={score} errors={state.fieldErrors?.score} />
      <CountedField
        key={revision}
        label="Comment"
        name="comment"
        max={COMMENT_MAX}
        defaultValue={comment}
        errors={state.fieldErrors?.comment}
        hint="Optional. Organizers read it; speakers never see it."
        multiline
        rows={6}
      />
      <SubmitButton>{existing ? "Update review" : "Save review"}</SubmitButton>
    </form>
  );
}
