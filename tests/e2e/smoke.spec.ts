import { expect, test } from "./support/csp";
import { expectNoSeriousA11yViolations } from "./support/axe";

// Proves the harness: the built app serves on a fresh database, Chromium
// drives it, and axe runs.
test("the home page loads and is accessible", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the sign-in page loads and is accessible", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
