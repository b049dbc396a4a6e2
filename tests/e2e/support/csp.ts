import { test as base, expect, type BrowserContext } from "@playwright/test";

// Every Content-Security-Policy violation a browser page reports, collected by
// the `cspViolations` fixture: a spec that imports `test` from here fails when
// any page it opened broke the policy (ADR 0011).

export type CspViolation = { url: string; directive: string; blocked: string; sample: string; source: string };

declare global {
  interface Window {
    __reportCspViolation?: (v: CspViolation) => void;
  }
}

/** Starts recording violations on every page of the context; returns the live list. */
export async function recordCspViolations(context: BrowserContext): Promise<CspViolation[]> {
  const violations: CspViolation[] = [];
  await context.exposeFunction("__reportCspViolation", (v: CspViolation) => violations.push(v));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      void window.__reportCspViolation?.({
        url: location.href,
        directive: e.effectiveDirective || e.violatedDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        source: `${e.sourceFile}:${e.lineNumber}`,
      });
    });
  });
  return violations;
}

export function formatCspViolations(violations: CspViolation[]): string {
  return violations.map((v) => `- ${v.directive} on ${v.url}: blocked ${v.blocked || "(inline)"} ${v.sample} ${v.source}`).join("\n");
}

export const test = base.extend<{ cspViolations: CspViolation[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations = await recordCspViolations(context);
      await use(violations);
      expect(violations, `Content-Security-Policy violations:\n${formatCspViolations(violations)}`).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
