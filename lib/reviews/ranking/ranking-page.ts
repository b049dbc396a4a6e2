import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { rankingOrder } from "./order";
import { RANKED_STATUSES, RANKING_PAGE_SIZE, type RankedStatus, type RankingQuery } from "./query";
import { refreshIfIncomplete } from "./refresh";
import { belowCoverage, rankingFilters, rankingScope } from "./where";
import { answerColumns, answerView } from "@/lib/questions/answer-view";
import { searchWhere } from "@/lib/search/where";
import { tagsOfRow, type TagView } from "@/lib/tags/queries";

export type RankingRow = {
  id: string;
  title: string;
  status: RankedStatus;
  /** The organizers' unpublished decision. */
  pendingDecision: string | null;
  track: string | null;
  sessionType: string;
  speakers: string[];
  reviewCount: number;
  /** Scores and spread on [0, 1]; null until reviewed. */
  mean: number | null;
  median: number | null;
  stddev: number | null;
  min: number | null;
  max: number | null;
  /** Mean z-score of the reviews (lib/reviews/stats/normalize.ts); not on any scale. */
  normalized: number | null;
  disagreement: boolean;
  belowCoverage: boolean;
  /** The answers to the questions picked as columns (query.column), in that order. */
  answers: string[];
  tags: TagView[];
};

const SELECT = {
  id: true,
  title: true,
  status: true,
  pendingDecision: true,
  track: { select: { name: true } },
  sessionType: { select: { name: true } },
  speakers: { select: { role: true, user: { select: { name: true, email: true } } } },
  tags: tagsOfRow(),
  stats: {
    select: {
      reviewCount: true,
      avgScore: true,
      medianScore: true,
      stddevScore: true,
      minScore: true,
      maxScore: true,
      normalizedScore: true,
      disagreement: true,
    },
  },
} satisfies Prisma.ProposalSelect;

/**
 * One page of an event's ranking, for someone who may see reviews: filtered,
 * sorted, counted and paged in the database on ProposalStats' columns, so
 * its cost does not grow with the number of proposals loaded into memory.
 * Also returns what the page needs to show it: the criteria (display units),
 * the filter options and the review coverage of the whole ranking.
 */
export async function rankingPage(db: Db, actor: SignedIn, eventId: string, query: RankingQuery) {
  const organizer = await organizerScope(db, actor, eventId, "proposal:view-reviews");
  await refreshIfIncomplete(db, eventId);
  const event = await rankingSettings(db, eventId);
  const required = event.reviewsPerProposal;
  const scope = rankingScope(organizer.proposals);
  const answers = await answerView(db, eventId, query);
  const search = await searchWhere(db, eventId, query.q, "organizer");
  const where = {
    AND: [scope, ...rankingFilters(query, required), ...(answers.where ? [answers.where] : []), ...(search ? [search] : [])],
  };
  const [total, below, proposals, ownHidden] = await Promise.all([
    db.proposal.count({ where }),
    db.proposal.count({ where: { AND: [scope, belowCoverage(required)] } }),
    db.proposal.findMany({
      where,
      orderBy: rankingOrder(query),
      skip: (query.page - 1) * RANKING_PAGE_SIZE,
      take: RANKING_PAGE_SIZE,
      select: SELECT,
    }),
    db.proposal.count({ where: { eventId, status: { in: [...RANKED_STATUSES] }, speakers: { some: { userId: organizer.actorId } } } }),
  ]);
  const columns = await answerColumns(
    db,
    eventId,
    answers,
    proposals.map((p) => p.id),
    where,
  );
  return {
    rows: proposals.map((p) => ({ ...toRow(p, required), answers: columns.cellsOf(p.id) })),
    answers: columns.shown,
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / RANKING_PAGE_SIZE)),
    coverage: { required, below },
    ownHidden,
    criteria: event.criteria,
    tracks: event.tracks,
    sessionTypes: event.sessionTypes,
    tags: event.tags,
  };
}

type Selected = Prisma.ProposalGetPayload<{ select: typeof SELECT }>;

function toRow(p: Selected, reviewsPerProposal: number): Omit<RankingRow, "answers"> {
  const s = p.stats;
  const reviewCount = s?.reviewCount ?? 0;
  // Owners first: SQLite would sort the role enum as text.
  const speakers = [...p.speakers].sort((a, b) => Number(a.role !== "OWNER") - Number(b.role !== "OWNER"));
  return {
    id: p.id,
    title: p.title,
    status: p.status as RankedStatus,
    pendingDecision: p.pendingDecision,
    track: p.track?.name ?? null,
    sessionType: p.sessionType?.name ?? "—",
    speakers: speakers.map((sp) => sp.user.name || sp.user.email),
    reviewCount,
    mean: s?.avgScore ?? null,
    median: s?.medianScore ?? null,
    stddev: s?.stddevScore ?? null,
    min: s?.minScore ?? null,
    max: s?.maxScore ?? null,
    normalized: s?.normalizedScore ?? null,
    disagreement: s?.disagreement ?? false,
    belowCoverage: reviewCount < reviewsPerProposal,
    tags: p.tags.map((t) => t.tag),
  };
}

/** What the page needs besides the rows: coverage target, display units, filter options. */
function rankingSettings(db: Db, eventId: string) {
  return db.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      reviewsPerProposal: true,
      criteria: { orderBy: { position: "asc" }, select: { id: true, name: true, minScore: true, maxScore: true, weight: true } },
      tracks: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      sessionTypes: { orderBy: { position: "asc" }, select: { id: true, name: true } },
      tags: { orderBy: { nameKey: "asc" }, select: { id: true, name: true, color: true, public: true } },
    },
  });
}

export type RankingPage = Awaited<ReturnType<typeof rankingPage>>;
