import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { requirePageUser } from "@/lib/auth/session";
import { getEventWithRole } from "@/lib/events/queries";
import { reviewerQueue } from "@/lib/reviews/queue";
import { EmptyState } from "@/components/EmptyState";
import { ReviewProgress } from "@/components/ReviewProgress";
import { ReviewQueueTable } from "@/components/ReviewQueueTable";
import { forPage } from "@/app/_lib/page-query";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requirePageUser(`/review/${slug}`);
  const { event, role } = await getEventWithRole(db, user.id, slug);
  if (!event || !role) notFound();
  const queue = await forPage(() => reviewerQueue(db, user.id, event.id));
  if (!queue.ok) return <p className="alert alert-error" role="alert">You don&apos;t have access to this review queue.</p>;

  const { items, reviewed, total } = queue.value;
  const next = items.find((i) => i.myScore === null);
  return (
    <div className="stack">
      <p>
        <Link href="/review">← All events</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{event.name}</h1>
          <p className="lead">Submitted proposals, oldest first. Speaker names are hidden so you judge the talk.</p>
        </div>
        {next && (
          <Link className="btn btn-primary" href={`/review/${slug}/${next.id}`}>
            Review next
          </Link>
        )}
      </div>
      {total === 0 ? (
        <EmptyState title="Nothing to review yet">
          <p className="muted">Submitted proposals appear here. Proposals you speak on are never listed.</p>
        </EmptyState>
      ) : (
        <>
          <ReviewProgress reviewed={reviewed} total={total} />
          {!next && <p className="alert alert-success">You have reviewed every proposal. Thank you!</p>}
          <ReviewQueueTable slug={slug} items={items} />
        </>
      )}
    </div>
  );
}
