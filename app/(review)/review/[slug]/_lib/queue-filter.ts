import { z } from "zod";
import type { QueueFilter } from "@/lib/reviews/queue";
import { MAX_QUERY_LENGTH } from "@/lib/search/terms";

type SearchParams = Record<string, string | string[] | undefined>;

const filterSchema = z.object({
  track: z.string().max(64).optional().catch(undefined),
  type: z.string().max(64).optional().catch(undefined),
  todo: z.enum(["1"]).optional().catch(undefined),
  tag: z.string().max(64).optional().catch(undefined),
  q: z.string().max(MAX_QUERY_LENGTH).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** The queue's filters from the URL; anything unusable is ignored. */
export function parseQueueParams(sp: SearchParams): { filter: QueueFilter; page: number; query: string } {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const p = filterSchema.parse({
    track: one(sp.track),
    type: one(sp.type),
    todo: one(sp.todo),
    tag: one(sp.tag),
    q: one(sp.q),
    page: one(sp.page),
  });
  const params = new URLSearchParams();
  if (p.track) params.set("track", p.track);
  if (p.type) params.set("type", p.type);
  if (p.todo) params.set("todo", "1");
  if (p.tag) params.set("tag", p.tag);
  if (p.q) params.set("q", p.q);
  return {
    filter: { trackId: p.track, sessionTypeId: p.type, todo: !!p.todo, tagId: p.tag, q: p.q },
    page: p.page,
    query: params.toString(),
  };
}

/** A queue or proposal URL keeping the current filters. */
export function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}
