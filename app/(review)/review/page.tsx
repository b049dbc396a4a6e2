import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { requirePageUser } from "@/lib/sign-in/session";
import { listMyTeamEvents } from "@/lib/events/queries";
import { cfpState } from "@/lib/events/cfp";
import { formatInZone } from "@/lib/events/time-zone";
import { CfpBadge } from "@/components/events/CfpBadge";
import { EmptyState } from "@/components/ui/EmptyState";

export const metadata: Metadata = { title: "Review" };

const ROLE_LABELS = { ORGANIZER: "Organizer", REVIEWER: "Reviewer" } as const;

export default async function ReviewHomePage() {
  const user = await requirePageUser("/review");
  const memberships = await listMyTeamEvents(db, user.actor);
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Review</h1>
          <p className="lead">Events whose review team you are on. Proposals are shown without speaker names.</p>
        </div>
      </div>
      {memberships.length === 0 ? (
        <EmptyState title="You are not on any review team yet">
          <p className="muted">When an organizer invites you to review, the event appears here.</p>
        </EmptyState>
      ) : (
        <ul className="grid" style={{ listStyle: "none", padding: 0 }}>
          {memberships.map(({ event, role }) => (
            <li key={event.id} className="card">
              <h2 style={{ marginTop: 0 }}>
                <Link href={`/review/${event.slug}`}>{event.name}</Link>
              </h2>
              <div className="row">
                <span className="badge">{ROLE_LABELS[role]}</span>
                <CfpBadge state={cfpState(event)} />
              </div>
              <p className="muted">CFP closes {formatInZone(event.cfpClosesAt, event.timeZone)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
