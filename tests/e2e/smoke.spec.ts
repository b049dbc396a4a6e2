import { expect, test } from "./support/csp";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { signInAsDemo } from "./support/sign-in";

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

test("demo mode: one click on the sign-in page signs in a seeded account", async ({ page }) => {
  // Read-only: the seeded accounts and event are shared by every spec; specs sign in with the `signIn` fixture.
  await signInAsDemo(page, "Olivia Laurent");
  await page.goto("/organize");
  await expect(page.getByRole("link", { name: "RustFest Lyon 2027", exact: true })).toBeVisible();
});
