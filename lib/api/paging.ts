import type { Paging } from "./query";

/** `{count, next, previous, results}` with absolute links that keep the request's other parameters. */
export function pageLinks(requestUrl: string, paging: Paging, count: number) {
  const link = (page: number) => {
    const url = new URL(requestUrl);
    url.searchParams.set("page", String(page));
    return url.toString();
  };
  const last = Math.max(1, Math.ceil(count / paging.page_size));
  return {
    next: paging.page < last ? link(paging.page + 1) : null,
    previous: paging.page > 1 ? link(Math.min(paging.page - 1, last)) : null,
  };
}

export const skipTake = (p: Paging) => ({ skip: (p.page - 1) * p.page_size, take: p.page_size });
