import { expect, test } from "./support/fixtures";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { unique } from "./support/data";
import { addReviewer, createEvent, createProposal, createReview } from "@/tests/factories";

// A reviewer's "Declare a conflict and leave" deletes their review: it shows what it deletes first, and refuses if
// the review changed after that preview (another tab), so a review is never deleted unseen.

test("declaring a conflict shows the review it deletes, asks, and says what it did", async ({ db, pageAs }) => {
  const event = await createEvent(db, { blindReview: true });
  const reviewer = await addReviewer(db, event);
  const proposal = await createProposal(db, { event, title: `Borrowing across await points ${unique()}` });
  await createReview(db, { proposal, reviewer, score: 4, comment: "Clear outline, strong examples." });
  const page = await pageAs(reviewer);

  await page.goto(`/review/${event.slug}/${proposal.id}`);
  const section = page.getByRole("region", { name: "A conflict of interest?" });
  const open = section.getByRole("link", { name: "Declare a conflict and leave this proposal…" });
  await open.click();
  const confirm = page.getByRole("region", { name: "Declare a conflict and leave this proposal?" });
  await expect(confirm.getByRole("heading", { name: "Declare a conflict and leave this proposal?" })).toBeFocused();
  await expect(confirm).toContainText("Your review is deleted: score 4");
  await expect(confirm).toContainText("“Clear outline, strong examples.”");
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(open).toBeFocused();

  await open.press("Enter");
  await confirm.getByRole("button", { name: "Delete my review, declare and leave" }).click();
  await expect(page).toHaveURL(new RegExp(`/review/${event.slug}\\?conflict=declared&review=deleted$`));
  await expect(page.getByRole("status").filter({ hasText: "Conflict declared" })).toHaveText(
    "Conflict declared: that proposal is no longer in your queue and your review of it was deleted.",
  );
  expect(await db.review.count({ where: { reviewerId: reviewer.id } })).toBe(0);
});

test("declaring a conflict is refused when the review changed after the preview", async ({ db, pageAs }) => {
  const event = await createEvent(db);
  const reviewer = await addReviewer(db, event);
  const proposal = await createProposal(db, { event, title: `Pinning without tears ${unique()}` });
  const review = await createReview(db, { proposal, reviewer, comment: "First thoughts." });
  const page = await pageAs(reviewer);

  await page.goto(`/review/${event.slug}/${proposal.id}?confirm=conflict`);
  const confirm = page.getByRole("region", { name: "Declare a conflict and leave this proposal?" });
  await expect(confirm).toContainText("“First thoughts.”");
  // Meanwhile, in another tab, the reviewer rewrites their comment.
  await db.review.update({ where: { id: review.id }, data: { comment: "Second thoughts.", updatedAt: new Date(Date.now() + 1000) } });
  await confirm.getByRole("button", { name: "Delete my review, declare and leave" }).click();
  await expect(confirm.getByRole("status")).toContainText("Your review of this proposal changed since this preview was made");
  await expect(confirm).toContainText("“Second thoughts.”");
  expect(await db.review.count({ where: { reviewerId: reviewer.id } })).toBe(1);
  expect(await db.proposalConflict.count({ where: { reviewerId: reviewer.id } })).toBe(0);

  await confirm.getByRole("button", { name: "Delete my review, declare and leave" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Conflict declared" })).toBeVisible();
});
