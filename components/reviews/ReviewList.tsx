import { formatDate } from "@/lib/dates";
import { scoreDisplay, type ScaleBounds } from "@/lib/reviews/stats";

type Criterion = ScaleBounds & { id: string; name: string };
export type ListedReview = {
  id: string;
  score: number;
  comment: string;
  updatedAt: Date;
  reviewer: { name: string | null; email: string };
  scores: { criterionId: string; value: number }[];
};

/** Reviews of one proposal with each criterion's score, for organizers and (when allowed) fellow reviewers. */
export function ReviewList({
  reviews,
  criteria,
  average,
  total = reviews.length,
  timeZone,
}: {
  reviews: ListedReview[];
  criteria: Criterion[];
  /** The event's zone: dates are its calendar days. */
  timeZone: string;
  /** Mean of all the proposal's reviews... */
  average: number | null | undefined;
  /** ...which may include one not listed (the reader's own). */
  total?: number;
}) {
  if (reviews.length === 0) return <p className="muted">No other reviews yet.</p>;
  return (
    <>
      <p>
        <strong>Average: {scoreDisplay(average ?? null, criteria).label}</strong> from {total} {total === 1 ? "review" : "reviews"}
      </p>
      <ul className="stack plain-list">
        {reviews.map((r) => (
          <li key={r.id} className="card">
            <p className="flush">
              <strong>{r.reviewer.name || r.reviewer.email}</strong>: {scoreDisplay(r.score, criteria).label}
              <span className="muted"> · {formatDate(r.updatedAt, timeZone)}</span>
            </p>
            {criteria.length > 1 && (
              <ul className="meta">
                {criteria.map((c) => {
                  const value = r.scores.find((s) => s.criterionId === c.id)?.value;
                  return (
                    <li key={c.id}>
                      {c.name}: {value === undefined ? "no opinion" : `${value} of ${c.maxScore}`}
                    </li>
                  );
                })}
              </ul>
            )}
            {r.comment ? <p className="pre-wrap flush">{r.comment}</p> : <p className="muted flush">No comment.</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
