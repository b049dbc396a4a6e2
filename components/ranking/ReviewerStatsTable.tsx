import type { ReviewerStats } from "@/lib/reviews/ranking/reviewer-stats";
import { meanDifferenceDisplay } from "@/lib/reviews/ranking/format";
import { scoreDisplay, spreadDisplay, type ScaleBounds } from "@/lib/reviews/stats";
import "./reviewer-table.css";

const ROLE = { ORGANIZER: "Organizer", REVIEWER: "Reviewer" } as const;

type Props = { stats: ReviewerStats; caption: string };

/** One row per reviewer: workload, then the mean and spread of the scores they gave next to the team's. */
export function ReviewerStatsTable({ stats, caption }: Props) {
  const criteria: ScaleBounds[] = stats.criteria;
  return (
    <div className="table-wrap">
      <table className="reviewer-table">
        <caption className="muted" style={{ captionSide: "bottom", textAlign: "left", padding: ".5rem .75rem" }}>
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">Reviewer</th>
            <th scope="col" className="num">
              Reviews done
            </th>
            <th scope="col" className="num">
              Assigned, not done
            </th>
            <th scope="col" className="num">
              Mean score
            </th>
            <th scope="col" className="num">
              Spread
            </th>
            <th scope="col">Compared with the team</th>
          </tr>
        </thead>
        <tbody>
          {stats.reviewers.map((r) => (
            <tr key={r.reviewerId}>
              <th scope="row">
                {r.name || r.email}
                <br />
                <span className="muted">{r.role ? ROLE[r.role] : "No longer on the team"}</span>
              </th>
              <td className="num">{r.summary.reviewsDone}</td>
              <td className="num">{r.pending}</td>
              <td className="num">{r.summary.mean.text}</td>
              <td className="num">{r.summary.spread.text}</td>
              <td>{meanDifferenceDisplay(r.profile.mean, stats.team.mean, criteria) ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Whole team</th>
            <td className="num">{stats.team.count}</td>
            <td className="num">{stats.reviewers.reduce((sum, r) => sum + r.pending, 0)}</td>
            <td className="num">{scoreDisplay(stats.team.mean, criteria).text}</td>
            <td className="num">{spreadDisplay(stats.team.stddev, criteria).text}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
