import { formatDate } from "@/lib/dates";
import { SCORE_MAX } from "@/lib/reviews/schemas";
import { formatScore } from "./OrganizerProposalTable";

type Review = { id: string; score: number; comment: string; updatedAt: Date; reviewer: { name: string | null; email: string } };

/** Every review of a proposal, with the average, for organizers deciding on it. */
export function OrganizerReviewList({ reviews, avgScore }: { reviews: Review[]; avgScore: number | null | undefined }) {
  if (reviews.length === 0) return <p className="muted">No reviews yet.</p>;
  return (
    <>
      <p>
        <strong>Average: {formatScore(avgScore)} / {SCORE_MAX}</strong> from {reviews.length}{" "}
        {reviews.length === 1 ? "review" : "reviews"}
      </p>
      <ul style={{ listStyle: "none", padding: 0 }} className="stack">
        {reviews.map((r) => (
          <li key={r.id} className="card">
            <p style={{ margin: 0 }}>
              <strong>{r.reviewer.name || r.reviewer.email}</strong>: {r.score} / {SCORE_MAX}
              <span className="muted"> · {formatDate(r.updatedAt)}</span>
            </p>
            {r.comment ? (
              <p style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{r.comment}</p>
            ) : (
              <p className="muted" style={{ marginBottom: 0 }}>No comment.</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
