import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportColumn } from "../column-providers";
import { BATCH_SIZE, type RowSource } from "../stream";

const col = (key: string, label = key): ExportColumn => ({ key, label });

/**
 * One row per review of the exported proposals (ordered by review id), with
 * a column per criterion (empty: no opinion). Reviewers are named unless
 * blind; speakers never appear.
 */
export async function reviewRows(
  db: Db,
  eventId: string,
  proposals: Prisma.ProposalWhereInput,
  opts: { blind: boolean },
): Promise<RowSource<string>> {
  const criteria = await db.reviewCriterion.findMany({
    where: { eventId },
    orderBy: { position: "asc" },
    select: { id: true, name: true },
  });
  const columns = [
    col("id"),
    col("proposal_code"),
    col("proposal_number"),
    col("proposal_title"),
    ...(opts.blind ? [] : [col("reviewer_code"), col("reviewer")]),
    col("score"),
    ...criteria.map((c) => col(`criterion:${c.id}`, c.name)),
    col("comment"),
    col("created"),
    col("updated"),
  ];
  const where: Prisma.ReviewWhereInput = { proposal: proposals };
  return {
    kind: "reviews",
    columns,
    async batch(after) {
      const rows = await db.review.findMany({
        where: after === null ? where : { AND: [where, { id: { gt: after } }] },
        orderBy: { id: "asc" },
        take: BATCH_SIZE,
        select: {
          id: true,
          score: true,
          comment: true,
          createdAt: true,
          updatedAt: true,
          proposal: { select: { code: true, number: true, title: true } },
          reviewer: { select: { code: true, name: true, email: true } },
          scores: { select: { criterionId: true, value: true } },
        },
      });
      return {
        rows: rows.map((r) => ({
          id: r.id,
          cells: {
            id: r.id,
            proposal_code: r.proposal.code,
            proposal_number: r.proposal.number,
            proposal_title: r.proposal.title,
            reviewer_code: r.reviewer.code,
            reviewer: r.reviewer.name || r.reviewer.email,
            score: r.score,
            ...Object.fromEntries(r.scores.map((s) => [`criterion:${s.criterionId}`, s.value])),
            comment: r.comment,
            created: r.createdAt.toISOString(),
            updated: r.updatedAt.toISOString(),
          },
        })),
        next: rows.length === BATCH_SIZE ? rows[rows.length - 1].id : null,
      };
    },
  };
}
