import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeCode } from "@/lib/identifiers/public-code";
import { ApiError } from "./errors";
import type { ApiContext } from "./authenticate";
import { skipTake } from "./paging";
import type { ReviewsQuery } from "./query";
import { reviewSchema, type Review } from "./schemas";

const SELECT = {
  id: true,
  comment: true,
  score: true,
  createdAt: true,
  updatedAt: true,
  proposal: { select: { code: true } },
  reviewer: { select: { code: true, name: true, email: true } },
  scores: { orderBy: { criterion: { position: "asc" } }, select: { value: true, criterion: { select: { name: true } } } },
} satisfies Prisma.ReviewSelect;
type Row = Prisma.ReviewGetPayload<{ select: typeof SELECT }>;

/** Reviews of the proposals the token reaches: its creator's organizer scope (ADR 0015). */
export function reviewsWhere(ctx: ApiContext, submission?: string): Prisma.ReviewWhereInput {
  return { proposal: { AND: [ctx.organizer.proposals, ...(submission ? [{ code: normalizeCode(submission) }] : [])] } };
}

function toReview(r: Row): Review {
  return reviewSchema.parse({
    id: r.id,
    submission: r.proposal.code,
    user: r.reviewer.name || r.reviewer.email,
    reviewer_code: r.reviewer.code,
    text: r.comment,
    score: r.score,
    scores: r.scores.map((s) => ({ criterion: s.criterion.name, value: s.value })),
    created: r.createdAt.toISOString(),
    updated: r.updatedAt.toISOString(),
    answers: [],
  });
}

export async function listReviews(db: Db, ctx: ApiContext, q: ReviewsQuery) {
  const where = reviewsWhere(ctx, q.submission);
  const [count, rows] = await Promise.all([
    db.review.count({ where }),
    db.review.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], ...skipTake(q), select: SELECT }),
  ]);
  return { count, results: rows.map(toReview) };
}

export async function getReview(db: Db, ctx: ApiContext, id: string) {
  const row = await db.review.findFirst({ where: { AND: [reviewsWhere(ctx), { id }] }, select: SELECT });
  if (!row) throw new ApiError("not_found", "No review with this id.");
  return toReview(row);
}
