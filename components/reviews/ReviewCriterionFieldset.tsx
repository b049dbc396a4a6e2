import { useId } from "react";
import { scoreField } from "@/lib/reviews/review-fields";

export type FormCriterion = { id: string; name: string; description: string; minScore: number; maxScore: number; weight: number };

/**
 * One criterion as a radio group: its scale plus "no opinion". Arrow keys
 * move between choices; ReviewShortcuts adds digit keys while focus is here.
 */
export function ReviewCriterionFieldset({
  criterion,
  selected,
  errors,
}: {
  criterion: FormCriterion;
  selected: string;
  errors?: string[];
}) {
  const errorId = useId();
  const hintId = useId();
  const values = Array.from({ length: criterion.maxScore - criterion.minScore + 1 }, (_, i) => criterion.minScore + i);
  const describedBy = [criterion.description ? hintId : "", errors?.length ? errorId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={errors?.length ? "field-invalid" : undefined} data-criterion={criterion.id} aria-describedby={describedBy}>
      <legend>
        {criterion.name}
        <span className="muted">
          {" "}
          ({criterion.minScore}–{criterion.maxScore}
          {criterion.weight !== 1 ? `, weight ${criterion.weight}` : ""})
        </span>
      </legend>
      {criterion.description && (
        <p className="hint" id={hintId}>
          {criterion.description}
        </p>
      )}
      <div className="radio-row">
        {values.map((n) => (
          <label key={n}>
            <input
              type="radio"
              name={scoreField(criterion.id)}
              value={n}
              defaultChecked={selected === String(n)}
              aria-invalid={errors?.length ? true : undefined}
            />
            <span>{n}</span>
          </label>
        ))}
        <label>
          <input type="radio" name={scoreField(criterion.id)} value="" defaultChecked={selected === ""} />
          <span>No opinion</span>
        </label>
      </div>
      {errors?.length ? (
        <p className="field-error" id={errorId}>
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
