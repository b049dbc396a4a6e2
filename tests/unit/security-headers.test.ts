import { describe, expect, it } from "vitest";
import type { NextConfig } from "next";
import { AUTH_BODY_LIMIT, BODY_LIMIT } from "@/lib/http/body-limits.js";
import { bodyLimitFor, declaredBodyTooLarge } from "@/lib/http/body-limit";
import { contentSecurityPolicy, newNonce, PERMISSIONS_POLICY, servedOverHttps } from "@/lib/http/security-headers";

const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

describe("Content-Security-Policy (issue 10, finding 14)", () => {
  it("lets only scripts and style elements with this response's nonce run, in production", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", dev: false, https: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only under next dev, which needs it for error stacks", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).not.toContain("unsafe-eval");
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("upgrades subresources over https, and lets forms reach a configured OAuth provider", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", dev: false, https: true, formTargets: ["https://github.com"] }));
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
    expect(policy.get("form-action")).toEqual(["'self'", "https://github.com"]);
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("denies the powerful features no page uses", () => {
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]) {
      expect(PERMISSIONS_POLICY).toContain(`${feature}=()`);
    }
  });
});

describe("HSTS only over https", () => {
  it("trusts the public address, or X-Forwarded-Proto only behind a trusted proxy", () => {
    expect(servedOverHttps({ AUTH_URL: "https://cfp.example.org" }, null)).toBe(true);
    expect(servedOverHttps({ AUTH_URL: "http://localhost:3000" }, null)).toBe(false);
    expect(servedOverHttps({ AUTH_URL: "http://localhost:3000" }, "https")).toBe(false);
    expect(servedOverHttps({ AUTH_URL: "http://localhost:3000", AUTH_TRUST_HOST: "true" }, "https")).toBe(true);
    expect(servedOverHttps({ AUTH_TRUST_HOST: "true" }, "https, http")).toBe(true);
    expect(servedOverHttps({ AUTH_TRUST_HOST: "true" }, "http")).toBe(false);
    expect(servedOverHttps({ TRUST_PROXY: "1" }, "https")).toBe(true);
    expect(servedOverHttps({ TRUST_PROXY: "0" }, "https")).toBe(false);
  });
});

describe("bodies over the limit are refused from their declared length (issue 10, finding 1)", () => {
  it("uses next.config.js's server-action limit everywhere but the auth endpoints", async () => {
    // A path held in a variable: next.config.js is plain JavaScript, typed here by hand.
    const configPath = "../../next.config.js";
    const { default: nextConfig } = (await import(/* @vite-ignore */ configPath)) as { default: NextConfig };
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe(BODY_LIMIT);
    expect(bodyLimitFor("/organize/rustfest/settings")).toBe(BODY_LIMIT);
    expect(bodyLimitFor("/api/auth/signin/email")).toBe(AUTH_BODY_LIMIT);
    expect(bodyLimitFor("/api/auth")).toBe(AUTH_BODY_LIMIT);
    expect(bodyLimitFor("/%61pi/AUTH/callback/email")).toBe(AUTH_BODY_LIMIT);
    expect(bodyLimitFor("/api/authors")).toBe(BODY_LIMIT);
    expect(AUTH_BODY_LIMIT).toBeLessThanOrEqual(8 * 1024);
  });

  it("refuses a declared length over the path's limit, and any malformed one", () => {
    expect(declaredBodyTooLarge("/speaker", String(BODY_LIMIT))).toBe(false);
    expect(declaredBodyTooLarge("/speaker", String(BODY_LIMIT + 1))).toBe(true);
    expect(declaredBodyTooLarge("/api/auth/signin/email", String(AUTH_BODY_LIMIT + 1))).toBe(true);
    expect(declaredBodyTooLarge("/api/auth/signin/email", "300")).toBe(false);
    expect(declaredBodyTooLarge("/speaker", null)).toBe(false);
    for (const odd of ["-1", "1e9", "abc", "12 34", "99999999999999999999"]) expect(declaredBodyTooLarge("/speaker", odd)).toBe(true);
  });
});
