import { useId } from "react";

function Bar({ done, total, label }: { done: number; total: number; label: string }) {
  const labelId = useId();
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div>
      <p id={labelId} style={{ margin: "0 0 .35rem" }}>
        <strong>{label}</strong>
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

/** "32 of 120 reviewed" (and of the assigned ones), as text and as bars that say the same to assistive tech. */
export function ReviewProgress({ reviewed, total, assignedDone, assignedTotal }: { reviewed: number; total: number; assignedDone: number; assignedTotal: number }) {
  return (
    <div className="stack">
      <Bar done={reviewed} total={total} label={`${reviewed} of ${total} reviewed`} />
      {assignedTotal > 0 && <Bar done={assignedDone} total={assignedTotal} label={`${assignedDone} of ${assignedTotal} assigned to you reviewed`} />}
    </div>
  );
}
