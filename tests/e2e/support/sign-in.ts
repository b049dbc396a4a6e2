import { expect, type Page } from "@playwright/test";

/** The sign-in link in an email's text: it opens our confirmation page. */
export function signInLinkIn(mailText: string): string {
  const link = /https?:\/\/\S+\/signin\/confirm\?\S+/.exec(mailText)?.[0];
  expect(link, "the sign-in email contains a link to the confirmation page").toBeTruthy();
  return link!;
}

/** Opens a sign-in link and presses its one button, as a person would. */
export async function confirmSignInLink(page: Page, link: string, email: string) {
  await page.goto(link);
  await page.getByRole("button", { name: `Sign in as ${email}` }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Signs in by email link, reading the link from the demo mailbox as a person would. */
export async function signInByEmailLink(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await page.goto(`/mailbox?to=${encodeURIComponent(email)}`);
  const body = await page.getByTestId("mail-body").first().innerText();
  await confirmSignInLink(page, signInLinkIn(body), email.trim().toLowerCase());
}

/** Demo mode's one-click sign-in for a seeded account. */
export async function signInAsDemo(page: Page, name: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in as ${name}` }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
