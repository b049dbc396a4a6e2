"use client";
import { useActionState, useState } from "react";
import { CountedField } from "@/components/ui/CountedField";
import { Field } from "@/components/ui/Field";
import { FormMessage } from "@/components/ui/FormMessage";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { useFormRevision } from "@/components/ui/useFormRevision";
import type { FormState } from "@/lib/forms/result";
import {
  HELP_TEXT_MAX,
  QUESTION_TEXT_MAX,
  REQUIREMENTS,
  REQUIREMENT_LABELS,
  TARGETS,
  TARGET_LABELS,
  VARIANTS,
  VARIANT_LABELS,
  isChoice,
  isText,
  type Variant,
} from "@/lib/questions/kinds";

export type QuestionFormValues = Record<
  | "target"
  | "variant"
  | "question"
  | "helpText"
  | "requirement"
  | "deadline"
  | "freezeAfter"
  | "minLength"
  | "maxLength"
  | "minNumber"
  | "maxNumber"
  | "minDate"
  | "maxDate"
  | "minChoices"
  | "maxChoices"
  | "options",
  string
> & { trackIds: string[]; sessionTypeIds: string[]; visibleToReviewers: boolean; isPublic: boolean; personalData: boolean };

export const EMPTY_QUESTION: QuestionFormValues = {
  target: "SUBMISSION",
  variant: "STRING",
  question: "",
  helpText: "",
  requirement: "OPTIONAL",
  deadline: "",
  freezeAfter: "",
  minLength: "",
  maxLength: "",
  minNumber: "",
  maxNumber: "",
  minDate: "",
  maxDate: "",
  minChoices: "",
  maxChoices: "",
  options: "",
  trackIds: [],
  sessionTypeIds: [],
  visibleToReviewers: true,
  isPublic: false,
  personalData: false,
};

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  initial: QuestionFormValues;
  tracks: { id: string; name: string }[];
  sessionTypes: { id: string; name: string }[];
  timeZone: string;
  submitLabel: string;
};

/** Create or edit one question. Limits that do not fit the chosen kind are hidden and ignored by the server. */
export function QuestionEditorForm({ action, initial, tracks, sessionTypes, timeZone, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, {});
  const revision = useFormRevision(state);
  const typed = state.values;
  const v = { ...initial, ...(typed ?? {}) } as QuestionFormValues;
  const flag = (name: "visibleToReviewers" | "isPublic" | "personalData") => (typed ? typed[name] === "on" : initial[name]);
  const [variant, setVariant] = useState<Variant>(v.variant as Variant);
  const [requirement, setRequirement] = useState(v.requirement);
  const errors = state.fieldErrors ?? {};
  const dateType = variant === "DATETIME" ? "datetime-local" : "date";

  return (
    <form action={formAction} noValidate>
      <FormMessage state={state} />
      <div key={revision}>
        <CountedField
          label="Question"
          name="question"
          max={QUESTION_TEXT_MAX}
          defaultValue={v.question}
          errors={errors.question}
          required
        />
        <CountedField
          label="Help text"
          name="helpText"
          max={HELP_TEXT_MAX}
          defaultValue={v.helpText}
          errors={errors.helpText}
          hint="Optional. Shown under the question."
          multiline
          rows={3}
        />
        <Field label="Who answers" name="target" errors={errors.target}>
          {(a) => (
            <select {...a} defaultValue={v.target}>
              {TARGETS.map((t) => (
                <option key={t} value={t}>
                  {TARGET_LABELS[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Kind of answer" name="variant" errors={errors.variant}>
          {(a) => (
            <select {...a} defaultValue={v.variant} onChange={(e) => setVariant(e.target.value as Variant)}>
              {VARIANTS.map((k) => (
                <option key={k} value={k}>
                  {VARIANT_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div hidden={!isChoice(variant)}>
          <Field label="Options" name="options" errors={errors.options} hint="One option per line, at least two.">
            {(a) => <textarea {...a} rows={5} defaultValue={v.options} />}
          </Field>
        </div>
        <fieldset>
          <legend>Limits</legend>
          <p className="hint">Optional. Texts count characters as the answer form does.</p>
          <div className="row" hidden={!isText(variant)}>
            <NumberField label="Minimum length" name="minLength" value={v.minLength} errors={errors.minLength} />
            <NumberField label="Maximum length" name="maxLength" value={v.maxLength} errors={errors.maxLength} />
          </div>
          <div className="row" hidden={variant !== "NUMBER"}>
            <NumberField label="Smallest number" name="minNumber" value={v.minNumber} errors={errors.minNumber} any />
            <NumberField label="Largest number" name="maxNumber" value={v.maxNumber} errors={errors.maxNumber} any />
          </div>
          <div className="row" hidden={variant !== "DATE" && variant !== "DATETIME"}>
            <Field label="Earliest" name="minDate" errors={errors.minDate}>
              {(a) => <input {...a} key={dateType} type={dateType} defaultValue={v.minDate} />}
            </Field>
            <Field label="Latest" name="maxDate" errors={errors.maxDate}>
              {(a) => <input {...a} key={dateType} type={dateType} defaultValue={v.maxDate} />}
            </Field>
          </div>
          <div className="row" hidden={variant !== "MULTIPLE_CHOICE"}>
            <NumberField label="Fewest choices" name="minChoices" value={v.minChoices} errors={errors.minChoices} />
            <NumberField label="Most choices" name="maxChoices" value={v.maxChoices} errors={errors.maxChoices} />
          </div>
        </fieldset>
        <Field
          label="Requirement"
          name="requirement"
          errors={errors.requirement}
          hint={variant === "BOOLEAN" ? "A required yes/no question is a consent (code of conduct): only “Yes” is accepted." : undefined}
        >
          {(a) => (
            <select {...a} defaultValue={v.requirement} onChange={(e) => setRequirement(e.target.value)}>
              {REQUIREMENTS.map((r) => (
                <option key={r} value={r}>
                  {REQUIREMENT_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div hidden={requirement !== "AFTER_DEADLINE"}>
          <Field
            label="Required from"
            name="deadline"
            errors={errors.deadline}
            hint={`In the event's time zone (${timeZone}). Submitting and editing need an answer from then on.`}
          >
            {(a) => <input {...a} type="datetime-local" defaultValue={v.deadline} />}
          </Field>
        </div>
        <Field
          label="Answers can be changed until"
          name="freezeAfter"
          errors={errors.freezeAfter}
          hint={`Optional, in ${timeZone}. Answers are read-only afterwards.`}
        >
          {(a) => <input {...a} type="datetime-local" defaultValue={v.freezeAfter} />}
        </Field>
        {tracks.length > 0 && <Checkboxes legend="Only for these tracks" name="trackIds" items={tracks} checked={v.trackIds} />}
        <Checkboxes legend="Only for these session types" name="sessionTypeIds" items={sessionTypes} checked={v.sessionTypeIds} />
        <fieldset>
          <legend>Who sees the answers</legend>
          <label className="checkbox">
            <input type="checkbox" name="visibleToReviewers" defaultChecked={flag("visibleToReviewers")} /> Shown to reviewers (speaker
            answers only when review is not blind)
          </label>
          <label className="checkbox">
            <input type="checkbox" name="isPublic" defaultChecked={flag("isPublic")} /> Public once the talk is accepted
          </label>
          {errors.isPublic && <p className="field-error">{errors.isPublic.join(" ")}</p>}
          <label className="checkbox">
            <input type="checkbox" name="personalData" defaultChecked={flag("personalData")} /> Personal data (never exported without the
            personal-data scope, erased with the account)
          </label>
        </fieldset>
      </div>
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}

function NumberField({
  label,
  name,
  value,
  errors,
  any,
}: {
  label: string;
  name: string;
  value: string;
  errors?: string[];
  any?: boolean;
}) {
  return (
    <Field label={label} name={name} errors={errors}>
      {(a) => <input {...a} type="number" inputMode={any ? "decimal" : "numeric"} step={any ? "any" : 1} defaultValue={value} />}
    </Field>
  );
}

function Checkboxes({
  legend,
  name,
  items,
  checked,
}: {
  legend: string;
  name: string;
  items: { id: string; name: string }[];
  checked: string[];
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <p className="hint">None ticked: asked for all.</p>
      <div className="radio-row">
        {items.map((i) => (
          <label key={i.id}>
            <input type="checkbox" name={name} value={i.id} defaultChecked={checked.includes(i.id)} />
            <span>{i.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
