// Emailed links carry credentials, so their host must never come from the
// request: a production server refuses to start without AUTH_URL, next-auth
// trusts Host / X-Forwarded-Host only when told to, and APP_URL is gone (one
// variable, read by next-auth and by us alike).
import "./support/mock-next";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appUrl, authTrustHost, checkStartupConfig } from "@/lib/config";
import { useTestDb } from "@/tests/support/test-db";
import { resetRequest, setRequestHeaders } from "./support/next-mocks";
import { askForLinkByRoute, emailedLink } from "./support/sign-in-route";

const getDb = useTestDb();
const FORGED = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

beforeEach(() => {
  resetRequest();
  setRequestHeaders({ "x-forwarded-proto": "http" });
});
afterEach(() => vi.unstubAllEnvs());

describe("in production", () => {
  beforeEach(() => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_URL", "");
    vi.stubEnv("AUTH_TRUST_HOST", "");
  });

  it("refuses to start without AUTH_URL, saying what to set; APP_URL does not stand in for it", () => {
    vi.stubEnv("APP_URL", "https://cfp.example.org");
    expect(() => checkStartupConfig()).toThrow(/AUTH_URL is not set/);
    expect(() => appUrl()).toThrow(/AUTH_URL is not set/);
  });

  it("refuses an AUTH_URL that is not a web address", () => {
    vi.stubEnv("AUTH_URL", "cfp.example.org");
    expect(() => checkStartupConfig()).toThrow(/AUTH_URL is not a valid URL/);
    vi.stubEnv("AUTH_URL", "javascript:alert(1)");
    expect(() => checkStartupConfig()).toThrow(/AUTH_URL must start with https/);
  });

  it("starts with AUTH_URL, and builds links from it", () => {
    vi.stubEnv("AUTH_URL", "https://cfp.example.org/");
    expect(() => checkStartupConfig()).not.toThrow();
    expect(appUrl()).toBe("https://cfp.example.org");
  });

  it("trusts the request's host headers only when AUTH_TRUST_HOST says so", () => {
    expect(authTrustHost()).toBe(false);
    vi.stubEnv("AUTH_TRUST_HOST", "1");
    expect(authTrustHost()).toBe(true);
    vi.stubEnv("AUTH_TRUST_HOST", "0");
    expect(authTrustHost()).toBe(false);
  });
});

describe("the emailed sign-in link's host", () => {
  it("is AUTH_URL's, whatever X-Forwarded-Host says", async () => {
    vi.stubEnv("AUTH_URL", "http://localhost:3000");
    await askForLinkByRoute("forged.host@example.org", FORGED);
    expect((await emailedLink(getDb(), "forged.host@example.org")).origin).toBe("http://localhost:3000");
  });

  it("never comes from X-Forwarded-Host, even with AUTH_URL unset outside production", async () => {
    vi.stubEnv("AUTH_URL", "");
    vi.stubEnv("APP_URL", "https://app-url.example");
    expect((await askForLinkByRoute("no.auth.url@example.org", FORGED)).status).toBe(302);
    const link = await emailedLink(getDb(), "no.auth.url@example.org");
    expect(link.origin).toBe("http://localhost:3000");
    expect(appUrl()).toBe("http://localhost:3000");
  });
});
