import type { ListQuery } from "@/lib/proposals/organizer-list";
import type { TagView } from "@/lib/tags/queries";
import { SearchInput } from "@/components/tags/SearchInput";
import { TagFilter } from "@/components/tags/TagFilter";
import { AnswerFilterFields } from "@/components/questions/AnswerFilterFields";
import type { AnswersShown } from "@/lib/questions/answer-view";

const OPTIONS = [
  { value: "", label: "All statuses" },
  { value: "SUBMITTED", label: "Submitted" },
  { value: "ACCEPTED", label: "Accepted" },
  { value: "REJECTED", label: "Not accepted" },
  { value: "WITHDRAWN", label: "Withdrawn" },
];

/** A plain GET form: works without JavaScript and keeps the current sort. */
export function OrganizerListFilters({
  query,
  tags,
  answers,
}: {
  query: ListQuery;
  tags: readonly TagView[];
  /** The event's questions to filter by and to show as columns (lib/questions/answer-view.ts). */
  answers: Pick<AnswersShown, "filterable" | "columns">;
}) {
  return (
    <form method="get" className="row" role="search" aria-label="Filter proposals">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <SearchInput id="list-search" value={query.q} hint="Titles, abstracts, notes and speakers' names; every word must match." />
      <label htmlFor="status-filter" className="label" style={{ margin: 0 }}>
        Status
      </label>
      <select id="status-filter" name="status" defaultValue={query.status ?? ""} style={{ width: "auto" }}>
        {OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {tags.length > 0 && <TagFilter id="list-tag" tags={tags} value={query.tag} />}
      <AnswerFilterFields idPrefix="list" shown={answers} value={query} />
      <button type="submit" className="btn btn-secondary">
        Filter
      </button>
    </form>
  );
}
