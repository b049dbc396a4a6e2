import Link from "next/link";
import { db } from "@/lib/db";
import { listPublicEvents } from "@/lib/events/queries";
import { cfpState } from "@/lib/events/cfp";
import { formatInZone } from "@/lib/events/time-zone";
import { currentUser } from "@/lib/auth/session";
import { EmptyState } from "@/components/EmptyState";
import { CfpBadge } from "@/components/CfpBadge";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [events, user] = await Promise.all([listPublicEvents(db), currentUser()]);
  return (
    <div className="stack">
      <section>
        <h1>Calls for papers</h1>
        <p className="lead">
          Propose a talk, review proposals, or run your conference&apos;s CFP.
          {!user && (
            <>
              {" "}
              <Link href="/signin">Sign in</Link> to get started.
            </>
          )}
        </p>
      </section>
      {events.length === 0 ? (
        <EmptyState title="No open calls for papers right now">
          <p className="muted">
            Organizing a conference? <Link href="/organize/new">Create an event</Link>.
          </p>
        </EmptyState>
      ) : (
        <ul className="grid" style={{ listStyle: "none", padding: 0 }}>
          {events.map((e) => (
            <li key={e.id} className="card">
              <h2 style={{ marginTop: 0 }}>
                <Link href={`/events/${e.slug}`}>{e.name}</Link>
              </h2>
              <CfpBadge state={cfpState(e)} />
              <p className="muted">Closes {formatInZone(e.cfpClosesAt, e.timeZone)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
