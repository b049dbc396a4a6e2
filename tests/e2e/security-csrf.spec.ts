import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { createDb, type Db } from "@/lib/db/client";
import { unique } from "./support/data";
import { E2E_BASE_URL, E2E_DATABASE_URL } from "./support/env";
import { newUserCode } from "@/lib/identifiers/public-code";

// Cross-site requests. A server action posted with the victim's session
// cookie but another site's Origin is refused by Next's own check (the same
// request from our origin goes through); a real cross-site form in Chromium
// changes nothing; next-auth's sign-in route wants its CSRF token whatever
// the Origin; and a body over the server actions' 256 kB limit is refused
// without harm.

const EVIL = "https://evil.example";
let db: Db;

test.beforeAll(() => {
  db = createDb(E2E_DATABASE_URL);
});
test.afterAll(async () => {
  await db?.$disconnect();
});

/** A new user with a profile, signed in by a minted session in a fresh context. */
async function victim(context: BrowserContext) {
  const run = unique();
  const user = await db.user.create({
    data: {
      name: `Vic Tim ${run}`,
      email: `csrf-victim-${run}@example.org`,
      emailVerified: new Date(),
      code: await newUserCode(db),
      profile: { create: { bio: "Original bio." } },
    },
  });
  const token = randomBytes(24).toString("hex");
  await db.session.create({ data: { sessionToken: token, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  await context.addCookies([{ name: "authjs.session-token", value: token, url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
  return { user, run };
}

type Captured = { url: string; headers: Record<string, string>; body: Buffer };

/** Fills the profile form and captures the server action request the browser sends, without letting it through. */
async function captureProfilePost(page: Page, bio: string): Promise<Captured> {
  await page.goto("/speaker/profile");
  await page.getByLabel("Name", { exact: true }).fill("Changed By The Request");
  await page.getByLabel("Bio").fill(bio);
  let captured: Captured | undefined;
  await page.route("**/speaker/profile", async (route) => {
    const request = route.request();
    const headers = await request.allHeaders();
    if (request.method() !== "POST" || !headers["next-action"]) return route.continue();
    captured = { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute("**/speaker/profile");
  return captured!;
}

/** The captured request again, from the context's request API (which sends the context's cookies), with `origin`. */
async function replay(context: BrowserContext, c: Captured, origin: string, body = c.body) {
  const { cookie: _c, "content-length": _l, host: _h, origin: _o, ...headers } = c.headers;
  return context.request.post(c.url, { headers: { ...headers, origin }, data: body, maxRedirects: 0, failOnStatusCode: false });
}

const nameOf = async (id: string) => await db.user.findUniqueOrThrow({ where: { id }, include: { profile: true } });

test("a server action with the victim's cookie and another site's Origin is refused; from our Origin it goes through", async ({
  context,
  page,
}) => {
  const { user } = await victim(context);
  const request = await captureProfilePost(page, "Bio written by the request.");
  expect(request.headers["origin"]).toBe(E2E_BASE_URL);

  const before = await nameOf(user.id);
  const forged = await replay(context, request, EVIL);
  expect(forged.status(), "Next refuses the action (Invalid Server Actions request)").toBe(500);
  expect(await nameOf(user.id)).toEqual(before);

  const subdomain = await replay(context, request, "http://localhost.evil.example:3100");
  expect(subdomain.status()).toBe(500);
  expect(await nameOf(user.id)).toEqual(before);

  const same = await replay(context, request, E2E_BASE_URL);
  expect(same.status()).toBe(200);
  const after = await nameOf(user.id);
  expect(after.name).toBe("Changed By The Request");
  expect(after.profile?.bio).toBe("Bio written by the request.");
});

test("a cross-site form in the browser, posting to a server action, changes nothing", async ({ context, page }) => {
  const { user } = await victim(context);
  // The profile form as the server renders it for browsers without JavaScript: its hidden action fields.
  const html = await (await context.request.get("/speaker/profile")).text();
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/g;
  const profileForm = [...html.matchAll(form)].map((m) => m[1]).find((f) => f.includes('name="bio"'));
  expect(profileForm, "the profile form is server-rendered").toBeTruthy();
  const hidden = [...profileForm!.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map((m) => m[0]).join("");
  expect(hidden).toContain("$ACTION");

  // Plain http, like the app here: from an https page Chromium would send "Origin: null" on the downgrade.
  const attacker = "http://evil.example";
  await page.route(`${attacker}/attack`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><form id="f" method="POST" enctype="multipart/form-data" action="${E2E_BASE_URL}/speaker/profile">${hidden}
        <input name="name" value="Pwned Through CSRF"><input name="bio" value="pwned"><input name="company" value="">
        <input name="location" value=""><input name="website" value=""><input name="github" value=""><input name="mastodon" value="">
        </form><script>document.getElementById("f").submit()</script>`,
    }),
  );
  const before = await nameOf(user.id);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url() === `${E2E_BASE_URL}/speaker/profile` && r.request().method() === "POST"),
    page.goto(`${attacker}/attack`),
  ]);
  const sent = await response.request().allHeaders();
  expect(sent["origin"]).toBe(attacker);
  // SameSite=Lax keeps the session cookie off a cross-site POST, and Next refuses the foreign Origin anyway.
  expect(sent["cookie"] ?? "").not.toContain("authjs.session-token");
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(await nameOf(user.id)).toEqual(before);
});

test("next-auth's sign-in POST without its CSRF token is refused, whatever the Origin, and sends nothing", async ({ request }) => {
  const email = `csrf-signin-${unique()}@example.org`;
  for (const headers of [{ origin: EVIL }, { origin: E2E_BASE_URL }, {}] as Record<string, string>[]) {
    const response = await request.post("/api/auth/signin/email", { form: { email, callbackUrl: "/" }, headers, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers()["location"]).toMatch(/\/signin\?error=MissingCSRF/);
  }
  // A token without the cookie it belongs to (what a cross-site form could carry) is refused too.
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const cookieless = await request.post("/api/auth/signin/email", {
    form: { email, csrfToken, callbackUrl: "/" },
    headers: { origin: EVIL, cookie: "" },
    maxRedirects: 0,
  });
  expect(cookieless.headers()["location"]).toMatch(/error=MissingCSRF/);
  expect(await db.outboxEmail.count({ where: { to: email } })).toBe(0);
  expect(await db.verificationToken.count({ where: { identifier: email } })).toBe(0);

  // With the token and its cookie, the same POST sends the link: the token is what protects it.
  const ok = await request.post("/api/auth/signin/email", { form: { email, csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  expect(ok.headers()["location"]).toMatch(/\/api\/auth\/verify-request/);
  expect(await db.outboxEmail.count({ where: { to: email } })).toBe(1);
});

test("a 300 kB server action body is refused cleanly: nothing changes and the next request works", async ({ context, page }) => {
  const { user, run } = await victim(context);
  const marker = `BIO-MARKER-${run}`;
  const request = await captureProfilePost(page, marker);
  const huge = Buffer.from(request.body.toString("latin1").replace(marker, "x".repeat(300 * 1024)), "latin1");
  expect(huge.length).toBeGreaterThan(300 * 1024);

  const before = await nameOf(user.id);
  const started = Date.now();
  const response = await replay(context, request, E2E_BASE_URL, huge);
  expect([413, 500]).toContain(response.status());
  expect(Date.now() - started, "refused quickly").toBeLessThan(10_000);
  expect(await nameOf(user.id)).toEqual(before);

  const normal = await replay(context, request, E2E_BASE_URL);
  expect(normal.status()).toBe(200);
  expect((await nameOf(user.id)).profile?.bio).toBe(marker);
});
