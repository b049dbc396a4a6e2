import { type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expectFieldError, submitProposalAsNewSpeaker, unique, uniqueEmail } from "./support/data";

/** The path of the invitation link in the newest invitation email to `to`, read from the demo mailbox. */
async function invitationLinkFor(page: Page, to: string): Promise<string> {
  await page.goto(`/mailbox?to=${encodeURIComponent(to)}`);
  const message = page.getByRole("article").filter({ hasText: "invites you to co-present" }).first();
  const body = await message.getByTestId("mail-body").innerText();
  const link = /https?:\/\/\S+(\/invitations\/[A-Za-z0-9_-]+)/.exec(body)?.[1];
  expect(link, "the invitation email contains an invitation link").toBeTruthy();
  return link!;
}

test("a speaker invites a co-speaker, who signs in, accepts, and can then edit the proposal", async ({ page, browser, demo, signIn }) => {
  const title = `Rust on the ESP32 ${unique()}`;
  const { email: speakerEmail, proposalId } = await submitProposalAsNewSpeaker(page, signIn, demo.slug, {
    title,
    abstract: "Wi-Fi, async and no_std on a five-euro board: what works today and what still hurts.",
    speakerName: "owner",
  });
  const inviteeEmail = uniqueEmail("cospeaker");
  const proposalPath = `/speaker/proposals/${proposalId}`;

  // The speaker's proposal page has a Co-speakers section with an invite form.
  const section = page.getByRole("region", { name: "Co-speakers" });
  // A new speaker without a name yet is "You", never their address, with a way to their profile (issue 16).
  const self = section.getByRole("listitem").filter({ hasText: "You (owner)" });
  await expect(self).not.toContainText(speakerEmail);
  await expect(self.getByRole("link", { name: "Add your name" })).toHaveAttribute("href", "/speaker/profile");
  const emailInput = page.getByLabel("Co-speaker’s email address");

  // Inviting yourself is refused next to the field.
  await emailInput.fill(speakerEmail.toUpperCase());
  await section.getByRole("button", { name: "Send invitation" }).click();
  await expectFieldError(page, emailInput, "This person already speaks on this proposal.");

  await emailInput.fill(inviteeEmail);
  await section.getByRole("button", { name: "Send invitation" }).click();
  await expect(section.getByRole("status").filter({ hasText: `Invitation sent to ${inviteeEmail}.` })).toBeVisible();
  const row = section.getByRole("listitem").filter({ hasText: inviteeEmail });
  await expect(row.locator(".badge")).toHaveText("Pending");

  // Resending at once is refused (one email a minute), next to the button.
  await row.getByRole("button", { name: `Resend the invitation to ${inviteeEmail}` }).click();
  await expect(row.getByText("This invitation was sent less than a minute ago.", { exact: false })).toBeVisible();

  // A second invitation, revoked.
  const revokedEmail = uniqueEmail("revoked");
  await emailInput.fill(revokedEmail);
  await section.getByRole("button", { name: "Send invitation" }).click();
  const revokedRow = section.getByRole("listitem").filter({ hasText: revokedEmail });
  await revokedRow.getByRole("button", { name: `Revoke the invitation to ${revokedEmail}` }).click();
  await expect(revokedRow.locator(".badge")).toHaveText("Revoked");
  await expectNoSeriousA11yViolations(page);

  // The invitee, in their own browser, opens the link from the email before signing in.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  const link = await invitationLinkFor(invitee, inviteeEmail);
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { level: 1, name: `Co-present “${title}”` })).toBeVisible();
  await expect(invitee.getByText(`${speakerEmail} invites you to co-present “${title}” at`)).toBeVisible();
  await expect(invitee.getByRole("link", { name: "Sign in to accept" })).toHaveAttribute("href", `/signin?callbackUrl=${link}`);
  await expect(invitee.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(invitee);

  // The revoked address's link says so, and nothing else.
  const revokedLink = await invitationLinkFor(invitee, revokedEmail);
  await invitee.goto(revokedLink);
  await expect(invitee.getByRole("heading", { level: 1, name: "This invitation was withdrawn" })).toBeVisible();
  await expect(invitee.getByText(title)).toHaveCount(0);

  // Signed in with the invited address, they accept.
  await signIn(invitee, inviteeEmail);
  await invitee.goto(link);
  await expectNoSeriousA11yViolations(invitee);
  await invitee.getByRole("button", { name: "Accept" }).click();
  await expect(invitee.getByRole("heading", { level: 1, name: "Invitation accepted" })).toBeVisible();
  await invitee.getByRole("link", { name: "Open the proposal" }).click();
  await expect(invitee).toHaveURL(new RegExp(`${proposalPath}$`));
  await expect(invitee.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // It is in their list, and they can edit it.
  await invitee.goto("/speaker");
  await expect(invitee.getByRole("row", { name: new RegExp(title) })).toBeVisible();
  await invitee
    .getByRole("row", { name: new RegExp(title) })
    .getByRole("link", { name: title })
    .click();
  const edit = invitee.getByRole("region", { name: "Edit your proposal" });
  await edit.getByLabel("Abstract").fill("Wi-Fi, async and no_std on a five-euro board, now presented by two of us.");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(invitee).toHaveURL(`${proposalPath}?saved=1`);
  await expect(invitee.getByText("Changes saved.")).toBeVisible();
  await expect(invitee.getByRole("region", { name: "Your proposal", exact: true })).toContainText("now presented by two of us");
  await expectNoSeriousA11yViolations(invitee);
  await inviteeContext.close();

  // The speaker sees the new co-speaker and the accepted invitation.
  await page.goto(proposalPath);
  await expect(section.getByRole("listitem").filter({ hasText: `${inviteeEmail} (co-speaker)` })).toBeVisible();
  await expect(section.getByRole("listitem").filter({ hasText: inviteeEmail }).locator(".badge")).toHaveText("Accepted");
});
