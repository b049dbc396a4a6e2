"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { CharCounter } from "@/components/CharCounter";
import { Field } from "@/components/Field";
import { FormMessage } from "@/components/FormMessage";
import { SubmitButton } from "@/components/SubmitButton";
import type { FormState } from "@/lib/forms/result";
import { COMMENT_MAX } from "@/lib/reviews/schemas";
import { ReviewScoreFieldset } from "./ReviewScoreFieldset";

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
  const [comment, setComment] = useState(existing?.comment ?? "");
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
      <Field
        label="Comment"
        name="comment"
        errors={state.fieldErrors?.comment}
        hint="Optional. Organizers read it; speakers never see it."
      >
        {(a) => (
          <>
            <textarea {...a} value={comment} onChange={(e) => setComment(e.target.value)} rows={6} />
            <CharCounter value={comment} max={COMMENT_MAX} />
          </>
        )}
      </Field>
      <SubmitButton>{existing ? "Update review" : "Save review"}</SubmitButton>
    </form>
  );
}
