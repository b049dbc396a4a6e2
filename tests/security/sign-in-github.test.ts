// GitHub sign-in spells an email the way the email-link provider does, so
// one person never gets two accounts: a GitHub profile with `Ada@Example.ORG`
// is the account that `ada@example.org` already has. GitHub itself cannot be
// reached from here; its two endpoints are answered at the fetch boundary,
// and everything of ours and next-auth's runs for real.
import "./support/mock-next";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { normalizingAdapter } from "@/lib/sign-in/adapter";
import { newUserCode } from "@/lib/identifiers/public-code";
import { mapGitHubProfile } from "@/lib/sign-in/github";
import { createUser } from "@/tests/factories";
import { useTestDb } from "@/tests/support/test-db";
import { resetRequest, setRequestHeaders } from "./support/next-mocks";
import { authGet, authPost, BASE, csrf } from "./support/sign-in-route";

// Read when lib/sign-in/auth.ts is first imported (by the first test below).
vi.stubEnv("AUTH_GITHUB_ID", "test-client-id");
vi.stubEnv("AUTH_GITHUB_SECRET", "test-client-secret");

const getDb = useTestDb();
const realFetch = globalThis.fetch;

beforeEach(() => {
  resetRequest();
  setRequestHeaders({ "x-forwarded-proto": "http" });
  vi.stubEnv("AUTH_URL", BASE);
});
afterEach(() => vi.restoreAllMocks());

/** GitHub's token and user endpoints, answering for one profile. */
function fakeGitHub(profile: { id: number; login: string; name: string | null; email: string }) {
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.href === "https://github.com/login/oauth/access_token")
      return Response.json({ access_token: "gho_test", token_type: "bearer", scope: "read:user,user:email" });
    if (url.href === "https://api.github.com/user") return Response.json({ ...profile, avatar_url: "https://avatars.example/1" });
    return realFetch(input, init);
  });
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/** The whole GitHub round trip: sign-in POST, GitHub's redirect back with a code, next-auth's callback. */
async function signInWithGitHub(): Promise<string> {
  const { csrfToken, cookie } = await csrf();
  const start = await authPost("/api/auth/signin/github", new URLSearchParams({ csrfToken, callbackUrl: `${BASE}/speaker` }), {
    "content-type": "application/x-www-form-urlencoded",
    cookie,
  });
  const authorize = new URL(start.headers.get("location")!);
  expect(authorize.origin + authorize.pathname).toBe("https://github.com/login/oauth/authorize");
  const back = new URLSearchParams({ code: "test-code" });
  const state = authorize.searchParams.get("state");
  if (state) back.set("state", state);
  const callback = await authGet(`/api/auth/callback/github?${back}`, { cookie: [cookie, ...cookiesOf(start)].join("; ") });
  return callback.headers.get("location") ?? `status ${callback.status}`;
}

describe("GitHub sign-in", () => {
  it("maps a GitHub profile's mixed-case email to the one spelling the email link uses", () => {
    expect(mapGitHubProfile({ id: 7, login: "ada", name: null, email: " Ada.Lovelace@Example.ORG", avatar_url: "a" } as never)).toEqual({
      id: "7",
      name: "ada",
      email: "ada.lovelace@example.org",
      image: "a",
    });
  });

  // next-auth itself lowercases a profile's email; the rest of normalizeEmail (NFKC, trimming,
  // invisible characters) it does not, and an address it keeps apart is a second account.
  it.each([
    ["mixed case", "Ada.Lovelace@Example.ORG"],
    ["fullwidth letters", "ＡＤＡ.lovelace@example.org"],
    ["a zero-width space and padding", " ada.lovelace\u200B@example.org "],
  ])("finds the existing account for a GitHub email in %s instead of creating a second one", async (_, githubEmail) => {
    const ada = await createUser(getDb(), { email: "ada.lovelace@example.org" });
    fakeGitHub({ id: 1815, login: "ada", name: "Ada", email: githubEmail });
    vi.spyOn(console, "error").mockImplementation(() => {}); // next-auth logs OAuthAccountNotLinked
    const location = await signInWithGitHub();
    // The existing account is found; next-auth links it only after an email-link sign-in (ADR 0010).
    expect(location).toMatch(/\/signin\?error=OAuthAccountNotLinked/);
    expect(await getDb().user.findMany({ select: { id: true } })).toEqual([{ id: ada.id }]);
  });

  it("creates a new GitHub account under the normalized email", async () => {
    fakeGitHub({ id: 1816, login: "grace", name: "Grace", email: "Grace.Hopper@Example.ORG" });
    expect(await signInWithGitHub()).not.toMatch(/error/);
    const users = await getDb().user.findMany({
      select: { email: true, accounts: { select: { provider: true } }, _count: { select: { sessions: true } } },
    });
    expect(users).toEqual([{ email: "grace.hopper@example.org", accounts: [{ provider: "github" }], _count: { sessions: 1 } }]);
  });

  it("the adapter looks up and stores every email normalized", async () => {
    const adapter = normalizingAdapter(PrismaAdapter(getDb() as never), () => newUserCode(getDb()));
    const existing = await createUser(getDb(), { email: "linus@example.org" });
    expect((await adapter.getUserByEmail!("LINUS@Example.org"))?.id).toBe(existing.id);
    const made = await adapter.createUser!({ id: "u1", email: "New.Person@Example.ORG", emailVerified: null });
    expect(made.email).toBe("new.person@example.org");
    await expect(adapter.createUser!({ id: "u2", email: "NEW.PERSON@example.org", emailVerified: null })).rejects.toThrow();
  });
});
