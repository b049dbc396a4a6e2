import type { Metadata } from "next";
import { Pagination } from "@/components/ui/Pagination";
import { ExportForm } from "@/components/exports/ExportForm";
import Link from "next/link";
import { db } from "@/lib/db";
import { unitsSentence } from "@/lib/reviews/ranking/format";
import { rankingQuery } from "@/lib/reviews/ranking/query";
import { rankingPage } from "@/lib/reviews/ranking/ranking-page";
import { EmptyState } from "@/components/ui/EmptyState";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { RankingFilters } from "@/components/ranking/RankingFilters";
import { RankingTable } from "@/components/ranking/RankingTable";
import { BulkDecisionForm } from "@/components/decisions/BulkDecisionForm";
import { decideAction } from "../decisions/actions";
import { BulkTagControls } from "@/components/tags/BulkTagControls";
import { bulkTagAction } from "../tags/actions";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { rankingHref, rankingSortHref } from "./ranking-href";
import { AnswerColumnCounts } from "@/components/questions/AnswerColumns";

export const metadata: Metadata = { title: "Ranking" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function RankingPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  const { slug } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/ranking`);
  const query = rankingQuery.parse(await searchParams);
  const ranking = await rankingPage(db, user.actor, event.id, query);
  const { rows, total, pages, coverage } = ranking;
  const filtered = Boolean(
    query.status || query.track || query.sessionType || query.disagreement || query.below || query.answer || query.tag || query.q,
  );
  const clearHref = rankingHref(slug, { sort: query.sort, dir: query.dir, column: query.column });

  return (
    <div className="stack">
      <OrganizerEventNav slug={slug} name={event.name} current="ranking" />
      <div>
        <h1>Ranking</h1>
        <p className="lead">
          Submitted and decided proposals with their review statistics. Drafts and withdrawn proposals are not ranked
          {ranking.ownHidden > 0 ? "; nor are the proposals you speak on" : ""}.
        </p>
        <p>
          <strong>Normalized</strong> compares each review with its reviewer&rsquo;s own average and spread, then averages over the reviews:
          0 is typical, above 0 is better than its reviewers usually score, so harsh and lenient reviewers weigh the same.
        </p>
        <p className={coverage.below > 0 ? "alert alert-warn" : "alert alert-success"}>
          {coverage.below > 0 ? (
            <>
              {coverage.below} {coverage.below === 1 ? "proposal has" : "proposals have"} fewer than {coverage.required}{" "}
              {coverage.required === 1 ? "review" : "reviews"}.{" "}
              {!query.below && <Link href={rankingHref(slug, { ...query, below: true, page: 1 })}>Show only these</Link>}
            </>
          ) : (
            <>
              Every ranked proposal has at least {coverage.required} {coverage.required === 1 ? "review" : "reviews"}.
            </>
          )}
        </p>
      </div>
      <ExportForm
        slug={slug}
        from="ranking"
        filters={{
          status: query.status,
          track: query.track,
          sessionType: query.sessionType,
          disagreement: query.disagreement ? "1" : undefined,
          below: query.below ? "1" : undefined,
          tag: query.tag,
          q: query.q,
          answer: query.answer,
        }}
      />
      <RankingFilters
        query={query}
        tracks={ranking.tracks}
        sessionTypes={ranking.sessionTypes}
        tags={ranking.tags}
        reviewsPerProposal={coverage.required}
        clearHref={clearHref}
        questions={ranking.answers}
      />
      <p>
        {total} {total === 1 ? "proposal" : "proposals"}
        {filtered ? (total === 1 ? " matches these filters" : " match these filters") : ""}.
      </p>
      <AnswerColumnCounts counts={ranking.answers.counts} filterHref={(answer) => rankingHref(slug, { ...query, answer, page: 1 })} />
      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No proposals match these filters" : total > 0 ? "No proposals on this page" : "Nothing to rank yet"}>
          {filtered || total > 0 ? (
            <p>
              <Link href={clearHref}>Show the whole ranking</Link>
            </p>
          ) : (
            <p className="muted">Submitted proposals appear here with their review statistics.</p>
          )}
        </EmptyState>
      ) : (
        <>
          <BulkDecisionForm action={decideAction.bind(null, event.id)}>
            <BulkTagControls
              tags={ranking.tags}
              add={bulkTagAction.bind(null, event.id, "add")}
              remove={bulkTagAction.bind(null, event.id, "remove")}
            />
          </BulkDecisionForm>
          <RankingTable
            slug={slug}
            rows={rows}
            query={query}
            sortHref={(sort) => rankingSortHref(slug, query, sort)}
            criteria={ranking.criteria}
            reviewsPerProposal={coverage.required}
            answerColumns={ranking.answers.picked}
            caption={`${unitsSentence(ranking.criteria)} Tinted rows have fewer than ${coverage.required} reviews.`}
          />
          <Pagination page={query.page} pages={pages} href={(p) => rankingHref(slug, { ...query, page: p })} showSingle />
        </>
      )}
    </div>
  );
}
