"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { LIMITS } from "@/lib/proposals/limits";
import type { FormState } from "@/lib/forms/result";
import { ProposalLevelFieldset } from "@/components/proposals/ProposalLevelFieldset";
import { CountedField } from "@/components/ui/CountedField";
import { useFormRevision } from "@/components/ui/useFormRevision";
import { QuestionFields } from "@/components/questions/QuestionFields";
import type { FormAnswer, FormQuestion } from "@/lib/questions/kinds";

export type ProposalFormValues = {
  title: string;
  abstract: string;
  notes: string;
  level: string;
  sessionTypeId: string;
  trackId: string;
};

type Props = {
  /** A server action with its target (event or proposal id) already bound. */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  sessionTypes: { id: string; name: string; durationMinutes: number }[];
  tracks: { id: string; name: string }[];
  mode: "new" | "edit";
  /** Show "Submit proposal" (new proposals and drafts). */
  canSubmit: boolean;
  initial?: ProposalFormValues;
  /** The proposal's updatedAt when loaded (edit mode): the server refuses edits made from a stale page. */
  version?: string;
  /** The event's proposal and speaker questions, with this speaker's saved answers (lib/questions). */
  questions?: { list: FormQuestion[]; saved: Record<string, FormAnswer> };
};

const EMPTY: ProposalFormValues = { title: "", abstract: "", notes: "", level: "", sessionTypeId: "", trackId: "" };

/** The proposal form, for a new proposal and for editing one. */
export function ProposalForm({ action, sessionTypes, tracks, mode, canSubmit, initial, version, questions }: Props) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const onlyType = sessionTypes.length === 1 ? { sessionTypeId: sessionTypes[0].id } : {};
  const v = { ...EMPTY, ...onlyType, ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};

  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      {version && <input type="hidden" name="version" value={version} />}
      <div key={revision}>
        <CountedField label="Title" name="title" max={LIMITS.title} defaultValue={v.title} errors={errors.title} required />
        <CountedField
          label="Abstract"
          name="abstract"
          max={LIMITS.abstract}
          defaultValue={v.abstract}
          errors={errors.abstract}
          hint="What the talk is about and what the audience will learn. Markdown is supported (**bold**, lists, links)."
          multiline
          rows={12}
          required
        />
        <CountedField
          label="Notes for reviewers"
          name="notes"
          max={LIMITS.notes}
          defaultValue={v.notes}
          errors={errors.notes}
          hint="Optional. Anything reviewers should know: outline, previous deliveries, demo needs."
          multiline
          rows={5}
        />
        <Field label="Session type" name="sessionTypeId" errors={errors.sessionTypeId}>
          {(a) => (
            <select {...a} defaultValue={v.sessionTypeId} required>
              <option value="">Choose a session type</option>
              {sessionTypes.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.durationMinutes} min)
                </option>
              ))}
            </select>
          )}
        </Field>
        {tracks.length > 0 && (
          <Field label="Track" name="trackId" errors={errors.trackId} hint="Optional: the track your talk fits best.">
            {(a) => (
              <select {...a} defaultValue={v.trackId}>
                <option value="">No preference</option>
                {tracks.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <ProposalLevelFieldset defaultValue={v.level} errors={errors.level} />
        {questions && (
          <QuestionFields
            questions={questions.list}
            saved={questions.saved}
            typed={state.values}
            errors={errors}
            names={Object.fromEntries([...sessionTypes, ...tracks].map((x) => [x.id, x.name]))}
          />
        )}
      </div>
      <div className="row">
        <SubmitButton name="intent" value="draft" variant={canSubmit ? "secondary" : "primary"}>
          {mode === "new" ? "Save draft" : "Save changes"}
        </SubmitButton>
        {canSubmit && (
          <SubmitButton name="intent" value="submit" pendingText="Submitting…">
            Submit proposal
          </SubmitButton>
        )}
      </div>
    </form>
  );
}
