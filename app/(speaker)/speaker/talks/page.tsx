import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/sign-in/session";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/dates";
import { formatInZone } from "@/lib/events/time-zone";
import { LEVEL_LABELS } from "@/lib/text/proposal-limits";
import { listTalkLibrary, OPEN_EVENTS_SHOWN, type LibraryTalk } from "@/lib/talks/library";
import { EmptyState } from "@/components/ui/EmptyState";
import { StatusBadge } from "@/components/proposals/StatusBadge";

export const metadata: Metadata = { title: "Talk library" };
export const dynamic = "force-dynamic";

export default async function TalkLibraryPage() {
  const user = await requirePageUser("/speaker/talks");
  const talks = await listTalkLibrary(db, user.actor);

  return (
    <div className="stack">
      <div>
        <h1>Talk library</h1>
        <p className="lead">
          Every talk you have proposed, with its latest text. Propose one to another event and it is copied: what you change there stays
          with that event. The {OPEN_EVENTS_SHOWN} open calls closing soonest are listed under each talk; any event&apos;s submission page
          also lets you start from a talk here.
        </p>
      </div>
      {talks.length === 0 ? (
        <EmptyState title="Your library is empty">
          <p>
            A talk joins your library when you first propose it. <Link href="/">See the open calls for papers</Link>.
          </p>
        </EmptyState>
      ) : (
        talks.map((talk) => <TalkCard key={talk.id} talk={talk} />)
      )}
    </div>
  );
}

function TalkCard({ talk }: { talk: LibraryTalk }) {
  const headingId = `talk-${talk.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{talk.title}</h2>
      <ul className="meta">
        <li>Level: {talk.level ? LEVEL_LABELS[talk.level] : "not chosen yet"}</li>
        <li>
          Last changed <time dateTime={talk.updatedAt.toISOString()}>{formatDate(talk.updatedAt, null)}</time>
        </li>
      </ul>
      {talk.abstract && <p className="muted">{excerpt(talk.abstract)}</p>}
      <h3>Where you proposed it</h3>
      <div className="table-wrap">
        <table aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Proposal</th>
            </tr>
          </thead>
          <tbody>
            {talk.proposals.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/events/${p.event.slug}`}>{p.event.name}</Link>
                </td>
                <td>
                  <StatusBadge status={p.status} />
                </td>
                <td>
                  <Link href={`/speaker/proposals/${p.id}`} aria-label={`Open the proposal to ${p.event.name}`}>
                    Open
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Propose it again</h3>
      {talk.openEvents.length === 0 ? (
        <p className="muted">No other call for papers is open right now.</p>
      ) : (
        <ul>
          {talk.openEvents.map((e) => (
            <li key={e.id}>
              <Link href={`/events/${e.slug}/submit?talk=${encodeURIComponent(talk.id)}`}>Propose to {e.name}</Link>{" "}
              <span className="muted">(closes {formatInZone(e.cfpClosesAt, e.timeZone)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function excerpt(text: string): string {
  return text.length > 240 ? `${text.slice(0, 240).trimEnd()}…` : text;
}
