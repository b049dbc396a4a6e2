import { useId } from "react";

/** "3 of 8 reviewed", as text and as a bar that says the same thing to assistive tech. */
export function ProgressBar({ done, total, label, note }: { done: number; total: number; label: string; note?: React.ReactNode }) {
  const labelId = useId();
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div>
      <p id={labelId} style={{ margin: "0 0 .35rem" }}>
        <strong>{label}</strong>
        {note && <> {note}</>}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={label}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
