import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/sign-in/session";
import { ORGANIZE_CAPABILITY } from "./_lib/organizer-event";
import { mayCreateEvents, NOT_AN_EVENT_CREATOR } from "@/lib/events/creators";
import { listMyTeamEvents } from "@/lib/events/queries";
import { cfpState } from "@/lib/events/cfp";
import { formatInZone } from "@/lib/events/time-zone";
import { CfpBadge } from "@/components/events/CfpBadge";
import { EmptyState } from "@/components/ui/EmptyState";

export const metadata: Metadata = { title: "Organize" };

export default async function OrganizeHomePage() {
  const user = await requirePageUser("/organize");
  const [memberships, allowed] = await Promise.all([listMyTeamEvents(db, user.actor), mayCreateEvents(db, user.id)]);
  const events = memberships.filter((m) => can(m.role, ORGANIZE_CAPABILITY)).map((m) => m.event);
  // Hidden, not disabled, for people the instance does not let create events (EVENT_CREATORS).
  const createButton = allowed && (
    <Link className="btn btn-primary" href="/organize/new">
      Create an event
    </Link>
  );
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Your events</h1>
          <p className="lead">Events you organize: their proposals, settings and team.</p>
        </div>
        {events.length > 0 && createButton}
      </div>
      {events.length === 0 ? (
        <EmptyState title="You don't organize any event yet">
          {allowed ? <p className="muted">Create one to open a call for papers.</p> : <p className="muted">{NOT_AN_EVENT_CREATOR}</p>}
          {createButton}
        </EmptyState>
      ) : (
        <ul className="grid" style={{ listStyle: "none", padding: 0 }}>
          {events.map((e) => (
            <li key={e.id} className="card">
              <h2 style={{ marginTop: 0 }}>
                <Link href={`/organize/${e.slug}`}>{e.name}</Link>
              </h2>
              <CfpBadge state={cfpState(e)} />
              <ul className="meta">
                <li>Opens {formatInZone(e.cfpOpensAt, e.timeZone)}</li>
                <li>Closes {formatInZone(e.cfpClosesAt, e.timeZone)}</li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
