import { afterEach, describe, expect, it, vi } from "vitest";

// The mailbox shows every outgoing email, sign-in links included: it must not
// exist outside development and demo mode.
describe("the mailbox page", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("answers 404 in production without demo mode, before reading anything", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DEMO_MODE", "");
    const { default: MailboxPage } = await import("@/app/mailbox/page");
    await expect(MailboxPage({ searchParams: Promise.resolve({}) })).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
  });

  it("answers 404 when DEMO_MODE has any value other than 1", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DEMO_MODE", "true");
    const { default: MailboxPage } = await import("@/app/mailbox/page");
    await expect(MailboxPage({ searchParams: Promise.resolve({}) })).rejects.toMatchObject({
      digest: expect.stringContaining("404"),
    });
  });
});
