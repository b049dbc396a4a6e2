import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/sign-in/session";
import { formatDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { listSpeakerProposals } from "@/lib/proposals/speaker-queries";
import { EmptyState } from "@/components/ui/EmptyState";
import { StatusBadge } from "@/components/proposals/StatusBadge";
import { nextStep } from "../cfp-text";

export const metadata: Metadata = { title: "My proposals" };
export const dynamic = "force-dynamic";

export default async function MyProposalsPage() {
  const user = await requirePageUser("/speaker");
  const proposals = await listSpeakerProposals(db, user.actor);

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1 id="my-proposals">My proposals</h1>
          <p className="lead">Your drafts, submissions and decisions, most recently changed first.</p>
        </div>
        <div className="row">
          <Link href="/speaker/talks" className="btn btn-secondary">
            Talk library
          </Link>
          <Link href="/speaker/profile" className="btn btn-secondary">
            Edit speaker profile
          </Link>
        </div>
      </div>
      {proposals.length === 0 ? (
        <EmptyState title="You have not proposed a talk yet">
          <p>
            <Link href="/">See the open calls for papers</Link> and propose your first talk.
          </p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="my-proposals">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Event</th>
                <th scope="col" className="hide-sm">
                  Session type
                </th>
                <th scope="col">Status</th>
                <th scope="col">What&apos;s next</th>
                <th scope="col" className="hide-sm">
                  Last updated
                </th>
              </tr>
            </thead>
            <tbody>
              {proposals.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link href={`/speaker/proposals/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>
                    <Link href={`/events/${p.event.slug}`}>{p.event.name}</Link>
                  </td>
                  <td className="hide-sm">{p.sessionType?.name ?? "—"}</td>
                  <td>
                    <StatusBadge status={p.status} />
                  </td>
                  <td>{nextStep(p, p.event)}</td>
                  <td className="hide-sm">
                    <time dateTime={p.updatedAt.toISOString()}>{formatDate(p.updatedAt, p.event.timeZone)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
