import Link from "next/link";
import { useId } from "react";

type Props = {
  slug: string;
  summary: { reviewersPerProposal: number; proposals: number; covered: number; short: number; notEnoughReviewers: number };
};

/** "5 of 7 proposals have 3 reviewers", as text and as a bar, and what holds the others back. */
export function CoverageSummary({ slug, summary: s }: Props) {
  const labelId = useId();
  const n = s.reviewersPerProposal;
  const text = `${s.covered} of ${s.proposals} ${s.proposals === 1 ? "proposal has" : "proposals have"} ${n} ${n === 1 ? "reviewer" : "reviewers"}`;
  return (
    <div>
      <p id={labelId} style={{ margin: "0 0 .35rem" }}>
        <strong>{text}</strong> <span className="muted">(assigned or having reviewed)</span>
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={s.proposals}
        aria-valuenow={s.covered}
        aria-valuetext={text}
      >
        <span style={{ width: `${s.proposals === 0 ? 0 : Math.round((s.covered / s.proposals) * 100)}%` }} />
      </div>
      {s.short > 0 && (
        <ul style={{ margin: ".75rem 0 0" }}>
          <li>
            {s.short} below {n}, listed first below.
          </li>
          {s.notEnoughReviewers > 0 && (
            <li>
              {s.notEnoughReviewers} cannot reach {n}: there are not enough reviewers without a conflict (see{" "}
              <Link href={`/organize/${slug}/conflicts`}>Conflicts</Link>).
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
