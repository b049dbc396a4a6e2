import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;
type Violation = AxeResults["violations"][number];

const BLOCKING = new Set(["serious", "critical"]);
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

export type A11yOptions = {
  /** CSS selector to limit the scan to. */
  include?: string;
  /** CSS selectors to leave out (e.g. third-party widgets). */
  exclude?: string[];
  /** axe rule ids to skip; say why next to the call. */
  disableRules?: string[];
};

export function formatViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => {
          const summary = (n.failureSummary ?? "").replace(/\s*\n\s*/g, "\n      ");
          return `    - ${n.target.join(" ")}\n      ${n.html.slice(0, 200)}\n      ${summary}`;
        })
        .join("\n");
      const more = v.nodes.length > 5 ? `\n    ... and ${v.nodes.length - 5} more` : "";
      return `[${v.impact}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join("\n\n");
}

/**
 * Runs axe on the current page and fails on serious or critical violations,
 * listing each rule, its help link and the offending elements. Minor and
 * moderate findings are attached to the test report but do not fail it.
 */
export async function expectNoSeriousA11yViolations(page: Page, options: A11yOptions = {}): Promise<void> {
  // Next streams a page's metadata: wait for the title so axe checks the page, not the moment before it.
  await expect(page).toHaveTitle(/\S/);
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (options.include) builder = builder.include(options.include);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);

  const results = await builder.analyze();
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ""));
  const other = results.violations.filter((v) => !BLOCKING.has(v.impact ?? ""));

  if (other.length > 0) {
    await test.info().attach("a11y-minor-violations", {
      body: formatViolations(other),
      contentType: "text/plain",
    });
  }

  const report = blocking.length
    ? `${blocking.length} serious/critical accessibility violation(s) on ${page.url()}:\n\n${formatViolations(blocking)}`
    : "";
  expect(blocking.length, report).toBe(0);
}
