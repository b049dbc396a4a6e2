// Where sign-in sends people afterwards comes from the address bar
// (?callbackUrl=), so it must stay on this site: browsers read "/\evil" and
// "/<tab>/evil" as "//evil", another host.
import "./support/mock-next";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { safeCallbackPath } from "@/lib/sign-in/callback-path";
import { createUser } from "@/tests/factories";
import { useTestDb } from "@/tests/support/test-db";
import { resetRequest, setRequestHeaders } from "./support/next-mocks";

const getDb = useTestDb();
const SITE = "http://localhost:3000";

const OFF_SITE = [
  "//evil.example",
  "/\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/a/..//evil.example",
  "/./\\evil.example",
  "https://evil.example/",
  "\\\\evil.example",
  "javascript:alert(1)",
  " /\\evil.example",
];

beforeEach(() => {
  resetRequest();
  setRequestHeaders({ "x-forwarded-proto": "http" });
  vi.stubEnv("DEMO_MODE", "1");
});
afterEach(() => vi.unstubAllEnvs());

describe("the path to return to after sign-in", () => {
  it.each(OFF_SITE)("%j resolves on this site", (raw) => {
    const path = safeCallbackPath(raw);
    expect(new URL(path, SITE).origin).toBe(SITE);
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
  });

  it("keeps ordinary same-site paths with their query and fragment", () => {
    expect(safeCallbackPath("/review/rustfest-lyon-2027?track=web#top")).toBe("/review/rustfest-lyon-2027?track=web#top");
    expect(safeCallbackPath("/events/x/submit")).toBe("/events/x/submit");
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath("")).toBe("/");
  });

  it.each(OFF_SITE)("demo sign-in with callbackUrl %j redirects on this site", async (raw) => {
    const demo = await createUser(getDb(), { email: `demo.${Math.random().toString(36).slice(2)}@example.com` });
    await getDb().user.update({ where: { id: demo.id }, data: { isDemo: true } });
    const { demoSignInAction } = await import("@/app/signin/actions");
    const fd = new FormData();
    fd.set("email", demo.email);
    fd.set("callbackUrl", raw);
    const digest = await demoSignInAction(fd).then(
      () => "",
      (e: { digest?: string }) => e.digest ?? "",
    );
    expect(digest).toMatch(/^NEXT_REDIRECT;/);
    const target = digest.split(";")[2];
    expect(new URL(target, SITE).origin, `redirected to ${JSON.stringify(target)}`).toBe(SITE);
  });
});
