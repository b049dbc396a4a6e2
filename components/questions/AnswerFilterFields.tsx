import type { AnswersShown } from "@/lib/questions/answer-view";
import { MAX_ANSWER_COLUMNS } from "@/lib/questions/answer-view";

type Props = {
  /** Prefix for the fields' ids, unique on the page. */
  idPrefix: string;
  shown: Pick<AnswersShown, "filterable" | "columns">;
  value: { answer?: string; column: string[] };
};

const fieldStyle = { display: "flex", flexDirection: "column", gap: ".25rem" } as const;
const selectStyle = { width: "auto", maxWidth: "16rem" } as const;
const checkStyle = { width: "1.2rem", height: "1.2rem", verticalAlign: "middle", margin: "0 .35rem 0 0" } as const;

/**
 * The answer filter and the answer-column picker of a GET filter form (the
 * proposal list's and the ranking's): `answer` is one yes/no or choice
 * answer, `column` the questions shown as columns (several checkboxes).
 */
export function AnswerFilterFields({ idPrefix, shown, value }: Props) {
  return (
    <>
      {shown.filterable.length > 0 && (
        <div style={fieldStyle}>
          <label htmlFor={`${idPrefix}-answer`} className="label" style={{ margin: 0 }}>
            Answer
          </label>
          <select id={`${idPrefix}-answer`} name="answer" defaultValue={value.answer ?? ""} style={selectStyle}>
            <option value="">Any answer</option>
            {shown.filterable.map((q) => (
              <optgroup key={q.id} label={q.question}>
                {q.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      )}
      {shown.columns.length > 0 && (
        <details open={value.column.length > 0}>
          <summary>Answer columns{value.column.length > 0 ? ` (${value.column.length} shown)` : ""}</summary>
          <fieldset style={{ margin: 0 }}>
            <legend className="visually-hidden">Answer columns</legend>
            <p className="hint flush">Questions whose answers appear as columns, at most {MAX_ANSWER_COLUMNS}.</p>
            {shown.columns.map((q) => (
              <label key={q.id} style={{ display: "block" }}>
                <input type="checkbox" name="column" value={q.id} defaultChecked={value.column.includes(q.id)} style={checkStyle} />{" "}
                {q.question}
              </label>
            ))}
          </fieldset>
        </details>
      )}
    </>
  );
}
