import { Fragment } from "react";
import { normalizedDisplay } from "@/lib/reviews/ranking/format";
import { isDisagreement, scaleHistogram, scoreDisplay, spreadDisplay, summarize, type ScaleBounds } from "@/lib/reviews/stats";
import { Histogram } from "../charts/Histogram";

type Props = {
  /** The proposal's review scores, on [0, 1]. */
  scores: number[];
  criteria: ScaleBounds[];
  /** From the proposal's stats row: it depends on the whole event's reviews. */
  normalized: number | null;
  reviewsPerProposal: number;
};

/** One proposal's scores at a glance: the summary numbers and a histogram in the event's units. */
export function ProposalScoreDistribution({ scores, criteria, normalized, reviewsPerProposal }: Props) {
  if (scores.length === 0) return <p className="muted">No reviews yet, so no distribution.</p>;
  const s = summarize(scores);
  const score = (v: number | null) => scoreDisplay(v, criteria).label;
  const spread = (v: number | null) => {
    const d = spreadDisplay(v, criteria);
    return `${d.text} ${d.unit}`.trim();
  };
  const facts: [string, string][] = [
    ["Reviews", `${s.count} of ${reviewsPerProposal} wanted`],
    ["Mean", score(s.mean)],
    ["Median", score(s.median)],
    ["Standard deviation", spread(s.stddev)],
    ["Lowest", score(s.min)],
    ["Highest", score(s.max)],
    ["Normalized", normalizedDisplay(normalized)],
    ["Disagreement", isDisagreement(s) ? "Yes: reviewers read this proposal differently" : "No"],
  ];
  return (
    <div className="grid" style={{ alignItems: "start" }}>
      <dl className="details">
        {facts.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <Histogram
        caption={`Score distribution of ${s.count} ${s.count === 1 ? "review" : "reviews"}`}
        bins={scaleHistogram(scores, criteria)}
        binHeading="Score"
        countHeading="Reviews"
      />
    </div>
  );
}
