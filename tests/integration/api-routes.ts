// Every read-API route handler, called as Next calls it (not a test file).
import { GET as submissions } from "@/app/api/events/[slug]/submissions/route";
import { GET as submission } from "@/app/api/events/[slug]/submissions/[code]/route";
import { GET as speakers } from "@/app/api/events/[slug]/speakers/route";
import { GET as speaker } from "@/app/api/events/[slug]/speakers/[code]/route";
import { GET as reviews } from "@/app/api/events/[slug]/reviews/route";
import { GET as review } from "@/app/api/events/[slug]/reviews/[id]/route";
import { GET as questions } from "@/app/api/events/[slug]/questions/route";
import { GET as question } from "@/app/api/events/[slug]/questions/[id]/route";
import type { ApiScope } from "@/lib/api/scopes";
import { apiRequest } from "./api-world";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type RouteCase = { name: string; scope: ApiScope; item?: "code" | "id"; handler: Handler };

export const ROUTES: RouteCase[] = [
  { name: "submissions", scope: "proposals", handler: submissions as Handler },
  { name: "submissions", scope: "proposals", item: "code", handler: submission as Handler },
  { name: "speakers", scope: "speakers", handler: speakers as Handler },
  { name: "speakers", scope: "speakers", item: "code", handler: speaker as Handler },
  { name: "reviews", scope: "reviews", handler: reviews as Handler },
  { name: "reviews", scope: "reviews", item: "id", handler: review as Handler },
  { name: "questions", scope: "proposals", handler: questions as Handler },
  { name: "questions", scope: "proposals", item: "id", handler: question as Handler },
];

/** Calls a route: `/api/events/{slug}/{name}[/{item}]?{query}` with the token (or a raw Authorization header). */
export async function call(
  route: Pick<RouteCase, "name" | "item" | "handler">,
  slug: string,
  opts: { token?: string | null; header?: string; item?: string; query?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> & { results?: Record<string, unknown>[] }; headers: Headers }> {
  const path = `/api/events/${slug}/${route.name}${route.item ? `/${opts.item}` : ""}${opts.query ? `?${opts.query}` : ""}`;
  const params: Record<string, string> = { slug };
  if (route.item) params[route.item] = opts.item ?? "";
  const response = await route.handler(apiRequest(path, opts.token, opts.header), { params: Promise.resolve(params) });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

export const route = (name: string, item?: "code" | "id") => ROUTES.find((r) => r.name === name && r.item === item)!;
