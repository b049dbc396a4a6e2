import type { Metadata } from "next";
import { Pagination } from "@/components/ui/Pagination";
import { ExportForm } from "@/components/exports/ExportForm";
import Link from "next/link";
import { db } from "@/lib/db";
import { listEventProposals, listQuery } from "@/lib/proposals/organizer-list";
import { eventCriteria } from "@/lib/reviews/criteria/queries";
import { BulkDecisionForm } from "@/components/decisions/BulkDecisionForm";
import { decideAction } from "./decisions/actions";
import { EmptyState } from "@/components/ui/EmptyState";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { OrganizerProposalTable } from "@/components/proposals/OrganizerProposalTable";
import { OrganizerStatusFilter } from "@/components/proposals/OrganizerStatusFilter";
import { requireOrganizerEvent } from "../_lib/organizer-event";
import { listHref, sortHref } from "../_lib/list-href";

export const metadata: Metadata = { title: "Proposals" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EventProposalsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: SearchParams;
}) {
  const { slug } = await params;
  const sp = await searchParams;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}`);
  // listQuery ignores what it cannot use, a ?status=DRAFT included: drafts are never listed.
  const query = listQuery.parse({ sort: sp.sort, dir: sp.dir, status: sp.status, page: sp.page });
  const [{ total, pages, rows }, criteria] = await Promise.all([
    listEventProposals(db, user.actor, event.id, query),
    eventCriteria(db, event.id),
  ]);

  return (
    <div className="stack">
      <OrganizerEventNav slug={slug} name={event.name} current="proposals" />
      <div className="page-head">
        <div>
          <h1>Proposals</h1>
          <p className="lead">
            {total} {total === 1 ? "proposal" : "proposals"}
            {query.status ? " with this status" : ""}. Drafts are not listed.
          </p>
        </div>
        <OrganizerStatusFilter status={query.status} sort={query.sort} dir={query.dir} />
      </div>
      <ExportForm slug={slug} from="list" filters={{ status: query.status }} />
      {rows.length === 0 ? (
        <EmptyState title={query.status ? "No proposals with this status" : total > 0 ? "No proposals on this page" : "No proposals yet"}>
          {query.status || total > 0 ? (
            <p>
              <Link href={listHref(slug, {})}>Show all proposals</Link>
            </p>
          ) : (
            <p className="muted">Submitted proposals appear here. Share the event page: /events/{slug}</p>
          )}
        </EmptyState>
      ) : (
        <>
          <BulkDecisionForm action={decideAction.bind(null, event.id)} />
          <OrganizerProposalTable
            slug={slug}
            rows={rows}
            query={query}
            sortHref={(sort) => sortHref(slug, query, sort)}
            criteria={criteria}
          />
          <Pagination page={query.page} pages={pages} href={(p) => listHref(slug, { ...query, page: p })} showSingle />
        </>
      )}
    </div>
  );
}
