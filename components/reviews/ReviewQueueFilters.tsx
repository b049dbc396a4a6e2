import type { TagView } from "@/lib/tags/queries";
import { MAX_QUERY_LENGTH } from "@/lib/search/terms";

type Option = { id: string; name: string };

/** A plain GET form: filters live in the URL, so they survive reloads and previous/next. */
export function ReviewQueueFilters({
  action,
  tracks,
  sessionTypes,
  tags,
  blind,
  current,
}: {
  action: string;
  tracks: Option[];
  sessionTypes: Option[];
  /** The event's public tags. */
  tags: readonly TagView[];
  /** Blind review: the search does not look at speakers. */
  blind: boolean;
  current: { trackId?: string; sessionTypeId?: string; todo?: boolean; tagId?: string; q?: string };
}) {
  return (
    <form method="get" action={action} className="row filters" role="search" aria-label="Filter proposals">
      <div className="field">
        <label htmlFor="filter-search">Search</label>
        <input
          id="filter-search"
          type="search"
          name="q"
          defaultValue={current.q ?? ""}
          maxLength={MAX_QUERY_LENGTH}
          aria-describedby="filter-search-hint"
        />
        <span id="filter-search-hint" className="visually-hidden">
          {blind
            ? "Titles, abstracts and notes; every word must match."
            : "Titles, abstracts, notes and speakers' names; every word must match."}
        </span>
      </div>
      {tags.length > 0 && (
        <div className="field">
          <label htmlFor="filter-tag">Tag</label>
          <select id="filter-tag" name="tag" defaultValue={current.tagId ?? ""}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="filter-track">Track</label>
        <select id="filter-track" name="track" defaultValue={current.trackId ?? ""}>
          <option value="">All tracks</option>
          {tracks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-type">Session type</label>
        <select id="filter-type" name="type" defaultValue={current.sessionTypeId ?? ""}>
          <option value="">All session types</option>
          {sessionTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input type="checkbox" name="todo" value="1" defaultChecked={current.todo} />
        Only proposals I have not reviewed
      </label>
      <button type="submit" className="btn btn-secondary">
        Apply filters
      </button>
    </form>
  );
}
