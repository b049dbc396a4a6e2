import { type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { acceptCodeOfConduct, expectFieldError, expectNoFieldError, fieldOf, unique, uniqueEmail } from "./support/data";

/** The status badge next to the proposal's title (the list that also names the event). */
function statusBadge(page: Page) {
  return page.getByRole("main").getByRole("list").filter({ hasText: "Event:" }).locator(".badge");
}

test("a new speaker: validation, draft, edit, submit and withdraw, with the status at each step", async ({ page, demo, signIn }) => {
  const EVENT = demo.slug;
  const title = `Zero-copy parsing with nom ${unique()}`;
  const abstract = "We parse **binary formats** without copying: lifetimes, `&[u8]` and nom's combinators.";
  await signIn(page, uniqueEmail("speaker"));

  await page.goto(`/events/${EVENT}`);
  await page.getByRole("link", { name: "Submit a proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Submit a proposal" })).toBeVisible();

  const titleInput = page.getByLabel("Title", { exact: true });
  const abstractInput = page.getByLabel("Abstract");
  const sessionType = page.getByLabel("Session type");

  // 1. Empty title: the error is next to the title, and nothing typed is lost.
  await abstractInput.fill(abstract);
  await sessionType.selectOption({ label: "Deep dive (45 min)" });
  await page.getByRole("radio", { name: "Advanced" }).check();
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await expectFieldError(page, titleInput, "Title is required.");
  await expect(page.getByRole("status").filter({ hasText: "Please correct the highlighted fields." })).toBeVisible();
  await expect(abstractInput).toHaveValue(abstract);
  await expectNoFieldError(page, abstractInput);
  await expect(sessionType.locator("option:checked")).toHaveText("Deep dive (45 min)");
  await expect(page.getByRole("radio", { name: "Advanced" })).toBeChecked();
  await expect(page).toHaveURL(new RegExp(`/events/${EVENT}/submit$`));

  // 2. A title over 150 characters: the counter says so as you type, and the server refuses it.
  const longTitle = `${"Ownership ".repeat(15)}again`; // 155 characters
  await titleInput.fill(longTitle);
  const counter = fieldOf(page, titleInput).locator(".counter");
  await expect(counter).toHaveText("155 / 150 — 5 over the limit");
  await expect(counter).toHaveClass(/counter-over/);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expectFieldError(page, titleInput, "Title must be at most 150 characters.");
  await expect(titleInput).toHaveValue(longTitle);
  await expect(abstractInput).toHaveValue(abstract);
  await expect(page).toHaveURL(new RegExp(`/events/${EVENT}/submit$`));

  // 3. Save a draft.
  await titleInput.fill(title);
  await expect(counter).not.toHaveClass(/counter-over/);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/speaker\/proposals\/[^/?]+\?saved=1$/);
  const proposalUrl = page.url().replace(/\?.*$/, "");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(statusBadge(page)).toHaveText("Draft");
  await expect(page.getByText("Draft saved. It is not submitted yet, so reviewers cannot see it.")).toBeVisible();

  // My proposals lists the draft.
  await page.getByRole("link", { name: "← My proposals" }).click();
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row.getByRole("cell").nth(3)).toHaveText("Draft");
  await expect(row).toContainText("Submit before");
  await row.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(proposalUrl);

  // 4. Edit the draft.
  const edit = page.getByRole("region", { name: "Edit your proposal" });
  const edited = `${abstract}\n\nNow with a _streaming_ section.`;
  await expect(edit.getByLabel("Title", { exact: true })).toHaveValue(title);
  await edit.getByLabel("Abstract").fill(edited);
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(`${proposalUrl}?saved=1`);
  await expect(page.getByText("Draft saved. It is not submitted yet, so reviewers cannot see it.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Your proposal" }).locator("em", { hasText: "streaming" })).toBeVisible();
  await expect(statusBadge(page)).toHaveText("Draft");

  // 5. Submit it: the event's required question (code of conduct) must be answered first, its message next to it.
  const coc = edit.getByRole("group", { name: /code of conduct/ });
  await edit.getByRole("button", { name: "Submit proposal" }).click();
  await expect(coc.locator(".field-error")).toHaveText("Tick “Yes” to go on: this question must be answered Yes.");
  await expect(edit.getByLabel("Title", { exact: true })).toHaveValue(title);
  await acceptCodeOfConduct(edit);
  await edit.getByRole("button", { name: "Submit proposal" }).click();
  await expect(page).toHaveURL(`${proposalUrl}?submitted=1`);
  await expect(statusBadge(page)).toHaveText("Submitted");
  await expect(page.getByText("Your proposal was submitted.")).toBeVisible();

  // 6. Withdraw: it asks first, saying what withdrawing does; Cancel changes nothing and gives focus back.
  const withdraw = page.getByRole("region", { name: "Withdraw this proposal" });
  const openWithdraw = withdraw.getByRole("link", { name: "Withdraw proposal…" });
  await openWithdraw.click();
  const confirm = page.getByRole("region", { name: `Withdraw “${title}”?` });
  await expect(confirm.getByRole("heading", { name: `Withdraw “${title}”?` })).toBeFocused();
  await expect(confirm).toContainText("Reviewers no longer see it and it is not decided.");
  await expectNoSeriousA11yViolations(page);
  await confirm.getByRole("link", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(openWithdraw).toBeFocused();
  await expect(statusBadge(page)).toHaveText("Submitted");

  await openWithdraw.click();
  await confirm.getByRole("button", { name: "Withdraw proposal" }).click();
  await expect(page).toHaveURL(`${proposalUrl}?withdrawn=1`);
  await expect(statusBadge(page)).toHaveText("Withdrawn");
  await expect(page.getByText("Your proposal was withdrawn. It will not be reviewed.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Edit your proposal" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Withdraw this proposal" })).toHaveCount(0);

  await page.goto("/speaker");
  const listed = page.getByRole("row", { name: new RegExp(title) });
  await expect(listed.getByRole("cell").nth(3)).toHaveText("Withdrawn");
  await expect(listed).toContainText("You withdrew this proposal");
});

test("speaker profile: saves name, bio and website; a bad website is refused next to its field", async ({ page, signIn }) => {
  const name = `Ada Example ${unique()}`;
  const bio = "Writes embedded Rust for **tiny** sensors.";
  const website = "https://ada.example.org/talks";
  await signIn(page, uniqueEmail("profile"));
  await page.goto("/");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Speaker profile" })).toBeVisible();

  const nameInput = page.getByLabel("Name", { exact: true });
  const bioInput = page.getByLabel("Bio");
  const websiteInput = page.getByLabel("Website");

  await nameInput.fill(name);
  await bioInput.fill(bio);
  await websiteInput.fill(website);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("Profile saved.");
  await expectNoFieldError(page, websiteInput);

  // Saved for real: a fresh load shows it.
  await page.reload();
  await expect(nameInput).toHaveValue(name);
  await expect(bioInput).toHaveValue(bio);
  await expect(websiteInput).toHaveValue(website);

  await websiteInput.fill("ada.example.org");
  await bioInput.fill(`${bio} Also a climber.`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expectFieldError(page, websiteInput, "Website must be a web address starting with https://");
  await expect(page.getByRole("status")).toHaveText("Please correct the highlighted fields.");
  await expect(websiteInput).toHaveValue("ada.example.org");
  await expect(bioInput).toHaveValue(`${bio} Also a climber.`);
  await expect(nameInput).toHaveValue(name);
  await expectNoFieldError(page, nameInput);

  // Nothing of the refused form was saved: the tab kept it and puts it back, and discarding it shows what was saved.
  // Reloading with unsaved input asks first (beforeunload): leave.
  page.once("dialog", (d) => void d.accept());
  await page.reload();
  await expect(page.getByText(/We put back what you typed here at/)).toBeVisible();
  await expect(websiteInput).toHaveValue("ada.example.org");
  await page.getByRole("button", { name: "Discard what was put back" }).click();
  await expect(websiteInput).toHaveValue(website);
  await expect(bioInput).toHaveValue(bio);
  await page.reload();
  await expect(websiteInput).toHaveValue(website);
  await expect(bioInput).toHaveValue(bio);
});
