import { expect, test } from "./support/fixtures";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { unique } from "./support/data";

// Issue 16: "Check your email" names the address the link went to and offers to send it again, to that
// address or another; in demo mode the mailbox's own links can be clicked.

test("check your email names the address, sends the link again, and the demo mailbox's link signs in with a click", async ({
  page,
  db,
}) => {
  const email = `first-steps-${unique()}@example.org`;
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.locator("main strong")).toHaveText(email);
  await expectNoSeriousA11yViolations(page);

  // Again: the sign-in form comes back with the address filled in, to send as it is or to change.
  await page.getByRole("link", { name: "send the link again, or to another address" }).click();
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.locator("main strong")).toHaveText(email);
  await expect.poll(() => db.outboxEmail.count({ where: { to: email, kind: "sign-in" } })).toBe(2);

  await page.getByRole("main").getByRole("link", { name: "mailbox", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Mailbox" })).toBeVisible();
  await page
    .getByTestId("mail-body")
    .first()
    .getByRole("link", { name: /\/signin\/confirm\?/ })
    .click();
  await page.getByRole("button", { name: `Sign in as ${email}` }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});
