import { useId } from "react";

/** "3 of 8 reviewed", as text and as a bar that says the same thing to assistive tech. */
export function ReviewProgress({ reviewed, total }: { reviewed: number; total: number }) {
  const labelId = useId();
  const percent = total === 0 ? 0 : Math.round((reviewed / total) * 100);
  return (
    <div>
      <p id={labelId} style={{ margin: "0 0 .35rem" }}>
        <strong>
          {reviewed} of {total} reviewed
        </strong>
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={reviewed}
        aria-valuetext={`${reviewed} of ${total} reviewed`}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
