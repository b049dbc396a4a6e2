import { expect, type Locator, type Page } from "@playwright/test";
import type { SignIn } from "./fixtures";

// Every test makes its own event, people and proposals: all tests share one database and run in parallel.

let counter = 0;

/** A suffix no other test (or earlier run against the same database) uses. */
export function unique(): string {
  counter += 1;
  return `${Date.now()}-${process.pid}-${counter}`; // workers are processes: the pid keeps theirs apart
}

/** e2e-<name>-<timestamp>@example.org */
export function uniqueEmail(name: string): string {
  return `e2e-${name}-${unique()}@example.org`;
}

/** "YYYY-MM-DDTHH:mm" (a datetime-local value), `days` from now, at 09:00 UTC. */
export function localDateTime(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T09:00`;
}

/** The demo event's required question (prisma/seed-data/demo.ts): the code of conduct, answered "Yes". */
export async function acceptCodeOfConduct(scope: Page | Locator) {
  await scope
    .getByRole("group", { name: /code of conduct/ })
    .getByRole("checkbox", { name: "Yes" })
    .check();
}

/**
 * A new speaker (a new address, signed in with `signIn`) submits a proposal
 * to the event through the UI. Returns the address and the proposal's id,
 * read from the address the app redirects to.
 */
export async function submitProposalAsNewSpeaker(
  page: Page,
  signIn: SignIn,
  eventSlug: string,
  proposal: { title: string; abstract: string; speakerName?: string },
): Promise<{ email: string; proposalId: string }> {
  const email = uniqueEmail(proposal.speakerName ?? "speaker");
  await signIn(page, email);
  await page.goto(`/events/${eventSlug}/submit`);
  await page.getByLabel("Title", { exact: true }).fill(proposal.title);
  await page.getByLabel("Abstract").fill(proposal.abstract);
  await page.getByLabel("Session type").selectOption({ label: "Talk (30 min)" });
  await page.getByRole("radio", { name: "Beginner" }).check();
  await acceptCodeOfConduct(page);
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await page.waitForURL(/\/speaker\/proposals\/[^/?]+\?submitted=1$/);
  const proposalId = /\/speaker\/proposals\/([^/?]+)/.exec(page.url())![1];
  return { email, proposalId };
}

/** The `.field` wrapper around a labelled control: where its hint and errors are shown. */
export function fieldOf(page: Page | Locator, control: Locator): Locator {
  return page.locator(".field").filter({ has: control });
}

/**
 * An error is "next to its field" when it sits in the field's wrapper and the
 * control points to it with aria-describedby (so screen readers read it too).
 */
export async function expectFieldError(page: Page | Locator, control: Locator, message: string | RegExp) {
  await expect(control).toHaveAttribute("aria-invalid", "true");
  await expect(fieldOf(page, control).locator(".field-error")).toHaveText(message);
  await expect(control).toHaveAccessibleDescription(typeof message === "string" ? new RegExp(escapeRegExp(message)) : message);
}

export async function expectNoFieldError(page: Page | Locator, control: Locator) {
  await expect(control).not.toHaveAttribute("aria-invalid", "true");
  await expect(fieldOf(page, control).locator(".field-error")).toHaveCount(0);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The page fits the viewport: nothing makes the whole document scroll sideways. */
export async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${page.url()} scrolls sideways: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}`).toBeLessThanOrEqual(
    clientWidth,
  );
}
