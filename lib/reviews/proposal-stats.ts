import type { DbTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isDisagreement, normalizedScores, summarize } from "@/lib/reviews/stats";

/** The statistics columns for a set of review scores (0..1). */
function statsColumns(scores: number[]) {
  const s = summarize(scores);
  return {
    reviewCount: s.count,
    scoreSum: scores.reduce((sum, x) => sum + x, 0),
    avgScore: s.mean,
    medianScore: s.median,
    stddevScore: s.stddev,
    minScore: s.min,
    maxScore: s.max,
    disagreement: isDisagreement(s),
  };
}

/**
 * Rewrites one proposal's statistics from its reviews. Runs inside the
 * transaction that changed a review, after the row lock taken by
 * lockProposalStats, so concurrent reviews never compute from a stale set.
 */
export async function recomputeProposalStats(tx: DbTx, proposalId: string) {
  const reviews = await tx.review.findMany({ where: { proposalId }, select: { score: true } });
  await tx.proposalStats.update({ where: { proposalId }, data: statsColumns(reviews.map((r) => r.score)) });
}

/**
 * Creates the stats row if needed and writes to it, which on PostgreSQL
 * locks it until the transaction ends: the serialization point for all
 * review writes on one proposal (SQLite serializes writers anyway).
 */
export async function lockProposalStats(tx: DbTx, proposalId: string, eventId: string) {
  await tx.proposalStats.upsert({
    where: { proposalId },
    create: { proposalId, eventId },
    update: { reviewCount: { increment: 0 } },
  });
}

/**
 * Normalized scores depend on every review of every reviewer of the event,
 * so they are recomputed for the whole event after review writes, outside
 * the request: one read of all scores, then one UPDATE per 500 changed
 * values. Also fills statistics missing after a migration. Also runs in the
 * transaction that removes conflicted reviews (dropConflictedWork).
 */
export async function refreshEventStats(db: DbTx, eventId: string) {
  // One query at a time: it also runs inside the transaction that removed conflicted reviews.
  const reviews = await db.review.findMany({
    where: { proposal: { eventId } },
    select: { reviewerId: true, proposalId: true, score: true },
  });
  const current = await db.proposalStats.findMany({
    where: { eventId },
    select: { proposalId: true, normalizedScore: true, reviewCount: true, medianScore: true },
  });
  const normalized = normalizedScores(reviews);
  const changed = current.filter((row) => !sameScore(normalized.get(row.proposalId) ?? null, row.normalizedScore));
  const incomplete = current.filter((row) => row.reviewCount > 0 && row.medianScore === null);
  if (changed.length === 0 && incomplete.length === 0) return;
  // Rare (statistics missing after a migration): whole rows, one by one.
  const scoresOf = new Map<string, number[]>();
  if (incomplete.length > 0) for (const r of reviews) scoresOf.set(r.proposalId, [...(scoresOf.get(r.proposalId) ?? []), r.score]);
  for (const row of incomplete) {
    await db.proposalStats.update({ where: { proposalId: row.proposalId }, data: statsColumns(scoresOf.get(row.proposalId) ?? []) });
  }
  // Every save changes the saving reviewer's mean, so ≈ their number of reviews
  // rows change: one UPDATE per batch rather than one per row (≈1 ms of Prisma each).
  // Short statements: review writes wait for SQLite's single writer.
  for (let i = 0; i < changed.length; i += REFRESH_BATCH) {
    const batch = changed.slice(i, i + REFRESH_BATCH).map((row) => ({ id: row.proposalId, score: normalized.get(row.proposalId) ?? null }));
    const cases = Prisma.join(
      batch.map((b) => Prisma.sql`WHEN ${b.id} THEN CAST(${b.score} AS DOUBLE PRECISION)`),
      " ",
    );
    // By primary key only (the ids are this event's rows): with "eventId" too, SQLite walks the event's index.
    await db.$executeRaw`UPDATE "ProposalStats" SET "normalizedScore" = CASE "proposalId" ${cases} END
      WHERE "proposalId" IN (${Prisma.join(batch.map((b) => b.id))})`;
  }
}

const REFRESH_BATCH = 500;

function sameScore(a: number | null, b: number | null) {
  return a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-12);
}
