// A sign-in link is spent only by pressing "Sign in as <address>" on our own
// page (a server action, so a POST from this site): opening the link, a mail
// scanner prefetching it, or a page that links to next-auth's callback with
// the token signs nobody in (login CSRF) and leaves the link usable.
import "./support/mock-next";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { redeemSignInLink } from "@/lib/sign-in/sign-in-link";
import { createUser } from "@/tests/factories";
import { useTestDb } from "@/tests/support/test-db";
import { fullSnapshot } from "@/tests/support/snapshot";
import { cookieJar, resetRequest, setActor, setRequestHeaders } from "./support/next-mocks";
import { askForLinkByRoute, authGet, authPost, BASE, emailedLink } from "./support/sign-in-route";

const getDb = useTestDb();
import { SESSION_COOKIE } from "@/scripts/lib/session-cookie";

beforeEach(() => {
  resetRequest();
  setRequestHeaders({ "x-forwarded-proto": "http" });
  vi.stubEnv("AUTH_URL", BASE);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function linkFor(email: string, callbackUrl = `${BASE}/speaker`): Promise<URL> {
  expect((await askForLinkByRoute(email, {}, callbackUrl)).location).toMatch(/verify-request/);
  return emailedLink(getDb(), email);
}

/** Presses the page's button: the form it renders, posted to its server action. */
async function confirm(link: URL): Promise<string> {
  const { confirmSignInAction } = await import("@/app/signin/actions");
  const fd = new FormData();
  for (const name of ["email", "token", "callbackUrl"]) fd.set(name, link.searchParams.get(name) ?? "");
  return confirmSignInAction(fd).then(
    () => "no redirect",
    (e: { digest?: string }) => {
      if (!e.digest?.startsWith("NEXT_REDIRECT;")) throw e;
      return e.digest.split(";")[2];
    },
  );
}

async function openPage(link: URL): Promise<string> {
  const { default: ConfirmSignInPage } = await import("@/app/signin/confirm/page");
  const searchParams = Promise.resolve(Object.fromEntries(link.searchParams));
  return renderToStaticMarkup(await ConfirmSignInPage({ searchParams }));
}

describe("the emailed sign-in link", () => {
  it("opens our confirmation page on the configured host, not next-auth's callback", async () => {
    const link = await linkFor("lena.link@example.org");
    expect(link.origin).toBe(BASE);
    expect(link.pathname).toBe("/signin/confirm");
    expect(link.searchParams.get("email")).toBe("lena.link@example.org");
    expect(link.searchParams.get("callbackUrl")).toBe("/speaker");
  });

  it("spends nothing when opened, and asks before signing in", async () => {
    const link = await linkFor("lena.open@example.org");
    const before = await fullSnapshot(getDb());
    const html = await openPage(link);
    await openPage(link); // a scanner, then the person
    expect(html).toContain("Sign in as lena.open@example.org");
    expect(html).not.toContain("You are signed in as");
    expect(await fullSnapshot(getDb())).toEqual(before);
    expect(await confirm(link)).toBe("/speaker");
  });

  it("cannot be used at next-auth's callback: a GET is sent to the confirmation page, a POST refused, and nothing changes", async () => {
    const link = await linkFor("lena.direct@example.org");
    const before = await fullSnapshot(getDb());
    const get = await authGet(`/api/auth/callback/email${link.search}`);
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`/signin/confirm${link.search}`);
    expect(get.headers.getSetCookie()).toEqual([]);
    const post = await authPost(`/api/auth/callback/email${link.search}`, null, { origin: "https://evil.example" });
    expect(post.status).toBe(405);
    expect(await fullSnapshot(getDb())).toEqual(before);
  });

  it("signs in once on the button: the account is created, the session cookie set, and a second press refused", async () => {
    const link = await linkFor("new.person@example.org");
    expect(await getDb().user.count({ where: { email: "new.person@example.org" } })).toBe(0);
    expect(await confirm(link)).toBe("/speaker");
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "new.person@example.org" }, include: { sessions: true } });
    expect(user.emailVerified).not.toBeNull();
    expect(user.sessions.map((s) => s.sessionToken)).toEqual([cookieJar().get(SESSION_COOKIE)]);
    expect(await confirm(link)).toBe("/signin?error=Verification");
    expect(await getDb().session.count()).toBe(1);
  });

  it("tells a visitor signed in as someone else, and ends that session only when they confirm", async () => {
    const victim = await createUser(getDb(), { email: "victim.signed.in@example.org" });
    const session = await getDb().session.create({
      data: { sessionToken: "victim-session", userId: victim.id, expires: new Date(Date.now() + 86_400_000) },
    });
    const link = await linkFor("attacker.account@example.org"); // a link someone else sent the victim
    setActor(victim); // the victim's browser carries their session
    const { cookies } = await import("next/headers");
    (await cookies()).set(SESSION_COOKIE, session.sessionToken);
    const html = await openPage(link);
    expect(html).toContain("You are signed in as <strong>victim.signed.in@example.org</strong>");
    expect(html).toContain("Sign in as attacker.account@example.org");
    expect(await getDb().session.count({ where: { userId: victim.id } })).toBe(1);
    expect(await confirm(link)).toBe("/speaker");
    expect(await getDb().session.count({ where: { userId: victim.id } })).toBe(0);
  });

  it("refuses a link for another address, a wrong token, and an expired link", async () => {
    const link = await linkFor("owner.of.link@example.org");
    const other = new URL(link);
    other.searchParams.set("email", "someone.else@example.org");
    const wrong = new URL(link);
    wrong.searchParams.set("token", "0".repeat(64));
    expect(await confirm(other)).toBe("/signin?error=Verification");
    expect(await confirm(wrong)).toBe("/signin?error=Verification");
    const token = link.searchParams.get("token")!;
    const later = new Date(Date.now() + 25 * 3_600_000);
    const secret = process.env.AUTH_SECRET!;
    expect(await redeemSignInLink(getDb(), { email: "owner.of.link@example.org", token, secret }, later)).toBeNull();
    expect(await getDb().verificationToken.count()).toBe(0);
    expect(await getDb().session.count()).toBe(0);
  });

  it("opens exactly one session when the button is pressed twice at once", async () => {
    const link = await linkFor("double.click@example.org");
    const token = link.searchParams.get("token")!;
    const secret = process.env.AUTH_SECRET!;
    const results = await Promise.all(
      [0, 1, 2].map(() => redeemSignInLink(getDb(), { email: "double.click@example.org", token, secret }).catch(() => null)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await getDb().session.count()).toBe(1);
  });
});
