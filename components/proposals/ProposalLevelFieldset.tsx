"use client";
import { useId } from "react";
import { LEVEL_LABELS, LEVELS } from "@/lib/text/proposal-limits";

/** The audience level as a radio group: a fieldset whose legend names the group. */
export function ProposalLevelFieldset({ defaultValue, errors }: { defaultValue: string; errors?: string[] }) {
  const id = useId();
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <fieldset className={errors?.length ? "field-invalid" : undefined} aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(" ")}>
      <legend>Level</legend>
      <p className="hint" id={`${id}-hint`}>
        Needed to submit. Who will get the most out of this talk?
      </p>
      <div className="radio-row">
        {LEVELS.map((level) => (
          <label key={level}>
            <input type="radio" name="level" value={level} defaultChecked={defaultValue === level} />
            <span>{LEVEL_LABELS[level]}</span>
          </label>
        ))}
      </div>
      {errorId && (
        <p className="field-error" id={errorId}>
          {errors!.join(" ")}
        </p>
      )}
    </fieldset>
  );
}
