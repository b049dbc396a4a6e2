import Link from "next/link";
import { ProgressBar } from "@/components/ui/ProgressBar";

type Props = {
  slug: string;
  summary: { reviewersPerProposal: number; proposals: number; covered: number; short: number; notEnoughReviewers: number };
};

/** "5 of 7 proposals have 3 reviewers", as text and as a bar, and what holds the others back. */
export function CoverageSummary({ slug, summary: s }: Props) {
  const n = s.reviewersPerProposal;
  const text = `${s.covered} of ${s.proposals} ${s.proposals === 1 ? "proposal has" : "proposals have"} ${n} ${n === 1 ? "reviewer" : "reviewers"}`;
  return (
    <div>
      <ProgressBar done={s.covered} total={s.proposals} label={text} note={<span className="muted">(assigned or having reviewed)</span>} />
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
