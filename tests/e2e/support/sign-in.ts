import { expect, type Page } from "@playwright/test";

/** Signs in by email link, reading the link from the demo mailbox as a person would. */
export async function signInByEmailLink(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.goto(`/mailbox?to=${encodeURIComponent(email)}`);
  const body = await page.getByTestId("mail-body").first().innerText();
  const link = /https?:\/\/\S+\/api\/auth\/callback\/email\S+/.exec(body)?.[0];
  expect(link, "the sign-in email contains a callback link").toBeTruthy();
  await page.goto(link!);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Demo mode's one-click sign-in for a seeded account. */
export async function signInAsDemo(page: Page, name: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in as ${name}` }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
