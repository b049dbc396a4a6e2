import type { Prisma } from "@/lib/generated/prisma/client";
import type { RankingQuery } from "./query";

type Order = Prisma.ProposalOrderByWithRelationInput;
type Dir = RankingQuery["dir"];

// Score columns are nullable (no reviews yet, or no stats row): those rows go
// last in both directions, so a ranking always starts with real scores.
const scoreOrder = (column: "avgScore" | "medianScore" | "stddevScore" | "minScore" | "maxScore" | "normalizedScore", dir: Dir): Order => ({
  stats: { [column]: { sort: dir, nulls: "last" } },
});

/**
 * The ORDER BY for a ranking query, with the proposal id as a tie-breaker so
 * pages never overlap. Every key is a column of Proposal or of a row joined
 * one-to-one (ProposalStats, Track, SessionType): the database sorts and
 * pages, nothing is loaded to sort in JavaScript.
 */
export function rankingOrder(q: Pick<RankingQuery, "sort" | "dir">): Order[] {
  const { dir } = q;
  const tieBreak: Order = { id: "asc" };
  switch (q.sort) {
    case "title":
      return [{ title: dir }, tieBreak];
    // A proposal without a track has no name to sort by: SQLite puts it first
    // ascending, last descending (Prisma has no NULLS option for a joined
    // required column).
    case "track":
      return [{ track: { name: dir } }, tieBreak];
    case "sessionType":
      return [{ sessionType: { name: dir } }, tieBreak];
    case "status":
      return [{ status: dir }, tieBreak];
    case "reviews":
      return [{ stats: { reviewCount: dir } }, tieBreak];
    case "mean":
      return [scoreOrder("avgScore", dir), tieBreak];
    case "median":
      return [scoreOrder("medianScore", dir), tieBreak];
    case "stddev":
      return [scoreOrder("stddevScore", dir), tieBreak];
    case "min":
      return [scoreOrder("minScore", dir), tieBreak];
    case "max":
      return [scoreOrder("maxScore", dir), tieBreak];
    case "normalized":
      return [scoreOrder("normalizedScore", dir), tieBreak];
    case "disagreement":
      // Among flagged (or unflagged) proposals, the widest spread first.
      return [{ stats: { disagreement: dir } }, scoreOrder("stddevScore", "desc"), tieBreak];
  }
}
