import type { ListQuery } from "@/lib/proposals/organizer-list";

const OPTIONS = [
  { value: "", label: "All statuses" },
  { value: "SUBMITTED", label: "Submitted" },
  { value: "ACCEPTED", label: "Accepted" },
  { value: "REJECTED", label: "Not accepted" },
  { value: "WITHDRAWN", label: "Withdrawn" },
];

/** A plain GET form: works without JavaScript and keeps the current sort. */
export function OrganizerStatusFilter({ status, sort, dir }: Pick<ListQuery, "status" | "sort" | "dir">) {
  return (
    <form method="get" className="row" role="search" aria-label="Filter proposals">
      <input type="hidden" name="sort" value={sort} />
      <input type="hidden" name="dir" value={dir} />
      <label htmlFor="status-filter" className="label" style={{ margin: 0 }}>
        Status
      </label>
      <select id="status-filter" name="status" defaultValue={status ?? ""} style={{ width: "auto" }}>
        {OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn-secondary">
        Filter
      </button>
    </form>
  );
}
