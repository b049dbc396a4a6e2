type Option = { id: string; name: string };

/** A plain GET form: filters live in the URL, so they survive reloads and previous/next. */
export function ReviewQueueFilters({
  action,
  tracks,
  sessionTypes,
  current,
}: {
  action: string;
  tracks: Option[];
  sessionTypes: Option[];
  current: { trackId?: string; sessionTypeId?: string; todo?: boolean };
}) {
  return (
    <form method="get" action={action} className="row filters" aria-label="Filter proposals">
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
