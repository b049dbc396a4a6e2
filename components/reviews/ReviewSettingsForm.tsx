"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import type { FormState } from "@/lib/forms/result";
import { EventRowsFieldset, type EventRow } from "@/components/events/EventRowsFieldset";
import { useFormRevision } from "@/components/ui/useFormRevision";

export type ReviewSettingsValues = {
  blindReview: boolean;
  reviewVisibility: string;
  reviewsPerProposal: string;
  ratingGuide: string;
  criteria: EventRow[];
};

const VISIBILITY = [
  { value: "AFTER_OWN_REVIEW", label: "After the reviewer has saved their own review (recommended)" },
  { value: "NEVER", label: "Never: only organizers see reviews" },
  { value: "ALWAYS", label: "Always, even before reviewing" },
];

/** Blind review, who sees what, how many reviews each proposal needs, and what reviewers score. */
export function ReviewSettingsForm({
  action,
  initial,
}: {
  action: (prev: FormState, fd: FormData) => Promise<FormState>;
  initial: ReviewSettingsValues;
}) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const errors = state.fieldErrors ?? {};
  const v = state.values;
  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <div className="field" key={`blind-${revision}`}>
        <label className="checkbox">
          <input type="checkbox" name="blindReview" defaultChecked={v ? v.blindReview === "on" : initial.blindReview} />
          Blind review: reviewers never see who the speakers are
        </label>
        <p className="hint">Organizers always see speakers. Turn this off only if your reviewers should weigh who is speaking.</p>
      </div>
      <Field label="Reviewers see each other's reviews" name="reviewVisibility" errors={errors.reviewVisibility}>
        {(a) => (
          <select key={revision} {...a} defaultValue={v?.reviewVisibility ?? initial.reviewVisibility}>
            {VISIBILITY.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Reviews wanted per proposal"
        name="reviewsPerProposal"
        errors={errors.reviewsPerProposal}
        hint="Automatic assignment gives each proposal this many reviewers; the ranking flags proposals below it."
      >
        {(a) => (
          <input
            {...a}
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            defaultValue={v?.reviewsPerProposal ?? initial.reviewsPerProposal}
          />
        )}
      </Field>
      <Field
        label="Rating guide"
        name="ratingGuide"
        errors={errors.ratingGuide}
        hint="Shown beside the review form. Markdown is supported."
      >
        {(a) => <textarea key={revision} {...a} rows={6} defaultValue={v?.ratingGuide ?? initial.ratingGuide} />}
      </Field>
      <EventRowsFieldset
        key={JSON.stringify(initial.criteria)}
        list="criteria"
        legend="Review criteria"
        itemLabel="Criterion"
        hint="Reviewers score each criterion on its scale or say “no opinion”. A review's score is the weighted mean, each criterion counted relative to its scale. Criteria already scored keep their scale."
        columns={[
          { field: "name", label: "Name", grow: 2 },
          { field: "minScore", label: "Lowest score", type: "number" },
          { field: "maxScore", label: "Highest score", type: "number" },
          { field: "weight", label: "Weight", type: "decimal" },
          { field: "description", label: "Description (optional)", grow: 3 },
        ]}
        blank={{ name: "", minScore: "1", maxScore: "5", weight: "1", description: "" }}
        initial={initial.criteria}
        errors={errors}
      />
      <SubmitButton>Save review settings</SubmitButton>
    </form>
  );
}
