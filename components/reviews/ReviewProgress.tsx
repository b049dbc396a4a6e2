import { ProgressBar } from "@/components/ui/ProgressBar";

/** "32 of 120 reviewed", and of the proposals assigned to the reviewer. */
export function ReviewProgress({
  reviewed,
  total,
  assignedDone,
  assignedTotal,
}: {
  reviewed: number;
  total: number;
  assignedDone: number;
  assignedTotal: number;
}) {
  return (
    <div className="stack">
      <ProgressBar done={reviewed} total={total} label={`${reviewed} of ${total} reviewed`} />
      {assignedTotal > 0 && (
        <ProgressBar done={assignedDone} total={assignedTotal} label={`${assignedDone} of ${assignedTotal} assigned to you reviewed`} />
      )}
    </div>
  );
}
