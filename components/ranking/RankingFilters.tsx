import Link from "next/link";
import type { RankingQuery } from "@/lib/reviews/ranking/query";
import type { TagView } from "@/lib/tags/queries";
import { SearchInput } from "@/components/tags/SearchInput";
import { TagFilter } from "@/components/tags/TagFilter";
import { AnswerFilterFields } from "@/components/questions/AnswerFilterFields";
import type { AnswersShown } from "@/lib/questions/answer-view";

type Option = { id: string; name: string };
type Props = {
  query: RankingQuery;
  tracks: Option[];
  sessionTypes: Option[];
  tags: readonly TagView[];
  reviewsPerProposal: number;
  clearHref: string;
  /** The event's questions: yes/no and choice ones filter, any one can be a column (lib/questions/answer-view.ts). */
  questions?: Pick<AnswersShown, "filterable" | "columns">;
};

const STATUSES = [
  { value: "SUBMITTED", label: "Submitted" },
  { value: "ACCEPTED", label: "Accepted" },
  { value: "WAITLISTED", label: "Waitlisted" },
  { value: "REJECTED", label: "Not accepted" },
  { value: "CONFIRMED", label: "Confirmed" },
  { value: "DECLINED", label: "Declined" },
];

const fieldStyle = { display: "flex", flexDirection: "column", gap: ".25rem" } as const;
const selectStyle = { width: "auto", maxWidth: "16rem" } as const;
const checkStyle = { width: "1.2rem", height: "1.2rem", verticalAlign: "middle", margin: "0 .35rem 0 0" } as const;

/** A plain GET form: works without JavaScript, keeps the sort, starts again at page 1. */
export function RankingFilters({ query, tracks, sessionTypes, tags, reviewsPerProposal, clearHref, questions }: Props) {
  return (
    <form method="get" role="search" aria-label="Filter the ranking" className="card">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="row" style={{ alignItems: "flex-end" }}>
        <div style={fieldStyle}>
          <SearchInput id="ranking-search" value={query.q} hint="Titles, abstracts, notes and speakers' names; every word must match." />
        </div>
        {tags.length > 0 && (
          <div style={fieldStyle}>
            <TagFilter id="ranking-tag" tags={tags} value={query.tag} />
          </div>
        )}
        <div style={fieldStyle}>
          <label htmlFor="ranking-track" className="label" style={{ margin: 0 }}>
            Track
          </label>
          <select id="ranking-track" name="track" defaultValue={query.track ?? ""} style={selectStyle}>
            <option value="">All tracks</option>
            {tracks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div style={fieldStyle}>
          <label htmlFor="ranking-session-type" className="label" style={{ margin: 0 }}>
            Session type
          </label>
          <select id="ranking-session-type" name="sessionType" defaultValue={query.sessionType ?? ""} style={selectStyle}>
            <option value="">All session types</option>
            {sessionTypes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div style={fieldStyle}>
          <label htmlFor="ranking-status" className="label" style={{ margin: 0 }}>
            Status
          </label>
          <select id="ranking-status" name="status" defaultValue={query.status ?? ""} style={selectStyle}>
            <option value="">All statuses</option>
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        {questions && <AnswerFilterFields idPrefix="ranking" shown={questions} value={query} />}
        <div style={fieldStyle}>
          <label>
            <input type="checkbox" name="disagreement" value="1" defaultChecked={query.disagreement} style={checkStyle} /> Disagreement only
          </label>
          <label>
            <input type="checkbox" name="below" value="1" defaultChecked={query.below} style={checkStyle} /> Fewer than {reviewsPerProposal}{" "}
            reviews only
          </label>
        </div>
        <button type="submit" className="btn btn-secondary">
          Apply filters
        </button>
        <Link href={clearHref}>Clear filters</Link>
      </div>
    </form>
  );
}
