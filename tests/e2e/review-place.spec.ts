import { expect, test } from "./support/fixtures";
import { unique } from "./support/data";
import { addReviewer, assignProposal, createEvent, createProposal, createReview } from "@/tests/factories";
import { expectNoSeriousA11yViolations } from "./support/axe";

// Issue 16: the review page says where the proposal sits in the reviewer's queue ("Proposal 2 of 3"), and the
// organizer's proposal page says who is assigned to it.

test("the review page shows the proposal's place in the reviewer's queue, and Next moves it on", async ({ db, pageAs }) => {
  const event = await createEvent(db);
  const reviewer = await addReviewer(db, event);
  const day = 86_400_000;
  const proposals = [];
  for (const age of [3, 2, 1]) {
    proposals.push(await createProposal(db, { event, title: `Async drop ${unique()}`, submittedAt: new Date(Date.now() - age * day) }));
  }
  const page = await pageAs(reviewer);
  await page.goto(`/review/${event.slug}/${proposals[1].id}`);
  const pager = page.getByRole("navigation", { name: "Proposals" });
  await expect(pager).toContainText("Proposal 2 of 3");
  await pager.getByRole("link", { name: "Next →" }).click();
  await expect(page.getByRole("heading", { level: 1, name: proposals[2].title })).toBeVisible();
  await expect(pager).toContainText("Proposal 3 of 3");
});

test("the organizer's proposal page lists who is assigned, and whether each has reviewed", async ({ db, pageAs }) => {
  const event = await createEvent(db);
  const [done, waiting] = [await addReviewer(db, event), await addReviewer(db, event)];
  const proposal = await createProposal(db, { event, title: `Pinning explained ${unique()}` });
  await assignProposal(db, { proposal, reviewer: done });
  await assignProposal(db, { proposal, reviewer: waiting });
  await createReview(db, { proposal, reviewer: done, score: 4 });

  const page = await pageAs(event.organizer);
  await page.goto(`/organize/${event.slug}/proposals/${proposal.id}`);
  const assigned = page.getByRole("region", { name: "Assigned reviewers" });
  await expect(assigned.getByRole("listitem")).toHaveText([`${done.name} · reviewed`, `${waiting.name} · not reviewed yet`]);
  await expectNoSeriousA11yViolations(page);
});
