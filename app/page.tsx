import Link from "next/link";
import { Pagination } from "@/components/ui/Pagination";
import { db } from "@/lib/db";
import { listPublicEvents, publicEventsQuery } from "@/lib/events/queries";
import { cfpState } from "@/lib/events/cfp";
import { eventCreators, mayCreateEvents } from "@/lib/events/creators";
import { currentUser } from "@/lib/sign-in/session";
import { EmptyState } from "@/components/ui/EmptyState";
import { CfpWindowText } from "@/components/events/CfpWindowText";
import { CfpBadge } from "@/components/events/CfpBadge";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const pageHref = (page: number) => (page === 1 ? "/" : `/?page=${page}`);

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const query = publicEventsQuery.parse(await searchParams);
  const [list, user] = await Promise.all([listPublicEvents(db, { page: query.page }), currentUser()]);
  // Anonymous visitors see the link when anyone may create events; signed-in people when they may.
  const offerCreate = user ? await mayCreateEvents(db, user.id) : eventCreators().kind === "anyone";
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
      {list.events.length === 0 ? (
        <EmptyState title="No open calls for papers right now">
          {offerCreate && (
            <p className="muted">
              Organizing a conference? <Link href="/organize/new">Create an event</Link>.
            </p>
          )}
        </EmptyState>
      ) : (
        <>
          <p className="muted">Listed in the order they were added.</p>
          <ul className="grid" style={{ listStyle: "none", padding: 0 }}>
            {list.events.map((e) => (
              <li key={e.id} className="card">
                <h2 style={{ marginTop: 0 }}>
                  <Link href={`/events/${e.slug}`}>{e.name}</Link>
                </h2>
                <CfpBadge state={cfpState(e)} />
                <CfpWindowText event={e} />
              </li>
            ))}
          </ul>
        </>
      )}
      <Pagination page={list.page} pages={list.pages} href={pageHref} label="Event pages" />
    </div>
  );
}
