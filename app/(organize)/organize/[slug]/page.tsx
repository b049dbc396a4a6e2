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
import { OrganizerListFilters } from "@/components/proposals/OrganizerListFilters";
import { AnswerColumnCounts } from "@/components/questions/AnswerColumns";
import { BulkTagControls } from "@/components/tags/BulkTagControls";
import { eventTags } from "@/lib/tags/queries";
import { likelyDuplicates } from "@/lib/duplicates/likely-duplicates";
import { bulkTagAction } from "./tags/actions";
import { requireOrganizerEvent } from "../_lib/organizer-event";
import { setupChecklist } from "@/lib/events/setup-checklist";
import { SetupChecklist } from "@/components/events/SetupChecklist";
import { appUrl } from "@/lib/config";
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
  const query = listQuery.parse({
    sort: sp.sort,
    dir: sp.dir,
    status: sp.status,
    tag: sp.tag,
    q: sp.q,
    answer: sp.answer,
    column: sp.column,
    page: sp.page,
  });
  const [{ total, pages, rows, answers }, criteria, tags] = await Promise.all([
    listEventProposals(db, user.actor, event.id, query),
    eventCriteria(db, event.id),
    eventTags(db, user.actor, event.id),
  ]);
  const duplicates = await likelyDuplicates(db, user.actor, event.id, { onlyFor: rows.map((r) => r.id) });
  const filtered = Boolean(query.status || query.tag || query.q || query.answer);
  // A new event (nothing submitted yet) leads its organizers through the setup.
  const setup = total === 0 && !filtered ? await setupChecklist(db, user.actor, event.id) : null;

  return (
    <div className="stack">
      <OrganizerEventNav slug={slug} name={event.name} current="proposals" />
      <div className="page-head">
        <div>
          <h1>Proposals</h1>
          <p className="lead">
            {total} {total === 1 ? "proposal" : "proposals"}
            {filtered ? " match these filters" : ""}. Drafts are not listed.
          </p>
        </div>
        <OrganizerListFilters query={query} tags={tags} answers={answers} />
      </div>
      {setup && <SetupChecklist slug={slug} steps={setup} publicUrl={`${appUrl()}/events/${slug}`} />}
      <ExportForm slug={slug} from="list" filters={{ status: query.status, tag: query.tag, q: query.q, answer: query.answer }} />
      <AnswerColumnCounts counts={answers.counts} filterHref={(answer) => listHref(slug, { ...query, answer, page: 1 })} />
      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No proposals match these filters" : total > 0 ? "No proposals on this page" : "No proposals yet"}>
          {filtered || total > 0 ? (
            <p>
              <Link href={listHref(slug, { column: query.column })}>Show all proposals</Link>
            </p>
          ) : (
            <p className="muted">Submitted proposals appear here.</p>
          )}
        </EmptyState>
      ) : (
        <>
          <BulkDecisionForm action={decideAction.bind(null, event.id)}>
            <BulkTagControls
              tags={tags}
              add={bulkTagAction.bind(null, event.id, "add")}
              remove={bulkTagAction.bind(null, event.id, "remove")}
            />
          </BulkDecisionForm>
          <OrganizerProposalTable
            slug={slug}
            rows={rows}
            query={query}
            sortHref={(sort) => sortHref(slug, query, sort)}
            criteria={criteria}
            duplicates={duplicates}
            answerColumns={answers.picked}
            timeZone={event.timeZone}
          />
          <Pagination page={query.page} pages={pages} href={(p) => listHref(slug, { ...query, page: p })} showSingle />
        </>
      )}
    </div>
  );
}
