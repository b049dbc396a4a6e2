import { Pagination } from "@/components/ui/Pagination";
import type { ActivityEntry, FieldChange } from "@/lib/activity/describe";
import type { ActivityPage } from "@/lib/activity/log";
import { DiffView } from "./DiffView";

/**
 * Who changed what on a proposal, and when: newest first, in the event's
 * time zone, edits with their changes. `pageHref(n)` links to page n.
 */
export function ActivityLog({ log, timeZone, pageHref }: { log: ActivityPage; timeZone: string; pageHref: (page: number) => string }) {
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  return (
    <section className="card" aria-labelledby="activity">
      <h2 id="activity">Activity</h2>
      {log.entries.length === 0 ? (
        <p className="muted">Nothing has happened to this proposal yet.</p>
      ) : (
        <>
          <p className="muted">Newest first; times in {timeZone}.</p>
          <ol className="stack plain-list">
            {log.entries.map((e) => (
              <ActivityItem key={e.id} entry={e} when={format.format(e.at)} />
            ))}
          </ol>
        </>
      )}
      <Pagination page={log.page} pages={log.pages} href={pageHref} label="Activity pages" previous="← Newer" next="Older →" />
    </section>
  );
}

function ActivityItem({ entry, when }: { entry: ActivityEntry; when: string }) {
  return (
    <li>
      <p className="flush">
        <time dateTime={entry.at.toISOString()} className="muted">
          {when}
        </time>
        {" — "}
        {entry.text}
      </p>
      {entry.changes.length > 0 && (
        <ul className="plain-list">
          {entry.changes.map((c) => (
            <li key={c.field} style={{ marginTop: ".5rem" }}>
              <Change change={c} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Change({ change }: { change: FieldChange }) {
  const label = change.label.charAt(0).toUpperCase() + change.label.slice(1);
  if (change.kind === "choice") {
    return (
      <>
        <strong>{label}:</strong> {change.from} → {change.to}
      </>
    );
  }
  return (
    <>
      <strong>{label}</strong>
      <DiffView segments={change.diff} />
    </>
  );
}
