// Turning a route's work into the API's answer, with standard Web
// Request/Response (no Next import): JSON, never cached, errors as
// `{ error: { code, message } }` (errors.ts).
import type { z } from "zod";
import { ApiError, errorBody } from "./errors";
import { pageLinks } from "./paging";
import type { Paging } from "./query";

const HEADERS = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export async function apiResponse(work: () => Promise<unknown>): Promise<Response> {
  try {
    return new Response(JSON.stringify(await work()), { status: 200, headers: HEADERS });
  } catch (e) {
    if (e instanceof ApiError) {
      return new Response(JSON.stringify(errorBody(e.code, e.message)), { status: e.status, headers: { ...HEADERS, ...e.headers } });
    }
    console.error("API request failed", e);
    return new Response(JSON.stringify(errorBody("internal_error", "Something went wrong on our side.")), {
      status: 500,
      headers: HEADERS,
    });
  }
}

/** The request's query string through `schema`; anything it refuses (unknown parameters too) is an `invalid_query`. */
export function parseQuery<S extends z.ZodType>(schema: S, requestUrl: string): z.infer<S> {
  const params = Object.fromEntries(new URL(requestUrl).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new ApiError("invalid_query", `${where}${issue.message}`);
  }
  return parsed.data;
}

/** A list page in pretalx's shape. */
export function paged<T>(requestUrl: string, q: Paging, page: { count: number; results: T[] }) {
  return { count: page.count, ...pageLinks(requestUrl, q, page.count), results: page.results };
}
