import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrganizerScope } from "@/lib/auth/organizer-scope";
import type { ListQuery } from "@/lib/proposals/organizer-list";
import { PROPOSAL_STATUSES } from "@/lib/lifecycle/state-machine";
import { answerView } from "@/lib/questions/answer-view";
import type { RankingQuery } from "@/lib/reviews/ranking/query";
import { rankingFilters, rankingScope } from "@/lib/reviews/ranking/where";
import { searchWhere } from "@/lib/search/where";
import { taggedWith } from "@/lib/tags/queries";

export type ExportFilters = { from: "list"; query: ListQuery } | { from: "ranking"; query: RankingQuery };

const LISTED = PROPOSAL_STATUSES.filter((s) => s !== "DRAFT");

/** The proposals an export covers: the list's or the ranking's filters, inside the organizer's scope (ADR 0015). */
export async function exportedProposals(db: Db, scope: OrganizerScope, filters: ExportFilters): Promise<Prisma.ProposalWhereInput> {
  // The search box, as the pages apply it (lib/search, organizer reach).
  const search = await searchWhere(db, scope.eventId, filters.query.q, "organizer");
  // The answer filter, as the pages apply it (lib/questions/answer-view.ts): an unknown question filters nothing there too.
  const answered = filters.query.answer ? (await answerView(db, scope.eventId, filters.query)).where : null;
  const extra = [...(search ? [search] : []), ...(answered ? [answered] : [])];
  if (filters.from === "list") {
    const q = filters.query;
    return {
      AND: [
        scope.proposals,
        { status: q.status && q.status !== "DRAFT" ? q.status : { in: LISTED } },
        ...(q.tag ? [taggedWith(q.tag)] : []),
        ...extra,
      ],
    };
  }
  const { reviewsPerProposal } = await db.event.findUniqueOrThrow({ where: { id: scope.eventId }, select: { reviewsPerProposal: true } });
  return { AND: [rankingScope(scope.proposals), ...rankingFilters(filters.query, reviewsPerProposal), ...extra] };
}
