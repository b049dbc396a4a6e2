import type { SignedIn } from "@/lib/auth/actor";
import { z } from "zod";
import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { PROPOSAL_STATUSES, type ProposalStatus } from "@/lib/lifecycle/state-machine";
import { id } from "@/lib/text/fields";
import { searchWhere } from "@/lib/search/where";
import { MAX_QUERY_LENGTH } from "@/lib/search/terms";
import { taggedWith, tagsOfRow } from "@/lib/tags/queries";
import { answerColumns, answerParams, answerView } from "@/lib/questions/answer-view";

export const PAGE_SIZE = 50;
export const SORT_KEYS = ["score", "reviews", "title", "submitted", "status"] as const;

export const listQuery = z.object({
  sort: z.enum(SORT_KEYS).catch("score"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  // Drafts are the speaker's business: they cannot be asked for.
  status: z
    .enum(PROPOSAL_STATUSES.filter((s) => s !== "DRAFT") as [ProposalStatus, ...ProposalStatus[]])
    .optional()
    .catch(undefined),
  tag: id.optional().catch(undefined),
  q: z.string().max(MAX_QUERY_LENGTH).optional().catch(undefined),
  /** An answer to filter by and questions shown as columns (lib/questions/answer-view.ts), as on the ranking. */
  ...answerParams,
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ListQuery = z.infer<typeof listQuery>;

const LISTED = PROPOSAL_STATUSES.filter((s) => s !== "DRAFT");

/** The database order for every sort; score is paged by pageByScore, which keeps this order. */
export function orderBy(q: ListQuery): Prisma.ProposalOrderByWithRelationInput[] {
  const dir = q.dir;
  const nulls = dir === "desc" ? "last" : "first";
  switch (q.sort) {
    case "score":
      return [{ stats: { avgScore: { sort: dir, nulls } } }, { id: "asc" }];
    case "reviews":
      return [{ stats: { reviewCount: dir } }, { id: "asc" }];
    case "title":
      return [{ title: dir }, { id: "asc" }];
    case "submitted":
      return [{ submittedAt: { sort: dir, nulls } }, { id: "asc" }];
    case "status":
      return [{ status: dir }, { id: "asc" }];
  }
}

/**
 * The organizer's proposal list: one page, sorted and counted in the
 * database. Only what the organizer may handle (organizer-scope.ts): no
 * drafts, none they speak on. With the answers the ranking shows too
 * (lib/questions/answer-view.ts): the picked answer columns of each row and
 * counts per option over every proposal the filters keep.
 */
export async function listEventProposals(db: DbTx, actor: SignedIn, eventId: string, q: ListQuery) {
  const scope = await organizerScope(db, actor, eventId, "proposal:list-all");
  // `in` rather than `not: "DRAFT"` alone: the count then reads the (eventId, status) index.
  const search = await searchWhere(db, eventId, q.q, "organizer");
  const answers = await answerView(db, eventId, q);
  const where: Prisma.ProposalWhereInput = {
    AND: [
      scope.proposals,
      { status: q.status && q.status !== "DRAFT" ? q.status : { in: LISTED } },
      ...(q.tag ? [taggedWith(q.tag)] : []),
      ...(answers.where ? [answers.where] : []),
      ...(search ? [search] : []),
    ],
  };
  const skip = (q.page - 1) * PAGE_SIZE;
  const [total, rows] = await Promise.all([
    db.proposal.count({ where }),
    q.sort === "score"
      ? pageByScore(db, eventId, where, q.dir, skip, PAGE_SIZE, ROW)
      : db.proposal.findMany({ where, orderBy: orderBy(q), skip, take: PAGE_SIZE, select: ROW }),
  ]);
  const columns = await answerColumns(
    db,
    eventId,
    answers,
    rows.map((r) => r.id),
    where,
  );
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => ({ ...r, answers: columns.cellsOf(r.id) })),
    answers: columns.shown,
  };
}

const ROW = {
  id: true,
  title: true,
  status: true,
  pendingDecision: true,
  submittedAt: true,
  sessionType: { select: { name: true } },
  track: { select: { name: true } },
  stats: { select: { reviewCount: true, avgScore: true } },
  speakers: { select: { user: { select: { name: true, email: true } } } },
  tags: tagsOfRow(),
} satisfies Prisma.ProposalSelect;

/**
 * One page of `where`'s proposals by average score (`dir`, then id), with
 * the unscored ones (no stats row, or no average) last when descending and
 * first when ascending: the order of orderBy(score). Ordering Proposal LEFT
 * JOIN ProposalStats that way sorts the whole event on every view; instead
 * the scored part walks the ProposalStats(eventId, avgScore) index and
 * stops after the page, and the unscored part is read by id. A page that
 * straddles both needs the size of the first part: counted only then.
 */
export async function pageByScore<S extends Prisma.ProposalSelect>(
  db: DbTx,
  eventId: string,
  where: Prisma.ProposalWhereInput,
  dir: "asc" | "desc",
  skip: number,
  take: number,
  select: S,
) {
  const scoredPart = (skip: number, take: number) =>
    db.proposalStats
      .findMany({
        where: { eventId, avgScore: { not: null }, proposal: where },
        orderBy: [{ avgScore: dir }, { proposalId: "asc" }],
        skip,
        take,
        select: { proposal: { select } },
      })
      .then((rows) => rows.map((r) => r.proposal));
  const unscoredWhere: Prisma.ProposalWhereInput = { AND: [where, { OR: [{ stats: { is: null } }, { stats: { avgScore: null } }] }] };
  const unscoredPart = (skip: number, take: number) =>
    db.proposal.findMany({ where: unscoredWhere, orderBy: { id: "asc" }, skip, take, select });
  const [first, second, countFirst] =
    dir === "desc"
      ? [scoredPart, unscoredPart, () => db.proposalStats.count({ where: { eventId, avgScore: { not: null }, proposal: where } })]
      : [unscoredPart, scoredPart, () => db.proposal.count({ where: unscoredWhere })];
  const head = await first(skip, take);
  if (head.length === take) return head;
  // The first part ends on this page (or before it).
  const firstSize = head.length > 0 || skip === 0 ? skip + head.length : await countFirst();
  return [...head, ...(await second(Math.max(0, skip - firstSize), take - head.length))];
}

/** A proposal with all its reviews, for an organizer of its event. */
export async function getProposalForOrganizer(db: DbTx, actor: SignedIn, eventId: string, proposalId: string) {
  const scope = await organizerScope(db, actor, eventId, "proposal:view-reviews");
  const proposal = await db.proposal.findFirst({
    // An organizer who speaks on a proposal sees neither it nor its reviews here.
    where: { AND: [scope.proposals, { id: proposalId }] },
    include: {
      sessionType: true,
      track: true,
      stats: true,
      speakers: { include: { user: { include: { profile: true } } } },
      tags: tagsOfRow(),
      reviews: {
        orderBy: { updatedAt: "desc" },
        include: { reviewer: { select: { name: true, email: true } }, scores: { select: { criterionId: true, value: true } } },
      },
      assignments: {
        orderBy: { createdAt: "asc" },
        select: { id: true, source: true, reviewerId: true, reviewer: { select: { name: true, email: true } } },
      },
    },
  });
  return proposal;
}
