import type { Metadata } from "next";
import { Pagination } from "@/components/ui/Pagination";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/sign-in/session";
import { getEventWithRole } from "@/lib/events/queries";
import { eventCriteria } from "@/lib/reviews/criteria/queries";
import { nextUnreviewed, reviewerQueue, reviewerScope } from "@/lib/reviews/queue";
import { EmptyState } from "@/components/ui/EmptyState";
import { ReviewProgress } from "@/components/reviews/ReviewProgress";
import { ReviewQueueFilters } from "@/components/reviews/ReviewQueueFilters";
import { ReviewQueueTable } from "@/components/reviews/ReviewQueueTable";
import { forPage } from "@/app/_lib/page-query";
import { parseQueueParams, withQuery } from "./_lib/queue-filter";
import { publicEventTags } from "@/lib/tags/queries";

export const metadata: Metadata = { title: "Review queue" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ReviewQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const sp = await searchParams;
  const { filter, page, query } = parseQueueParams(sp);
  const user = await requirePageUser(`/review/${slug}`);
  const { event, role } = await getEventWithRole(db, user.actor, slug);
  if (!event || !can(role, "proposal:review")) notFound();
  const loaded = await forPage(async () => {
    const scope = await reviewerScope(db, user.actor, event.id);
    return Promise.all([
      reviewerQueue(db, scope, event.id, filter, page),
      nextUnreviewed(db, scope, event.id, undefined, filter),
      eventCriteria(db, event.id),
      publicEventTags(db, event.id),
    ]);
  });
  if (!loaded.ok)
    return (
      <p className="alert alert-error" role="alert">
        You don&apos;t have access to this review queue.
      </p>
    );

  const [queue, next, criteria, tags] = loaded.value;
  const { progress } = queue;
  const path = `/review/${slug}`;
  const pageHref = (n: number) => withQuery(path, [query, n > 1 ? `page=${n}` : ""].filter(Boolean).join("&"));
  const filtered = !!(filter.trackId || filter.sessionTypeId || filter.todo || filter.tagId || filter.q);
  return (
    <div className="stack">
      <p>
        <Link href="/review">← All events</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{event.name}</h1>
          <p className="lead">
            {event.blindReview
              ? "Blind review: speaker names are hidden so you judge the talk."
              : "Speakers are shown on each proposal for this event."}
          </p>
        </div>
        {next && (
          <Link className="btn btn-primary" href={withQuery(`${path}/${next.id}`, query)}>
            Review next
          </Link>
        )}
      </div>
      {sp.conflict === "declared" && (
        <p className="alert alert-success" role="status">
          Conflict declared: that proposal is no longer in your queue{sp.review === "deleted" ? " and your review of it was deleted" : ""}.
        </p>
      )}
      {progress.total === 0 ? (
        <EmptyState title="Nothing to review yet">
          <p className="muted">Submitted proposals appear here. Proposals you have a conflict with are never listed.</p>
        </EmptyState>
      ) : (
        <>
          <ReviewProgress {...progress} />
          {progress.reviewed === progress.total && <p className="alert alert-success">You have reviewed every proposal. Thank you!</p>}
          <ReviewQueueFilters
            action={path}
            tracks={event.tracks}
            sessionTypes={event.sessionTypes}
            tags={tags}
            blind={event.blindReview}
            current={filter}
          />
          {queue.items.length === 0 ? (
            <EmptyState title="No proposals match these filters">
              <p>
                <Link href={path}>Show all proposals</Link>
              </p>
            </EmptyState>
          ) : (
            <>
              <p className="muted" aria-live="polite">
                {filtered ? `${queue.matching} matching ${queue.matching === 1 ? "proposal" : "proposals"}.` : ""}
              </p>
              <ReviewQueueTable items={queue.items} criteria={criteria} hrefFor={(id) => withQuery(`${path}/${id}`, query)} />
              <Pagination page={queue.page} pages={queue.pages} href={pageHref} />
            </>
          )}
        </>
      )}
    </div>
  );
}
