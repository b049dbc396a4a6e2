// Collects everything a signed-in person can receive from the app, for the
// blind-review leak test: a breadth-first crawl of same-origin links (each
// page as HTML and as React Server Components payloads) and a recorder of
// every response a browser page gets (prefetches, navigations, server actions).
import type { APIRequestContext, APIResponse, Page, Route } from "@playwright/test";

export type Variant = "html" | "rsc" | "rsc-navigation" | "browser" | "browser-rsc" | "server-action";
export type Received = { variant: Variant; method: string; url: string; status: number; contentType: string; body: string };

/**
 * The state tree the client router sends when it navigates away from the home
 * page. With it and a wrong `_rsc`, Next 16 (validateRSCRequestHeaders)
 * answers 307 to the URL with the `_rsc` hash it expects, which we follow:
 * the server computes the hash, so the test does not depend on how.
 */
const FROM_HOME_TREE = encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}, null, null, 0] }, null, null, 0]));

/** Why a link is not followed, or null to follow it. */
export function skipReason(url: URL, origin: string): string | null {
  if (url.origin !== origin) return "another origin";
  if (url.pathname.startsWith("/_next/")) return "a static asset";
  if (url.pathname.startsWith("/api/")) return "an API route (sign-out and other auth endpoints change state)";
  if (/sign-?out|log-?out|delete|remove|withdraw|unsubscribe|decide/i.test(url.pathname + url.search)) return "it may change state";
  return null;
}

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', "#39": "'", "#x27": "'", lt: "<", gt: ">" };
const decodeAttribute = (s: string) => s.replace(/&(amp|quot|#39|#x27|lt|gt);/g, (_, e: string) => ENTITIES[e]);

/** The href of every <a> in a page. */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((m) => decodeAttribute(m[1] ?? m[2]));
}

async function received(variant: Variant, url: string, response: APIResponse): Promise<Received> {
  const body = response.status() >= 300 && response.status() < 400 ? "" : (await response.body()).toString("utf8");
  return { variant, method: "GET", url, status: response.status(), contentType: response.headers()["content-type"] ?? "", body };
}

/** GET, following same-origin redirects by hand so every hop keeps the RSC headers. */
async function getFollowing(request: APIRequestContext, origin: string, path: string, headers: Record<string, string>) {
  let url = path;
  let response = await request.get(url, { headers, maxRedirects: 0 });
  for (let hop = 0; hop < 3 && response.status() >= 300 && response.status() < 400; hop++) {
    const next = new URL(response.headers()["location"] ?? "", `${origin}${url}`);
    if (next.origin !== origin) break;
    url = next.pathname + next.search;
    response = await request.get(url, { headers, maxRedirects: 0 });
  }
  return { url, response };
}

export type CrawlResult = { visited: string[]; received: Received[]; notFollowed: Map<string, string> };

/**
 * Breadth-first from `start`: each URL as HTML (a), as its RSC payload with
 * `RSC: 1` (b), and as a client navigation `?_rsc=` request with a router
 * state tree (c). Links found in HTML are queued; redirects too.
 */
export async function crawl(request: APIRequestContext, origin: string, start: string[], maxUrls = 300): Promise<CrawlResult> {
  const queue = [...start];
  const seen = new Set(queue);
  const result: CrawlResult = { visited: [], received: [], notFollowed: new Map() };
  const enqueue = (href: string, from: string) => {
    const url = new URL(href, `${origin}${from}`);
    url.hash = "";
    const path = url.pathname + url.search;
    if (seen.has(path) || url.protocol === "mailto:") return;
    seen.add(path);
    const reason = skipReason(url, origin);
    if (reason) result.notFollowed.set(url.origin === origin ? path : url.href, reason);
    else queue.push(path);
  };

  while (queue.length > 0 && result.visited.length < maxUrls) {
    const path = queue.shift()!;
    result.visited.push(path);
    const page = await request.get(path, { headers: { Accept: "text/html" }, maxRedirects: 0 });
    const html = await received("html", path, page);
    result.received.push(html);
    const location = page.headers()["location"];
    if (location) {
      enqueue(location, path);
      continue;
    }
    if (html.contentType.includes("text/html")) for (const href of linksIn(html.body)) enqueue(href, path);

    const rsc = await getFollowing(request, origin, path, { RSC: "1" });
    result.received.push(await received("rsc", rsc.url, rsc.response));
    const navigation = `${path}${path.includes("?") ? "&" : "?"}_rsc=0`;
    const nav = await getFollowing(request, origin, navigation, { RSC: "1", "Next-Router-State-Tree": FROM_HOME_TREE });
    result.received.push(await received("rsc-navigation", nav.url, nav.response));
  }
  return result;
}

/**
 * Records every same-origin response `page` receives (static chunks aside)
 * until `stop()`. Requests go through `page.route` and are fetched by
 * Playwright: Chromium does not keep the body of a streamed fetch (RSC
 * payloads, server action responses), so reading it from a `response` event
 * fails once the app has consumed it.
 */
export async function recordResponses(page: Page, origin: string) {
  const received: Received[] = [];
  const aborted: string[] = [];
  const matches = (url: URL) => url.origin === origin && !url.pathname.startsWith("/_next/static/");
  const handler = async (route: Route) => {
    const request = route.request();
    const headers = request.headers();
    let response: APIResponse;
    try {
      response = await route.fetch({ maxRedirects: 0 });
    } catch {
      aborted.push(request.url());
      await route.abort().catch(() => {}); // the page went away mid-request (e.g. a cancelled prefetch)
      return;
    }
    const body = await response.body();
    const url = new URL(request.url());
    received.push({
      variant: headers["next-action"] ? "server-action" : headers["rsc"] ? "browser-rsc" : "browser",
      method: request.method(),
      url: url.pathname + url.search,
      status: response.status(),
      contentType: response.headers()["content-type"] ?? "",
      body: body.toString("utf8"), // RSC payloads name no charset: never let it default to Latin-1
    });
    // The body is already decompressed: drop the headers that describe the wire encoding.
    const { "content-encoding": _e, "content-length": _l, "transfer-encoding": _t, ...kept } = response.headers();
    await route.fulfill({ status: response.status(), headers: kept, body }).catch(() => {});
  };
  await page.route(matches, handler);
  return {
    received,
    aborted,
    async stop() {
      await page.unroute(matches, handler);
    },
  };
}
