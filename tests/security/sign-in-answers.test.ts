// The email-link sign-in answers the same whoever asks: a known address, an
// unknown one, and an address over its rate limit all get "check your email"
// (the same redirect, nothing else), through the form's server action and
// through next-auth's own route. Only a client over its own limit is told so.
import "./support/mock-next";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SIGN_IN_EMAILS_PER_ADDRESS, SIGN_IN_EMAILS_PER_CLIENT } from "@/lib/rate-limit/limits";
import { createUser } from "@/tests/factories";
import { useTestDb } from "@/tests/support/test-db";
import { fullSnapshot } from "@/tests/support/snapshot";
import { resetRequest, setRequestHeaders } from "./support/next-mocks";

const getDb = useTestDb();
const BASE = "http://localhost:3000";

beforeEach(() => {
  resetRequest();
  setRequestHeaders({ "x-forwarded-proto": "http" });
  vi.stubEnv("AUTH_URL", BASE);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** What the browser sees from the sign-in form's action: its return value, or where it redirects. */
async function askForLink(email: string): Promise<string> {
  const { emailSignInAction } = await import("@/app/signin/actions");
  const fd = new FormData();
  fd.set("email", email);
  fd.set("callbackUrl", "/speaker");
  try {
    return JSON.stringify(await emailSignInAction({}, fd));
  } catch (e) {
    const digest = (e as { digest?: string }).digest;
    if (digest?.startsWith("NEXT_REDIRECT;")) return `redirect ${digest.split(";")[2]}`;
    throw e;
  }
}

const CHECK_EMAIL = `redirect ${BASE}/api/auth/verify-request?provider=email&type=email`;
const mailsTo = (email: string) => getDb().outboxEmail.count({ where: { to: email, kind: "sign-in" } });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe("the sign-in form's action", () => {
  it("answers a known and an unknown address identically, and creates no account before the link is used", async () => {
    const known = await createUser(getDb(), { email: "known.person@example.org" });
    const users = await getDb().user.count();
    expect(await askForLink(known.email)).toBe(CHECK_EMAIL);
    expect(await askForLink("nobody.here@example.org")).toBe(CHECK_EMAIL);
    // Different spellings of the known address: the same account, the same answer.
    expect(await askForLink("  Known.Person@EXAMPLE.org ")).toBe(CHECK_EMAIL);
    expect(await askForLink("ｋｎｏｗｎ.person@example.org")).toBe(CHECK_EMAIL);
    expect(await getDb().user.count()).toBe(users);
    expect(await mailsTo(known.email)).toBe(3);
    expect(await mailsTo("nobody.here@example.org")).toBe(1);
  });

  it("takes about as long for a known address as for an unknown one", async () => {
    const known = await Promise.all(Array.from({ length: 7 }, (_, i) => createUser(getDb(), { email: `timing.known.${i}@example.org` })));
    await askForLink("warm.up@example.org");
    const times: Record<"known" | "unknown", number[]> = { known: [], unknown: [] };
    for (let i = 0; i < 7; i++) {
      for (const [kind, email] of [
        ["known", known[i].email],
        ["unknown", `timing.unknown.${i}@example.org`],
      ] as const) {
        const started = performance.now();
        expect(await askForLink(email)).toBe(CHECK_EMAIL);
        times[kind].push(performance.now() - started);
      }
    }
    const [k, u] = [median(times.known), median(times.unknown)];
    console.log(`sign-in action, median of 7: known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`);
    // Roughly: no difference a remote attacker could tell from network noise.
    expect(Math.abs(k - u)).toBeLessThan(Math.max(25, 0.5 * Math.max(k, u)));
  });

  it(`sends at most ${SIGN_IN_EMAILS_PER_ADDRESS.max} links per address in 15 minutes, answering every request the same, known address or not`, async () => {
    const known = await createUser(getDb(), { email: "flooded.known@example.org" });
    for (const email of [known.email, "flooded.unknown@example.org"]) {
      const answers = [];
      for (let i = 0; i < SIGN_IN_EMAILS_PER_ADDRESS.max + 2; i++) answers.push(await askForLink(email));
      expect(new Set(answers)).toEqual(new Set([CHECK_EMAIL]));
      expect(await mailsTo(email)).toBe(SIGN_IN_EMAILS_PER_ADDRESS.max);
    }
  });

  it("behind a trusted proxy, tells a client over its own limit to wait, whatever address it asks for", async () => {
    vi.stubEnv("TRUST_PROXY", "1");
    const known = await createUser(getDb(), { email: "member@example.org" });
    setRequestHeaders({ "x-forwarded-proto": "http", "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    for (let i = 0; i < SIGN_IN_EMAILS_PER_CLIENT.max; i++) expect(await askForLink(`spray.${i}@example.org`)).toBe(CHECK_EMAIL);
    const before = await fullSnapshot(getDb());
    const known21 = JSON.parse(await askForLink(known.email));
    const unknown21 = JSON.parse(await askForLink("someone.else@example.org"));
    expect(known21.formError).toMatch(/^Too many sign-in links were asked for from your network\. Try again in/);
    expect({ ...known21, values: undefined }).toEqual({ ...unknown21, values: undefined });
    expect(await fullSnapshot(getDb())).toEqual(before);
    // A prepended, forged address does not make a new client; another real one is.
    setRequestHeaders({ "x-forwarded-proto": "http", "x-forwarded-for": "1.2.3.4, 203.0.113.9" });
    expect(JSON.parse(await askForLink("again@example.org")).formError).toMatch(/^Too many/);
    setRequestHeaders({ "x-forwarded-proto": "http", "x-forwarded-for": "198.51.100.4" });
    expect(await askForLink("again@example.org")).toBe(CHECK_EMAIL);
  });

  it("without a trusted proxy, ignores X-Forwarded-For: a client cannot reset anything by changing it, and only the per-address limit applies", async () => {
    for (let i = 0; i < SIGN_IN_EMAILS_PER_ADDRESS.max + 1; i++) {
      setRequestHeaders({ "x-forwarded-proto": "http", "x-forwarded-for": `10.0.0.${i}` });
      expect(await askForLink("rotating@example.org")).toBe(CHECK_EMAIL);
    }
    expect(await mailsTo("rotating@example.org")).toBe(SIGN_IN_EMAILS_PER_ADDRESS.max);
    expect(await getDb().rateLimitBucket.count({ where: { key: { startsWith: "signin-client:" } } })).toBe(0);
  });
});

describe("next-auth's sign-in route (POST /api/auth/signin/email)", () => {
  async function csrf() {
    const { handlers } = await import("@/lib/sign-in/auth");
    const res = await handlers.GET(new NextRequest(`${BASE}/api/auth/csrf`));
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = (res.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
    return { csrfToken, cookie };
  }

  async function post(body: Record<string, string>, headers: Record<string, string>) {
    const { handlers } = await import("@/lib/sign-in/auth");
    const res = await handlers.POST(
      new NextRequest(`${BASE}/api/auth/signin/email`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(body),
      }),
    );
    return { status: res.status, location: res.headers.get("location") };
  }

  it("answers a known and an unknown address identically", async () => {
    const known = await createUser(getDb(), { email: "route.known@example.org" });
    const answers = [];
    for (const email of [known.email, "route.unknown@example.org"]) {
      const { csrfToken, cookie } = await csrf();
      answers.push(await post({ email, csrfToken, callbackUrl: `${BASE}/` }, { cookie }));
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toEqual({ status: 302, location: `${BASE}/api/auth/verify-request?provider=email&type=email` });
    expect(await mailsTo("route.unknown@example.org")).toBe(1);
  });

  it("refuses a POST without the CSRF token (or with a token that does not match the cookie), and writes nothing", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {}); // next-auth logs each refusal
    const before = await fullSnapshot(getDb());
    const noToken = await post({ email: "victim@example.org", callbackUrl: `${BASE}/` }, { origin: "https://evil.example" });
    const { csrfToken } = await csrf(); // the attacker's own token, without the cookie it belongs to
    const foreignToken = await post(
      { email: "victim@example.org", csrfToken, callbackUrl: `${BASE}/` },
      { origin: "https://evil.example" },
    );
    for (const answer of [noToken, foreignToken]) {
      expect(answer.status).toBe(302);
      expect(answer.location).toMatch(/\/signin\?error=MissingCSRF$/);
    }
    expect(await fullSnapshot(getDb())).toEqual(before);
  });

  it("limits per address like the form does: the raw route is no way around it", async () => {
    for (let i = 0; i < SIGN_IN_EMAILS_PER_ADDRESS.max + 2; i++) {
      const { csrfToken, cookie } = await csrf();
      expect((await post({ email: "route.flood@example.org", csrfToken, callbackUrl: `${BASE}/` }, { cookie })).location).toMatch(
        /verify-request/,
      );
    }
    expect(await mailsTo("route.flood@example.org")).toBe(SIGN_IN_EMAILS_PER_ADDRESS.max);
  });

  it("refuses addresses the form would refuse: several recipients, angle brackets, quotes", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {}); // next-auth logs each refusal
    for (const email of [
      "victim@example.org,attacker@evil.example",
      "victim,attacker@evil.example",
      "a<b>@example.org",
      '"attacker@evil.example"@example.org',
      "a＠evil.example@example.org",
    ]) {
      const { csrfToken, cookie } = await csrf();
      const before = await fullSnapshot(getDb());
      const answer = await post({ email, csrfToken, callbackUrl: `${BASE}/` }, { cookie });
      expect(answer.location, email).toMatch(/\/signin\?error=/);
      expect(await fullSnapshot(getDb()), email).toEqual(before);
    }
  });

  it("drops a right-to-left override from an address instead of making it a new one", async () => {
    const { csrfToken, cookie } = await csrf();
    await post({ email: "\u202Evictim@example.org\u202C", csrfToken, callbackUrl: `${BASE}/` }, { cookie });
    expect(await getDb().verificationToken.findMany({ select: { identifier: true } })).toEqual([{ identifier: "victim@example.org" }]);
  });

  it("folds a fullwidth spelling of a known address onto its account: no second account", async () => {
    const known = await createUser(getDb(), { email: "olivia.fold@example.com" });
    const { csrfToken, cookie } = await csrf();
    const answer = await post({ email: "ｏｌｉｖｉａ.fold@ｅｘａｍｐｌｅ.ｃｏｍ", csrfToken, callbackUrl: `${BASE}/` }, { cookie });
    expect(answer.location).toMatch(/verify-request/);
    expect(await mailsTo(known.email)).toBe(1);
    expect(await getDb().verificationToken.findMany({ select: { identifier: true } })).toEqual([{ identifier: known.email }]);
  });
});
