import { z } from "zod";
import { id } from "@/lib/text/fields";
import { MAX_QUERY_LENGTH } from "@/lib/search/terms";
import { answerParams } from "@/lib/questions/answer-view";

export const RANKING_PAGE_SIZE = 50;

/** What the ranking lists: proposals the review team sees, decided or not. */
export const RANKED_STATUSES = ["SUBMITTED", "ACCEPTED", "WAITLISTED", "REJECTED", "CONFIRMED", "DECLINED"] as const;
export type RankedStatus = (typeof RANKED_STATUSES)[number];

export const RANKING_SORTS = [
  "title",
  "track",
  "sessionType",
  "status",
  "reviews",
  "mean",
  "median",
  "stddev",
  "min",
  "max",
  "normalized",
  "disagreement",
] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

/** A checkbox in a GET form: "1" is on; anything else (or nothing) is off. */
const flag = z
  .literal("1")
  .optional()
  .catch(undefined)
  .transform((v) => v === "1");

/**
 * The ranking's search parameters. Like the proposal list's query, anything
 * unknown falls back to the default instead of failing: a stale or edited
 * URL still shows a ranking.
 */
export const rankingQuery = z.object({
  sort: z.enum(RANKING_SORTS).catch("mean"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  status: z.enum(RANKED_STATUSES).optional().catch(undefined),
  track: id.optional().catch(undefined),
  sessionType: id.optional().catch(undefined),
  disagreement: flag,
  below: flag,
  /** An answer to filter by and questions shown as columns (lib/questions/answer-view.ts). */
  ...answerParams,
  tag: id.optional().catch(undefined),
  q: z.string().max(MAX_QUERY_LENGTH).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type RankingQuery = z.infer<typeof rankingQuery>;

/** Text columns read best A→Z; numbers and flags best-first. */
export function naturalDirection(sort: RankingSort): "asc" | "desc" {
  return sort === "title" || sort === "track" || sort === "sessionType" || sort === "status" ? "asc" : "desc";
}
