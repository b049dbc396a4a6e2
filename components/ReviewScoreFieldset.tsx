import { useId } from "react";
import { SCORE_MAX, SCORE_MIN } from "@/lib/reviews/schemas";

const SCORE_LABELS: Record<number, string> = { 1: "Poor", 2: "Weak", 3: "Fair", 4: "Good", 5: "Excellent" };

/** Score 1–5 as a radio group: arrow keys move between choices. */
export function ReviewScoreFieldset({ selected, errors }: { selected: string; errors?: string[] }) {
  const errorId = useId();
  const scores = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);
  return (
    <fieldset className={errors?.length ? "field-invalid" : undefined}>
      <legend>Score</legend>
      <div className="radio-row">
        {scores.map((n) => (
          <label key={n}>
            <input
              type="radio"
              name="score"
              value={n}
              defaultChecked={selected === String(n)}
              required
              aria-invalid={errors?.length ? true : undefined}
              aria-describedby={errors?.length ? errorId : undefined}
            />
            <span>
              {n} — {SCORE_LABELS[n] ?? n}
            </span>
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p className="field-error" id={errorId}>
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
