import Link from "next/link";
import type { RankingRow } from "@/lib/reviews/ranking/ranking-page";
import { normalizedDisplay } from "@/lib/reviews/ranking/format";
import type { RankingQuery, RankingSort } from "@/lib/reviews/ranking/query";
import { scoreDisplay, spreadDisplay, type ScaleBounds } from "@/lib/reviews/stats";
import { BULK_FORM_ID } from "@/components/decisions/BulkDecisionForm";
import { PendingBadge, StatusBadge } from "@/components/proposals/StatusBadge";
import { TagBadges } from "@/components/tags/TagBadges";
import { AnswerColumnCells, AnswerColumnHeads } from "@/components/questions/AnswerColumns";
import type { AnswersShown } from "@/lib/questions/answer-view";
import "./ranking-table.css";

type Props = {
  slug: string;
  rows: RankingRow[];
  query: Pick<RankingQuery, "sort" | "dir">;
  sortHref: (sort: RankingSort) => string;
  criteria: ScaleBounds[];
  reviewsPerProposal: number;
  caption: string;
  /** The questions picked as columns (their answers are in each row's `answers`). */
  answerColumns: AnswersShown["picked"];
};

/** Rows short of reviews are tinted and say so in words, so the color is never the only sign. */
const BELOW_STYLE = { background: "#fff4d6" } as const;
const BELOW_NOTE = { color: "#7a4b00", fontWeight: 600 } as const;
export function RankingTable({ slug, rows, query, sortHref, criteria, reviewsPerProposal, caption, answerColumns }: Props) {
  const header = (sort: RankingSort, label: string, numeric = false, className?: string) => {
    const active = query.sort === sort;
    return (
      <th
        scope="col"
        className={[numeric ? "num" : "", className ?? ""].join(" ").trim() || undefined}
        aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
      >
        <Link href={sortHref(sort)}>
          {label}
          {active && <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span>}
        </Link>
      </th>
    );
  };
  const score = (v: number | null) => scoreDisplay(v, criteria).text;
  return (
    <div className="table-wrap">
      <table className="ranking-table">
        <caption className="muted" style={{ captionSide: "bottom", textAlign: "left", padding: ".5rem .75rem" }}>
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Select</span>
            </th>
            {header("title", "Proposal")}
            {header("track", "Track", false, "hide-sm")}
            {header("sessionType", "Session type", false, "hide-sm")}
            {header("status", "Status")}
            {header("reviews", "Reviews", true)}
            {header("mean", "Mean", true)}
            {header("median", "Median", true)}
            {header("stddev", "Std dev", true)}
            {header("min", "Min", true)}
            {header("max", "Max", true)}
            {header("normalized", "Normalized", true)}
            {header("disagreement", "Disagreement")}
            <AnswerColumnHeads picked={answerColumns} />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} style={r.belowCoverage ? BELOW_STYLE : undefined}>
              <td>
                <input type="checkbox" name="proposalId" value={r.id} form={BULK_FORM_ID} aria-label={`Select “${r.title}”`} />
              </td>
              <th scope="row">
                <Link href={`/organize/${slug}/proposals/${r.id}`}>{r.title}</Link>
                <br />
                <span className="muted">{r.speakers.join(", ")}</span>
                <TagBadges tags={r.tags} />
              </th>
              <td className="hide-sm">{r.track ?? "—"}</td>
              <td className="hide-sm">{r.sessionType}</td>
              <td>
                <StatusBadge status={r.status} /> <PendingBadge decision={r.pendingDecision} />
              </td>
              <td className="num">
                {r.reviewCount}
                {r.belowCoverage && <span style={BELOW_NOTE}> of {reviewsPerProposal}</span>}
              </td>
              <td className="num">{score(r.mean)}</td>
              <td className="num">{score(r.median)}</td>
              <td className="num">{spreadDisplay(r.stddev, criteria).text}</td>
              <td className="num">{score(r.min)}</td>
              <td className="num">{score(r.max)}</td>
              <td className="num">{normalizedDisplay(r.normalized)}</td>
              <td>{r.disagreement ? <span className="badge badge-upcoming">Yes</span> : <span className="muted">No</span>}</td>
              <AnswerColumnCells answers={r.answers} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
