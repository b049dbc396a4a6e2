"use client";
import { useActionState, useRef } from "react";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { LIMITS } from "@/lib/text/proposal-limits";
import type { FormState } from "@/lib/forms/result";
import { ProposalLevelFieldset } from "@/components/proposals/ProposalLevelFieldset";
import { CountedField } from "@/components/ui/CountedField";
import { useFormRevision } from "@/components/ui/useFormRevision";
import { QuestionFields } from "@/components/questions/QuestionFields";
import type { FormAnswer, FormQuestion } from "@/lib/questions/kinds";
import { useUnsavedChanges } from "@/components/ui/useUnsavedChanges";
import { RestoredNotice, UnsavedNote } from "@/components/ui/UnsavedNote";

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
  /** New proposal of a talk from the speaker's library (ADR 0020). */
  talkId?: string;
  /** Where this tab keeps unsaved input (per person and proposal or event), so leaving and coming back loses nothing. */
  backupKey?: string;
};

const EMPTY: ProposalFormValues = { title: "", abstract: "", notes: "", level: "", sessionTypeId: "", trackId: "" };

/** The proposal form, for a new proposal and for editing one. */
export function ProposalForm({ action, sessionTypes, tracks, mode, canSubmit, initial, version, questions, talkId, backupKey }: Props) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const formRef = useRef<HTMLFormElement>(null);
  // Saving redirects (a new page, a new form), so the baseline is the form as loaded.
  const { dirty, keptAt, restored, discard } = useUnsavedChanges(formRef, version, backupKey, state.formError ? state : null);
  const v = { ...EMPTY, ...initial, ...state.values };
  // With one session type there is nothing to choose.
  if (!v.sessionTypeId && !state.values && sessionTypes.length === 1) v.sessionTypeId = sessionTypes[0].id;
  const errors = state.fieldErrors ?? {};

  return (
    <form action={formAction} noValidate ref={formRef}>
      <FormMessage state={state} />
      <RestoredNotice restored={restored} onDiscard={discard} />
      {version && <input type="hidden" name="version" value={version} />}
      {talkId && <input type="hidden" name="talkId" value={talkId} />}
      <p className="hint">Only the title is needed to save a draft; the other fields are needed to submit.</p>
      <div key={revision}>
        <CountedField label="Title" name="title" max={LIMITS.title} defaultValue={v.title} errors={errors.title} required />
        <CountedField
          label="Abstract"
          name="abstract"
          max={LIMITS.abstract}
          defaultValue={v.abstract}
          errors={errors.abstract}
          hint="Needed to submit. What the talk is about and what the audience will learn. Markdown is supported (**bold**, lists, links)."
          multiline
          rows={12}
          markdown
        />
        <CountedField
          label="Notes for reviewers"
          name="notes"
          max={LIMITS.notes}
          defaultValue={v.notes}
          errors={errors.notes}
          hint="Optional. Anything reviewers should know: outline, previous deliveries, demo needs. Markdown is supported."
          multiline
          rows={5}
          markdown
        />
        <Field label="Session type" name="sessionTypeId" errors={errors.sessionTypeId} hint="Needed to submit.">
          {(a) => (
            <select {...a} defaultValue={v.sessionTypeId}>
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
        {mode === "new" && (
          <Field
            label="Co-speakers"
            name="coSpeakers"
            errors={errors.coSpeakers}
            hint="Optional. Their email addresses, separated by commas or lines: each gets an invitation when you save. You can invite more later."
          >
            {(a) => <textarea {...a} rows={2} defaultValue={state.values?.coSpeakers ?? ""} autoComplete="off" />}
          </Field>
        )}
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
        <UnsavedNote dirty={dirty} keptAt={keptAt} />
      </div>
    </form>
  );
}
