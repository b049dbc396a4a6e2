import type { ListQuery } from "@/lib/proposals/organizer-list";
import { appendAnswerParams } from "@/lib/questions/answer-view";

const DEFAULTS: Pick<ListQuery, "sort" | "dir" | "page"> = { sort: "score", dir: "desc", page: 1 };

/** The proposal list URL for a query, leaving out the defaults. */
export function listHref(slug: string, q: Partial<ListQuery>): string {
  const params = new URLSearchParams();
  if (q.sort && q.sort !== DEFAULTS.sort) params.set("sort", q.sort);
  if (q.dir && q.dir !== DEFAULTS.dir) params.set("dir", q.dir);
  if (q.status) params.set("status", q.status);
  if (q.tag) params.set("tag", q.tag);
  if (q.q) params.set("q", q.q);
  appendAnswerParams(params, q);
  if (q.page && q.page !== DEFAULTS.page) params.set("page", String(q.page));
  const qs = params.toString();
  return `/organize/${slug}${qs ? `?${qs}` : ""}`;
}

/** Clicking the sorted column flips the direction; another column starts with its natural direction. */
export function sortHref(slug: string, q: ListQuery, sort: ListQuery["sort"]): string {
  const natural = sort === "title" || sort === "status" ? "asc" : "desc";
  const dir = q.sort === sort ? (q.dir === "asc" ? "desc" : "asc") : natural;
  return listHref(slug, { sort, dir, status: q.status, tag: q.tag, q: q.q, answer: q.answer, column: q.column, page: 1 });
}
