import { appendAnswerParams } from "@/lib/questions/answer-view";
import { naturalDirection, type RankingQuery, type RankingSort } from "@/lib/reviews/ranking/query";

const DEFAULTS = { sort: "mean", dir: "desc", page: 1 } as const;

/** The ranking URL for a query, leaving out defaults and unset filters. */
export function rankingHref(slug: string, q: Partial<RankingQuery>): string {
  const params = new URLSearchParams();
  if (q.sort && q.sort !== DEFAULTS.sort) params.set("sort", q.sort);
  if (q.dir && q.dir !== DEFAULTS.dir) params.set("dir", q.dir);
  if (q.status) params.set("status", q.status);
  if (q.track) params.set("track", q.track);
  if (q.sessionType) params.set("sessionType", q.sessionType);
  if (q.disagreement) params.set("disagreement", "1");
  if (q.below) params.set("below", "1");
  appendAnswerParams(params, q);
  if (q.tag) params.set("tag", q.tag);
  if (q.q) params.set("q", q.q);
  if (q.page && q.page !== DEFAULTS.page) params.set("page", String(q.page));
  const qs = params.toString();
  return `/organize/${slug}/ranking${qs ? `?${qs}` : ""}`;
}

/** Sorting by the current column flips it; another column starts in its natural direction. Filters stay. */
export function rankingSortHref(slug: string, q: RankingQuery, sort: RankingSort): string {
  const dir = q.sort === sort ? (q.dir === "asc" ? "desc" : "asc") : naturalDirection(sort);
  return rankingHref(slug, { ...q, sort, dir, page: 1 });
}
