"use client";
import Link from "next/link";
import { useActionState, useRef } from "react";
import { CountedField } from "@/components/ui/CountedField";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";
import { COMMENT_MAX, scoreField } from "@/lib/reviews/review-fields";
import { ReviewCriterionFieldset, type FormCriterion } from "@/components/reviews/ReviewCriterionFieldset";
import { useFormRevision } from "@/components/ui/useFormRevision";
import { useUnsavedChanges } from "@/components/ui/useUnsavedChanges";
import { RestoredNotice, UnsavedNote } from "@/components/ui/UnsavedNote";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  proposalId: string;
  criteria: FormCriterion[];
  existing: { comment: string; scores: { criterionId: string; value: number }[] } | null;
  /** Where "Next proposal" goes once this review is saved; null when nothing is left. */
  nextHref: string | null;
  queueHref: string;
  /** Where this tab keeps picked scores and a typed comment until they are saved (per reviewer and proposal). */
  backupKey?: string;
};

export function ReviewForm({ action, proposalId, criteria, existing, nextHref, queueHref, backupKey }: Props) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const formRef = useRef<HTMLFormElement>(null);
  // Picked scores and a typed comment count as unsaved until a save succeeds; J/K and links then ask first.
  const { dirty, keptAt, restored, discard } = useUnsavedChanges(
    formRef,
    state.ok ? state : null,
    backupKey,
    state.formError ? state : null,
  );
  const comment = state.values?.comment ?? existing?.comment ?? "";
  const selected = (criterionId: string) => {
    const typed = state.values?.[scoreField(criterionId)];
    if (typed !== undefined) return typed;
    const saved = existing?.scores.find((s) => s.criterionId === criterionId);
    return saved ? String(saved.value) : existing ? "" : "unset";
  };
  return (
    <form action={formAction} noValidate id="review-form" ref={formRef}>
      <FormMessage state={state} />
      {state.ok && (
        <p>{nextHref ? <Link href={nextHref}>Next proposal →</Link> : <Link href={queueHref}>All reviewed: back to the list</Link>}</p>
      )}
      <RestoredNotice restored={restored} onDiscard={discard} />
      <input type="hidden" name="proposalId" value={proposalId} />
      <div key={revision}>
        {criteria.map((c) => (
          <ReviewCriterionFieldset key={c.id} criterion={c} selected={selected(c.id)} errors={state.fieldErrors?.[scoreField(c.id)]} />
        ))}
      </div>
      <CountedField
        key={`comment-${revision}`}
        label="Comment"
        name="comment"
        max={COMMENT_MAX}
        defaultValue={comment}
        errors={state.fieldErrors?.comment}
        hint="Optional. The organizers read it, and fellow reviewers when the event shows reviews to them; speakers never see it."
        multiline
        rows={6}
      />
      <div className="row">
        <SubmitButton>{existing ? "Update review" : "Save review"}</SubmitButton>
        <UnsavedNote dirty={dirty} keptAt={keptAt} />
      </div>
    </form>
  );
}
