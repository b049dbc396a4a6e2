import { expect, test } from "./support/fixtures";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { unique } from "./support/data";
import { createProposal } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import type { Demo } from "./support/demo";

// Two submitted proposals share a made-up word in their abstracts; only the
// first has a second one. The organizer finds both by the shared word, tags
// them in bulk, filters the ranking by the tag, and finds the first by its
// own word. Self-contained: the event is this test's own copy of the demo.
const id = unique().replace(/\D/g, "");
const SHARED = `wyvern${id}`;
const ONLY_FIRST = `axolotl${id}`;
const TAG = `Shortlist ${id}`;
const FIRST = `Search finds me by my abstract ${id}`;
const SECOND = `Tagged together with the first ${id}`;

async function addProposals(db: Db, demo: Demo) {
  for (const [title, abstract] of [
    [FIRST, `A talk about ${SHARED} and ${ONLY_FIRST}.`],
    [SECOND, `Another talk about ${SHARED}.`],
  ]) {
    const proposal = await createProposal(db, { event: demo.event, title, abstract });
    await db.proposalStats.create({ data: { proposalId: proposal.id, eventId: demo.event.id } });
  }
}

test("the organizer tags proposals in bulk, filters the ranking by the tag and finds a proposal by a word of its abstract", async ({
  page,
  db,
  demo,
  signIn,
}) => {
  await addProposals(db, demo);
  const EVENT = demo.slug;
  await signIn(page, demo.user("Olivia Laurent"));

  // A new tag.
  await page.goto(`/organize/${EVENT}/tags`);
  await expect(page.getByRole("heading", { level: 1, name: "Tags" })).toBeVisible();
  const newTag = page.getByRole("form", { name: "New tag" });
  await newTag.getByLabel("Name").fill(TAG);
  await newTag.getByLabel("Colour").fill("#2f855a");
  await newTag.getByRole("button", { name: "Create tag" }).click();
  await expect(newTag.getByText(`Tag “${TAG}” created.`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The list, searched by the shared word: exactly the two proposals.
  await page.goto(`/organize/${EVENT}`);
  const filters = page.getByRole("search", { name: "Filter proposals" });
  await filters.getByLabel("Search").fill(SHARED);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${SHARED}`));
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);

  // Both checked, tagged at once.
  await page.getByRole("checkbox", { name: `Select “${FIRST}”` }).check();
  await page.getByRole("checkbox", { name: `Select “${SECOND}”` }).check();
  await page.getByLabel("Tag", { exact: true }).last().selectOption({ label: TAG });
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByText("2 proposals tagged.")).toBeVisible();
  await page.reload();
  await expect(rows.filter({ hasText: TAG })).toHaveCount(2);

  // The ranking, filtered by the tag: the two proposals and nothing else.
  await page.goto(`/organize/${EVENT}/ranking`);
  const rankingFilters = page.getByRole("search", { name: "Filter the ranking" });
  await rankingFilters.getByLabel("Tag").selectOption({ label: TAG });
  await rankingFilters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("2 proposals match these filters.")).toBeVisible();
  const ranked = page.getByRole("rowheader");
  await expect(ranked).toHaveCount(2);
  await expect(ranked.filter({ hasText: FIRST })).toHaveCount(1);
  await expect(ranked.filter({ hasText: SECOND })).toHaveCount(1);

  // Found by a word of its abstract (a prefix is enough), with the tag filter cleared.
  await page.goto(`/organize/${EVENT}/ranking`);
  await rankingFilters.getByLabel("Search").fill(ONLY_FIRST.slice(0, -2));
  await rankingFilters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("1 proposal matches these filters.")).toBeVisible();
  await expect(page.getByRole("rowheader")).toHaveCount(1);
  await expect(page.getByRole("rowheader")).toContainText(FIRST);
  await expectNoSeriousA11yViolations(page);
});
