"use client";
import { useId } from "react";
import { CountedField } from "@/components/ui/CountedField";
import { Field } from "@/components/ui/Field";
import { answerField, isText, maxLengthOf, type FormAnswer, type FormQuestion } from "@/lib/questions/kinds";

type Props = {
  questions: FormQuestion[];
  /** Saved answers by question id. */
  saved: Record<string, FormAnswer>;
  /** What the user typed last time (a refused form keeps it). */
  typed?: Record<string, string>;
  errors: Record<string, string[] | undefined>;
  /** Track and session type names, for "Asked for …" hints. */
  names?: Record<string, string>;
};

/** The event's own questions inside a form; each answer is sent as `q.<questionId>`. */
export function QuestionFields({ questions, saved, typed, errors, names = {} }: Props) {
  if (questions.length === 0) return null;
  return (
    <div className="stack">
      {questions.map((q) => (
        <QuestionField
          key={q.id}
          q={q}
          saved={saved[q.id]}
          typed={typed?.[answerField(q.id)]}
          errors={errors[answerField(q.id)]}
          names={names}
        />
      ))}
    </div>
  );
}

function hintOf(q: FormQuestion, names: Record<string, string>): string | undefined {
  const parts = [q.helpText];
  const limited = [...q.trackIds, ...q.sessionTypeIds].map((id) => names[id]).filter(Boolean);
  if (limited.length) parts.push(`Asked for: ${limited.join(", ")}.`);
  if (q.target === "SPEAKER") parts.push("Asked once per speaker for this event.");
  if (q.consent) parts.push(q.required ? "Only “Yes” is accepted." : "Only “Yes” will be accepted from the date the organizers set.");
  if (q.variant === "MULTIPLE_CHOICE" && (q.minChoices || q.maxChoices)) {
    parts.push(
      `Choose ${q.minChoices ? `at least ${q.minChoices}` : ""}${q.minChoices && q.maxChoices ? " and " : ""}${q.maxChoices ? `at most ${q.maxChoices}` : ""}.`,
    );
  }
  return parts.filter(Boolean).join(" ") || undefined;
}

function QuestionField({
  q,
  saved,
  typed,
  errors,
  names,
}: {
  q: FormQuestion;
  saved?: FormAnswer;
  typed?: string;
  errors?: string[];
  names: Record<string, string>;
}) {
  const name = answerField(q.id);
  const label = `${q.question}${q.required ? " (required)" : ""}`;
  const hint = hintOf(q, names);
  const text = typed ?? saved?.answer ?? "";
  if (q.readOnly) {
    return (
      <div className="field">
        <p className="flush">
          <strong>{q.question}</strong> <span className="muted">(answers can no longer be changed)</span>
        </p>
        <p>{saved ? shownOf(q, saved) : <span className="muted">Not answered</span>}</p>
      </div>
    );
  }
  // Sent before the inputs, so "nothing picked" still reaches the server as an answer.
  const marker = <input type="hidden" name={name} value="" />;
  if (isText(q.variant)) {
    return (
      <>
        {marker}
        <CountedField
          label={label}
          name={name}
          max={maxLengthOf(q)}
          defaultValue={text}
          errors={errors}
          hint={hint}
          multiline={q.variant === "TEXT"}
          rows={5}
          required={q.required}
        />
      </>
    );
  }
  if (q.variant === "NUMBER" || q.variant === "DATE" || q.variant === "DATETIME") {
    const type = q.variant === "NUMBER" ? "number" : q.variant === "DATE" ? "date" : "datetime-local";
    const min = q.variant === "NUMBER" ? (q.minNumber ?? undefined) : (q.minDate ?? undefined);
    const max = q.variant === "NUMBER" ? (q.maxNumber ?? undefined) : (q.maxDate ?? undefined);
    return (
      <>
        {marker}
        <Field label={label} name={name} errors={errors} hint={hint}>
          {(a) => (
            <input
              {...a}
              type={type}
              step={q.variant === "NUMBER" ? "any" : undefined}
              min={min}
              max={max}
              defaultValue={text}
              required={q.required}
            />
          )}
        </Field>
      </>
    );
  }
  // A consent (a required yes/no question) is one box to tick: "No" is not an answer it takes.
  const options =
    q.variant === "BOOLEAN" && q.consent
      ? [{ id: "true", answer: "Yes" }]
      : q.variant === "BOOLEAN"
        ? [
            { id: "true", answer: "Yes" },
            { id: "false", answer: "No" },
          ]
        : q.options;
  const picked = (id: string) =>
    typed !== undefined ? typed === id : q.variant === "BOOLEAN" ? saved?.answer === id : !!saved?.optionIds.includes(id);
  return (
    <>
      {marker}
      <ChoiceFieldset label={label} hint={hint} errors={errors}>
        {options.map((o) => (
          <label key={o.id}>
            <input
              type={q.variant === "MULTIPLE_CHOICE" || q.consent ? "checkbox" : "radio"}
              name={name}
              value={o.id}
              defaultChecked={picked(o.id)}
              required={q.consent && q.required}
            />
            <span>{o.answer}</span>
          </label>
        ))}
      </ChoiceFieldset>
    </>
  );
}

function ChoiceFieldset({ label, hint, errors, children }: { label: string; hint?: string; errors?: string[]; children: React.ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset
      className={errors?.length ? "field-invalid" : undefined}
      aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
    >
      <legend>{label}</legend>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="radio-row">{children}</div>
      {errorId && (
        <p className="field-error" id={errorId}>
          {errors!.join(" ")}
        </p>
      )}
    </fieldset>
  );
}

function shownOf(q: FormQuestion, a: FormAnswer): string {
  if (q.variant === "BOOLEAN") return a.answer === "true" ? "Yes" : "No";
  if (q.variant === "CHOICES" || q.variant === "MULTIPLE_CHOICE")
    return q.options
      .filter((o) => a.optionIds.includes(o.id))
      .map((o) => o.answer)
      .join(", ");
  return a.answer.replace(/^(\d{4}-\d{2}-\d{2})T/, "$1 ");
}
