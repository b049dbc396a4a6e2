import type { Page } from "@playwright/test";
import { AUTH_BODY_LIMIT, BODY_LIMIT } from "@/lib/http/body-limits.js";
import { expect, test } from "./support/fixtures";
import { skipReason } from "./support/leak-crawl";

// Issue 10, finding 14: every page carries a nonce-based Content-Security-Policy
// and breaks none of it (the `cspViolations` fixture fails the test otherwise),
// as each role sees the app.

const MAX_PAGES_PER_ROLE = 45;

/** Opens every same-origin page reachable from `start` by links, breadth first, in the browser. */
async function crawl(page: Page, start: string[]): Promise<string[]> {
  const queue = [...start];
  const seen = new Set<string>(queue);
  const visited: string[] = [];
  while (queue.length > 0 && visited.length < MAX_PAGES_PER_ROLE) {
    const path = queue.shift()!;
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    expect(response?.headers()["content-security-policy"], `CSP on ${path}`).toMatch(
      /script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/,
    );
    await page.waitForLoadState("load");
    visited.push(path);
    const base = new URL(page.url());
    // Downloads (own-data JSON, exports, calendar and schedule files) are files, not pages: the browser would not render them.
    for (const href of await page.locator("a[href]:not([download])").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
      const url = new URL(href, base);
      if (skipReason(url, base.origin) || /\.(ics|xml|json|csv)$|\/export$|\/profile\/data$/.test(url.pathname)) continue;
      const key = url.pathname + url.search;
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(key);
      }
    }
  }
  return visited;
}

test("the home page has a fresh nonce per response, and every header of the policy", async ({ request }) => {
  const first = await request.get("/");
  const second = await request.get("/");
  const policy = first.headers()["content-security-policy"];
  const nonceOf = (p: string) => /'nonce-([^']+)'/.exec(p)?.[1];
  expect(nonceOf(policy)).toBeTruthy();
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonceOf(policy));
  expect(policy).not.toContain("unsafe-eval");
  const directive = (name: string) =>
    policy
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `));
  expect(directive("script-src")).not.toContain("unsafe-inline");
  expect(directive("style-src")).not.toContain("unsafe-inline");
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) {
    expect(policy).toContain(directive);
  }
  const html = await first.text();
  // Next puts the nonce on each of its scripts.
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(policy)}"`);
  const headers = first.headers();
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Served over plain http here: no HSTS (it is only honoured, and only sent, over https).
  expect(headers["strict-transport-security"]).toBeUndefined();
});

test("HSTS and upgrade-insecure-requests when a trusted proxy says the request came over https", async ({ request }) => {
  const response = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toMatch(/max-age=\d{8,}; includeSubDomains/);
  expect(response.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

test("anonymous visitors' pages break no rule of the policy", async ({ page, demo }) => {
  const visited = await crawl(page, ["/", `/events/${demo.slug}`, "/signin", "/mailbox", "/no-such-page"]);
  expect(visited.length).toBeGreaterThan(3);
});

for (const [role, name, start] of [
  ["speaker", "Mara Chen", (slug: string) => ["/speaker", "/speaker/profile", `/events/${slug}/submit`]],
  ["reviewer", "Ravi Menon", (slug: string) => ["/review", `/review/${slug}`]],
  ["organizer", "Olivia Laurent", (slug: string) => ["/organize", `/organize/${slug}`, "/organize/new"]],
] as const) {
  test(`${role === "organizer" ? "an" : "a"} ${role}'s pages break no rule of the policy`, async ({ page, demo, signIn }) => {
    await signIn(page, demo.user(name));
    const visited = await crawl(page, start(demo.slug));
    expect(visited.length).toBeGreaterThan(2);
  });
}

test("a Markdown image in an abstract is never loaded on the reviewer's page", async ({ page, demo, signIn, db }) => {
  await signIn(page, demo.user("Ravi Menon"));
  await page.goto(`/review/${demo.slug}`);
  const href = await page.locator(`main a[href^="/review/${demo.slug}/"]`).first().getAttribute("href");
  const proposal = await db.proposal.findUniqueOrThrow({ where: { id: href!.split("/").pop()!.split("?")[0] } });
  const pixel = "https://tracker.example/pixel.gif";
  await db.proposal.update({
    where: { id: proposal.id },
    data: { abstract: `${proposal.abstract}\n\n![pixel](${pixel}) [home](//evil.example/x)` },
  });
  const requested: string[] = [];
  page.on("request", (r) => requested.push(r.url()));
  await page.goto(`/review/${demo.slug}/${proposal.id}`);
  await expect(page.getByRole("link", { name: "Image: pixel" })).toHaveAttribute("href", pixel);
  await expect(page.getByRole("link", { name: "home" })).toHaveAttribute("href", "https://evil.example/x");
  expect(await page.locator("main img").count()).toBe(0);
  expect(requested.filter((u) => u.includes("tracker.example"))).toEqual([]);
});

test("a body declared over its path's limit is refused with 413 before any handler reads it", async ({ request }) => {
  const form = { "Content-Type": "application/x-www-form-urlencoded" };
  const big = await request.post("/speaker", { headers: form, data: "a=" + "x".repeat(BODY_LIMIT) });
  expect(big.status()).toBe(413);
  const authBig = await request.post("/api/auth/signin/email", { headers: form, data: "email=" + "x".repeat(AUTH_BODY_LIMIT) });
  expect(authBig.status()).toBe(413);
  const authSmall = await request.post("/api/auth/signin/email", { headers: form, data: "email=a%40example.org", maxRedirects: 0 });
  expect(authSmall.status()).not.toBe(413);
});

test("2,500 nested quotes in an abstract no longer crash the speaker's proposal page", async ({ page, demo, signIn, db }) => {
  const proposal = await db.proposal.findFirstOrThrow({
    where: { eventId: demo.event.id, speakers: { some: { user: { name: "Mara Chen" } } } },
  });
  const crafted = ">".repeat(2_500) + " deep";
  await db.proposal.update({ where: { id: proposal.id }, data: { abstract: crafted } });
  await signIn(page, demo.user("Mara Chen"));
  const response = await page.goto(`/speaker/proposals/${proposal.id}`);
  expect(response?.status()).toBe(200);
  await expect(page.locator(".markdown .plain-text")).toHaveText(crafted);
});
