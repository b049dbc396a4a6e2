import type { ReviewerStats } from "@/lib/reviews/ranking/reviewer-stats";
import { PairedHistogram } from "../charts/PairedHistogram";

/**
 * Small multiples: each reviewer's score distribution against the whole
 * team's, as shares, so a harsh or lenient reviewer stands out by shape.
 */
export function ReviewerCalibration({ stats }: { stats: ReviewerStats }) {
  const withReviews = stats.reviewers.filter((r) => r.profile.count > 0);
  if (withReviews.length === 0) return <p className="muted">No reviews yet: the charts appear with the first review.</p>;
  return (
    <ul className="grid plain-list">
      {withReviews.map((r) => {
        const who = r.name || r.email;
        return (
          <li key={r.reviewerId} className="card" style={{ marginBottom: 0 }}>
            <PairedHistogram
              caption={`${who}: ${r.profile.count} ${r.profile.count === 1 ? "review" : "reviews"}, mean ${r.summary.mean.label}, against the team's ${stats.team.count}`}
              own={r.profile.histogram}
              reference={stats.team.histogram}
              ownLabel={who}
              referenceLabel="Whole team"
              binHeading="Score"
            />
          </li>
        );
      })}
    </ul>
  );
}
