import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportColumn } from "../column-providers";
import { BATCH_SIZE, type RowSource } from "../stream";

const col = (key: string, label = key): ExportColumn => ({ key, label });

/**
 * One row per review of the exported proposals (by proposal number, then review id), with
 * a column per criterion (empty: no opinion). Reviewers are named unless
 * blind; speakers never appear.
 */
export async function reviewRows(
  db: Db,
  eventId: string,
  proposals: Prisma.ProposalWhereInput,
  opts: { blind: boolean },
): Promise<RowSource<number>> {
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
  return {
    kind: "reviews",
    columns,
    // Walks the proposals by number (the proposal export's keyset) and reads their reviews by proposal id:
    // filtering each review through the organizer scope's subqueries instead costs seconds per batch.
    async batch(after) {
      const batch = await db.proposal.findMany({
        where: after === null ? proposals : { AND: [proposals, { number: { gt: after } }] },
        orderBy: { number: "asc" },
        take: BATCH_SIZE,
        select: { id: true, code: true, number: true, title: true },
      });
      const byId = new Map(batch.map((p) => [p.id, p]));
      const reviews = await db.review.findMany({
        where: { proposalId: { in: [...byId.keys()] } },
        orderBy: { id: "asc" },
        select: {
          id: true,
          proposalId: true,
          score: true,
          comment: true,
          createdAt: true,
          updatedAt: true,
          reviewer: { select: { code: true, name: true, email: true } },
          scores: { select: { criterionId: true, value: true } },
        },
      });
      const rows = reviews
        .map((r) => ({ r, p: byId.get(r.proposalId)! }))
        .sort((a, b) => a.p.number - b.p.number || (a.r.id < b.r.id ? -1 : 1))
        .map(({ r, p }) => ({
          id: r.id,
          cells: {
            id: r.id,
            proposal_code: p.code,
            proposal_number: p.number,
            proposal_title: p.title,
            reviewer_code: r.reviewer.code,
            reviewer: r.reviewer.name || r.reviewer.email,
            score: r.score,
            ...Object.fromEntries(r.scores.map((s) => [`criterion:${s.criterionId}`, s.value])),
            comment: r.comment,
            created: r.createdAt.toISOString(),
            updated: r.updatedAt.toISOString(),
          },
        }));
      return { rows, next: batch.length === BATCH_SIZE ? batch[batch.length - 1].number : null };
    },
  };
}
