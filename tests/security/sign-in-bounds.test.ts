// One anonymous request must not stop the server: next-auth's route handler
// (the app's only one) refuses a body over a few kB before reading it, or as
// soon as a body of unknown length passes the limit, and an email address is
// measured before anything normalizes it.
import "./support/mock-next";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { normalizeEmail } from "@/lib/auth/email-address";
import { MAX_AUTH_BODY_BYTES } from "@/lib/sign-in/route-guard";
import { useTestDb } from "@/tests/support/test-db";
import { fullSnapshot } from "@/tests/support/snapshot";
import { resetRequest, setRequestHeaders } from "./support/next-mocks";
import { askForLinkByRoute, authGet, authPost, csrf } from "./support/sign-in-route";

const getDb = useTestDb();
const TEN_MB = 10 * 1024 * 1024;

beforeEach(() => {
  resetRequest();
  setRequestHeaders({ "x-forwarded-proto": "http" });
  vi.stubEnv("AUTH_URL", "http://localhost:3000");
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** A body of `size` bytes sent without a length (chunked), counting what the server pulled. */
function chunkedBody(size: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const sent = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent.bytes >= size) return controller.close();
      sent.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, sent };
}

describe("the auth route handler's body limit", () => {
  it("answers 413 to a 10 MB body with a valid CSRF token, from its Content-Length, and writes nothing", async () => {
    const { csrfToken, cookie } = await csrf();
    const before = await fullSnapshot(getDb());
    const email = `${"a".repeat(TEN_MB)}@example.org`;
    const body = new URLSearchParams({ email, csrfToken, callbackUrl: "http://localhost:3000/" }).toString();
    const started = performance.now();
    const res = await authPost("/api/auth/signin/email", body, {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(body)),
      cookie,
    });
    expect(res.status).toBe(413);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await fullSnapshot(getDb())).toEqual(before);
  });

  it("stops reading a chunked 10 MB body just past the limit", async () => {
    const { cookie } = await csrf();
    const { stream, sent } = chunkedBody(TEN_MB);
    const res = await authPost("/api/auth/signin/email", stream, { "content-type": "application/x-www-form-urlencoded", cookie });
    expect(res.status).toBe(413);
    expect(sent.bytes).toBeLessThan(MAX_AUTH_BODY_BYTES + 4 * 64 * 1024);
  });

  it("refuses a Content-Length that is not a number", async () => {
    const res = await authPost("/api/auth/signout", "x", { "content-length": "1e9" });
    expect(res.status).toBe(413);
  });

  it("still serves ordinary requests after refusing large ones", async () => {
    for (let i = 0; i < 3; i++) await authPost("/api/auth/signin/email", chunkedBody(TEN_MB).stream, {});
    expect((await authGet("/api/auth/csrf")).status).toBe(200);
    expect((await askForLinkByRoute("after.flood@example.org")).location).toMatch(/verify-request/);
  });
});

describe("an email address's length", () => {
  it("is checked before any normalization runs", () => {
    const normalize = vi.spyOn(String.prototype, "normalize");
    const huge = `${"ａ".repeat(100_000)}@example.org`;
    expect(() => normalizeEmail(huge)).toThrow("Invalid email address");
    expect(normalize).not.toHaveBeenCalled();
    normalize.mockRestore();
    expect(normalizeEmail(" Ｏｌｉｖｉａ@Example.org ")).toBe("olivia@example.org");
  });

  it("is refused under the body limit through the route, with no token and no email", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {}); // next-auth logs the refusal
    const before = await fullSnapshot(getDb());
    const answer = await askForLinkByRoute(`${"b".repeat(4_000)}@example.org`);
    expect(answer.location).toMatch(/\/signin\?error=/);
    expect(await fullSnapshot(getDb())).toEqual(before);
  });
});
