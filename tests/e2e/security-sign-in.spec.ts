import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { createDb, type Db } from "@/lib/db/client";
import { ORGANIZER } from "@/prisma/seed-data/demo";
import { unique } from "./support/data";
import { E2E_DATABASE_URL } from "./support/env";
import { confirmSignInLink, signInByEmailLink, signInLinkIn } from "./support/sign-in";

// The email-link form answers the same for an address with an account and
// one without: the same page in the browser, the same response to the
// server action (status, redirect, body), in about the same time; and an
// address over its limit (5 links per 15 minutes) gets that same answer but
// no more email.

let db: Db;
test.beforeAll(() => {
  db = createDb(E2E_DATABASE_URL);
});
test.afterAll(async () => {
  await db?.$disconnect();
});

async function askInBrowser(page: Page, email: string): Promise<string> {
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  // The page names the address the person typed (they know it); everything else must be the same.
  const text = (await page.locator("main").innerText()).split(email).join("<address>");
  return `${new URL(page.url()).pathname}${new URL(page.url()).search}\n${text}`;
}

type Captured = { url: string; headers: Record<string, string>; body: string };

/** The sign-in form's server action request, as the browser sends it, for replaying with other addresses. */
async function captureSignInPost(page: Page, email: string): Promise<Captured> {
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  let captured: Captured | undefined;
  await page.route("**/signin", async (route) => {
    const headers = await route.request().allHeaders();
    if (route.request().method() !== "POST" || !headers["next-action"]) return route.continue();
    captured = { url: route.request().url(), headers, body: route.request().postData() ?? "" };
    await route.abort();
  });
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute("**/signin");
  return captured!;
}

async function post(context: BrowserContext, c: Captured, from: string, to: string) {
  const { cookie: _c, "content-length": _l, host: _h, ...headers } = c.headers;
  const started = performance.now();
  const response = await context.request.post(c.url, {
    headers,
    data: c.body.split(from).join(to),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const body = await response.text();
  return {
    ms: performance.now() - started,
    status: response.status(),
    redirect: response.headers()["x-action-redirect"] ?? response.headers()["location"] ?? "",
    // The rendered page differs only by per-request ids; what the user reads is compared in the browser test.
    body: body
      .split(to)
      .join("<address>")
      .split(encodeURIComponent(to))
      .join("<address>")
      .replace(/"[A-Za-z0-9_-]{20,}"/g, '"<id>"').length,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test("the browser shows the same page for an address with an account and one without", async ({ page }) => {
  const known = await askInBrowser(page, ORGANIZER.email);
  const unknown = await askInBrowser(page, `nobody-${unique()}@example.org`);
  expect(unknown).toBe(known);
});

test("the server action answers known and unknown addresses alike, in about the same time; a sixth request for one address sends nothing", async ({
  context,
  page,
}) => {
  const placeholder = `placeholder-${unique()}@example.org`;
  const request = await captureSignInPost(page, placeholder);
  expect(request.body).toContain(placeholder);

  // Known: the seeded accounts (not demo sessions: their email links). Unknown: fresh addresses.
  const knownUsers = await db.user.findMany({ where: { isDemo: true }, select: { email: true }, take: 6, orderBy: { email: "asc" } });
  expect(knownUsers.length).toBeGreaterThanOrEqual(6);
  const answers: Record<"known" | "unknown", Awaited<ReturnType<typeof post>>[]> = { known: [], unknown: [] };
  await post(context, request, placeholder, `warm-up-${unique()}@example.org`);
  for (let i = 0; i < 6; i++) {
    answers.known.push(await post(context, request, placeholder, knownUsers[i].email));
    answers.unknown.push(await post(context, request, placeholder, `unknown-${i}-${unique()}@example.org`));
  }
  const shape = (a: { status: number; redirect: string; body: number }) => ({ status: a.status, redirect: a.redirect, body: a.body });
  expect(new Set([...answers.known, ...answers.unknown].map((a) => JSON.stringify(shape(a)))).size, JSON.stringify(answers)).toBe(1);
  expect(answers.known[0].redirect).toMatch(/verify-request|check-email/);
  const [k, u] = [median(answers.known.map((a) => a.ms)), median(answers.unknown.map((a) => a.ms))];
  console.log(`sign-in action over HTTP, median of 6: known ${k.toFixed(0)} ms, unknown ${u.toFixed(0)} ms`);
  expect(Math.abs(k - u)).toBeLessThan(Math.max(100, 0.5 * Math.max(k, u)));

  // Over the per-address limit: the same answer, and no more email.
  const flooded = `flooded-${unique()}@example.org`;
  const floods = [];
  for (let i = 0; i < 7; i++) floods.push(shape(await post(context, request, placeholder, flooded)));
  expect(new Set(floods.map((f) => JSON.stringify(f)))).toEqual(new Set([JSON.stringify(shape(answers.unknown[0]))]));
  expect(await db.outboxEmail.count({ where: { to: flooded, kind: "sign-in" } })).toBe(5);
});

// The emailed link opens our page, which spends nothing until its one button
// is pressed: a mail scanner's prefetch leaves it usable, next-auth's own
// callback no longer takes the token, and someone already signed in is asked
// before the link switches their account (login CSRF).

async function mailedLink(page: Page, email: string): Promise<string> {
  await askInBrowser(page, email);
  await page.goto(`/mailbox?to=${encodeURIComponent(email)}`);
  return signInLinkIn(await page.getByTestId("mail-body").first().innerText());
}

test("a sign-in link survives a scanner's prefetch and next-auth's callback, then signs in on its button", async ({ page, context }) => {
  const email = `linked-${unique()}@example.org`;
  const link = await mailedLink(page, email);
  expect(new URL(link).pathname).toBe("/signin/confirm");

  // A scanner fetches the link (no cookies of the reader), and an attacker points a page at next-auth's callback.
  const scanner = await context.request.get(link, { headers: { cookie: "" } });
  expect(scanner.status()).toBe(200);
  const direct = await context.request.get(`/api/auth/callback/email${new URL(link).search}`, { maxRedirects: 0 });
  expect(direct.status()).toBe(303);
  expect(direct.headers()["location"]).toBe(`/signin/confirm${new URL(link).search}`);
  expect(direct.headers()["set-cookie"] ?? "").not.toMatch(/session-token/);
  expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(1);

  await confirmSignInLink(page, link, email);
  expect(await db.user.count({ where: { email } })).toBe(1);
  // Spent: the same link again goes back to sign-in with an explanation.
  await page.goto(link);
  await page.getByRole("button", { name: `Sign in as ${email}` }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/expired or was already used/);
});

test("someone signed in who opens another person's sign-in link is told, and stays signed in unless they confirm", async ({
  page,
  browser,
}) => {
  const victim = `victim-${unique()}@example.org`;
  const attacker = `attacker-${unique()}@example.org`;
  const attackerPage = await browser.newPage();
  const attackersLink = await mailedLink(attackerPage, attacker);
  await attackerPage.close();

  await signInByEmailLink(page, victim);
  await page.goto(attackersLink);
  await expect(page.getByRole("main").getByRole("alert")).toContainText(`You are signed in as ${victim}`);
  await page.getByRole("link", { name: `Stay signed in as ${victim}` }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveAttribute("title", victim);
  expect(await db.verificationToken.count({ where: { identifier: attacker } })).toBe(1);
});
