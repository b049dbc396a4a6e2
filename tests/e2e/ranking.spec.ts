import { signedInAs } from "@/lib/auth/actor";
import { type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import type { Db } from "@/lib/db/client";
import { refreshEventStats } from "@/lib/reviews/proposal-stats";
import { saveReview } from "@/lib/reviews/save-review";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { unique } from "./support/data";
import type { Demo } from "./support/demo";
import { plantProposal } from "./support/plant";

const TITLE = `Reviewers disagree: a talk about unsafe ${unique()}`;

// The demo reviews agree with each other, so this spec adds a proposal that
// Ravi scores 5 on every criterion and Rémi 1: a disagreement to filter on.
// It goes through the domain code (saveReview, refreshEventStats), as the
// review form would.
async function plantDisagreement(db: Db, demo: Demo) {
  const event = await db.event.findUniqueOrThrow({
    where: { id: demo.event.id },
    include: { criteria: true },
  });
  const { proposal } = await plantProposal(db, demo, {
    title: TITLE,
    abstract: "Two reviewers, two readings.",
    level: "ADVANCED",
    speakerName: "Ranking Speaker",
    emailPrefix: "e2e-ranking",
  });
  for (const [name, value] of [
    ["Ravi Menon", "5"],
    ["Rémi Fontaine", "1"],
  ] as const) {
    const scores = Object.fromEntries(event.criteria.map((c) => [c.id, value]));
    await saveReview(db, signedInAs(demo.user(name).id), proposal.id, { scores, comment: "" });
  }
  await refreshEventStats(db, event.id);
}

/** The text of one column's cells, top to bottom. */
async function column(page: Page, header: string): Promise<string[]> {
  const headers = await page.getByRole("columnheader").allInnerTexts();
  const index = headers.findIndex((h) => h.replace(/[▲▼]/g, "").trim().toLowerCase() === header.toLowerCase());
  expect(index, `a column named ${header}`).toBeGreaterThanOrEqual(0);
  return page.locator("tbody tr").evaluateAll((rows, i) => rows.map((r) => (r.children[i] as HTMLElement).innerText.trim()), index);
}

test("the organizer sorts and filters the ranking, then reads a proposal's distribution and the reviewers' calibration", async ({
  page,
  demo,
  signIn,
  db,
}) => {
  const [EVENT, EVENT_NAME] = [demo.slug, demo.name];
  await plantDisagreement(db, demo);
  await signIn(page, demo.user("Olivia Laurent"));
  await page.goto(`/organize/${EVENT}`);
  const sections = page.getByRole("navigation", { name: `${EVENT_NAME} sections` });
  await sections.getByRole("link", { name: "Ranking" }).click();
  await expect(page).toHaveURL(new RegExp(`/organize/${EVENT}/ranking$`));
  await expect(page.getByRole("heading", { level: 1, name: "Ranking" })).toBeVisible();
  await expect(page.getByText(/proposals? (has|have) fewer than 3 reviews/)).toBeVisible();
  await expect(page.getByText(/Normalized.*compares each review with its reviewer/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Sort by median with the keyboard: best first, unreviewed last.
  await page.getByRole("link", { name: "Median", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=median/);
  await expect(page.getByRole("columnheader", { name: "Median" })).toHaveAttribute("aria-sort", "descending");
  const medians = (await column(page, "Median")).map((text) => (text === "—" ? null : Number(text)));
  const scored = medians.filter((m): m is number => m !== null);
  expect(scored).toEqual([...scored].sort((a, b) => b - a));
  expect(medians.slice(scored.length).every((m) => m === null)).toBe(true);

  // Only the proposals reviewers disagree on.
  await page.getByLabel("Disagreement only").check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/disagreement=1/);
  await expect(page).toHaveURL(/sort=median/);
  await expect(page.getByLabel("Disagreement only")).toBeChecked();
  const rows = page.locator("tbody tr");
  await expect(rows.filter({ hasText: TITLE })).toHaveCount(1);
  expect(new Set(await column(page, "Disagreement"))).toEqual(new Set(["Yes"]));
  await expectNoSeriousA11yViolations(page);

  // Its page shows the two opposite scores.
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`/organize/${EVENT}/proposals/[^/?]+$`));
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const chart = page.getByRole("figure", { name: "Score distribution of 2 reviews" });
  await expect(chart).toBeVisible();
  await expect(chart.locator("svg rect")).toHaveCount(2);
  await expect(chart.getByRole("row", { name: "1 1" })).toHaveCount(1);
  await expect(chart.getByRole("row", { name: "5 1" })).toHaveCount(1);
  await expect(chart.getByRole("row", { name: "3 0" })).toHaveCount(1);
  await expect(page.getByText("Yes: reviewers read this proposal differently")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The reviewers and how each scores against the team.
  await sections.getByRole("link", { name: "Reviewers" }).click();
  await expect(page).toHaveURL(new RegExp(`/organize/${EVENT}/reviewers$`));
  await expect(page.getByRole("heading", { level: 1, name: "Reviewers" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: /Ravi Menon/ })).toBeVisible();
  const ravi = page.getByRole("figure", { name: /^Ravi Menon: \d+ reviews/ });
  await expect(ravi).toBeVisible();
  await expect(ravi.locator("svg")).toBeVisible();
  await expect(ravi.getByRole("columnheader", { name: "Whole team" })).toHaveCount(1);
  await expect(page.getByRole("figure", { name: /^Rémi Fontaine:/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
