import { expect, test } from "./support/fixtures";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { submitProposalAsNewSpeaker, unique } from "./support/data";

test("a speaker edits the abstract after submitting; the organizer sees who changed what, with the diff, in the activity log", async ({
  page,
  demo,
  signIn,
}) => {
  const EVENT = demo.slug;
  const title = `Calling C from Rust ${unique()}`;
  const { email, proposalId } = await submitProposalAsNewSpeaker(page, signIn, EVENT, {
    title,
    abstract: "We call C from Rust safely with bindgen.",
    speakerName: "activity",
  });

  // The speaker edits the abstract of the submitted proposal.
  const edit = page.getByRole("region", { name: "Edit your proposal" });
  await edit.getByLabel("Abstract").fill("We call C from Rust soundly with bindgen and cxx.");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(`/speaker/proposals/${proposalId}?saved=1`);
  await expect(page.getByText("Changes saved.")).toBeVisible();

  // The seeded organizer opens the proposal.
  await page.context().clearCookies();
  await signIn(page, demo.user("Olivia Laurent"));
  await page.goto(`/organize/${EVENT}/proposals/${proposalId}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const activity = page.getByRole("region", { name: "Activity" });
  const items = activity.getByRole("list").first().locator(":scope > li");
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText(`${email} edited the abstract`);
  await expect(items.nth(1)).toContainText(`Email “Proposal received: ${title}” queued to ${email}`);
  await expect(items.nth(2)).toContainText(`${email} submitted it`);
  for (const item of await items.all()) await expect(item.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);

  // The diff: removed and added words marked up as such, and announced in words, not only by colour.
  const diff = items.nth(0);
  await expect(diff.locator("del")).toHaveText("[removed: safely]");
  await expect(diff.locator("ins")).toHaveText(["[added: soundly]", "[added:  and cxx]"]);
  await expect(diff.locator("del")).toHaveCSS("text-decoration-line", "line-through");
  await expect(diff.locator("ins").first()).toHaveCSS("text-decoration-line", "underline");
  await expect(diff.locator("del .visually-hidden").first()).toHaveText("[removed: ");
  await expect(diff.getByText("We call C from Rust")).toBeVisible();

  await expectNoSeriousA11yViolations(page);
});
