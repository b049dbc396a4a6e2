import type { Prisma } from "@/lib/generated/prisma/client";
import { RANKED_STATUSES, type RankingQuery } from "./query";
import { taggedWith } from "@/lib/tags/queries";

type Where = Prisma.ProposalWhereInput;

/**
 * What an organizer may rank: the event's submitted and decided proposals
 * among those they may handle (`handleable`, from lib/auth/organizer-scope.ts:
 * none they speak on, whose reviews are hidden from them).
 */
export function rankingScope(handleable: Where): Where {
  return { AND: [handleable, { status: { in: [...RANKED_STATUSES] } }] };
}

/** Fewer reviews than the event asks for; a proposal without a stats row has none. */
export function belowCoverage(reviewsPerProposal: number): Where {
  return { OR: [{ stats: { is: null } }, { stats: { is: { reviewCount: { lt: reviewsPerProposal } } } }] };
}

/** The filters chosen in the query, each a condition on an indexed or joined column. */
export function rankingFilters(q: RankingQuery, reviewsPerProposal: number): Where[] {
  const filters: Where[] = [];
  if (q.status) filters.push({ status: q.status });
  if (q.track) filters.push({ trackId: q.track });
  if (q.sessionType) filters.push({ sessionTypeId: q.sessionType });
  if (q.disagreement) filters.push({ stats: { is: { disagreement: true } } });
  if (q.below) filters.push(belowCoverage(reviewsPerProposal));
  if (q.tag) filters.push(taggedWith(q.tag));
  return filters;
}
