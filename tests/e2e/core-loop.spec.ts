import { expect, test } from "./support/fixtures";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { uniqueEmail } from "./support/data";

const TITLE = "Fearless FFI: calling C from Rust without tears";

// The core loop across three people, each in their own browser context:
// a new speaker submits, a reviewer scores, the organizer accepts, the speaker sees it.
test("speaker submits, reviewer scores, organizer decides and publishes, speaker confirms", async ({ demo, pageAs }) => {
  const EVENT = demo.slug;
  const speaker = await pageAs(uniqueEmail("new.speaker"));

  await speaker.goto(`/events/${EVENT}`);
  await expectNoSeriousA11yViolations(speaker);
  await speaker.getByRole("link", { name: "Submit a proposal" }).click();
  await expectNoSeriousA11yViolations(speaker);
  await speaker.getByLabel("Title").fill(TITLE);
  await speaker.getByLabel("Abstract").fill("We wrap a C library **safely**: `bindgen`, ownership at the boundary, and testing with Miri.");
  await speaker.getByLabel("Session type").selectOption({ label: "Talk (30 min)" });
  await speaker.getByRole("radio", { name: "Intermediate" }).check();
  await speaker.getByRole("button", { name: "Submit proposal" }).click();
  await expect(speaker.getByText("Submitted", { exact: true }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(speaker);

  const reviewer = await pageAs(demo.user("Ravi Menon"));
  await reviewer.goto(`/review/${EVENT}`);
  await expectNoSeriousA11yViolations(reviewer);
  await reviewer.getByRole("link", { name: TITLE }).click();
  await expect(reviewer.getByRole("heading", { name: TITLE })).toBeVisible();
  await expect(reviewer.locator("strong", { hasText: "safely" })).toBeVisible(); // markdown rendered
  await expectNoSeriousA11yViolations(reviewer);
  for (const criterion of ["Relevance", "Clarity", "Originality"]) {
    await reviewer
      .getByRole("group", { name: new RegExp(`^${criterion}`) })
      .getByRole("radio", { name: "4", exact: true })
      .check();
  }
  await reviewer.getByLabel("Comment").fill("Practical and well scoped.");
  await reviewer.getByRole("button", { name: "Save review" }).click();
  await expect(reviewer.getByText("Review saved")).toBeVisible();

  const organizer = await pageAs(demo.user("Olivia Laurent"));
  await organizer.goto(`/organize/${EVENT}`);
  await expectNoSeriousA11yViolations(organizer);
  const row = organizer.getByRole("row", { name: new RegExp(TITLE) });
  await expect(row).toContainText("4.0 of 5");
  await row.getByRole("link", { name: TITLE }).click();
  await expectNoSeriousA11yViolations(organizer);
  // Deciding is internal: the speaker still sees "Submitted" until it is published.
  await organizer.getByRole("radio", { name: "Accept" }).check();
  await organizer.getByRole("button", { name: "Save decision" }).click();
  await expect(organizer.getByText("Accept (not published)")).toBeVisible();
  await speaker.goto("/speaker");
  await expect(speaker.getByRole("row", { name: new RegExp(TITLE) })).toContainText("Submitted");

  await organizer.getByRole("button", { name: "Publish this decision" }).click();
  await expect(organizer.getByText("published to their speakers")).toBeVisible();

  await speaker.goto("/speaker");
  const mine = speaker.getByRole("row", { name: new RegExp(TITLE) });
  await expect(mine).toContainText("Accepted");
  await expectNoSeriousA11yViolations(speaker);
  await mine.getByRole("link", { name: TITLE }).click();
  await expect(speaker.getByRole("heading", { name: "Accepted: please confirm" })).toBeVisible();
  await speaker.getByRole("button", { name: "Confirm: I will give this talk" }).click();
  await expect(speaker.getByRole("heading", { name: "Confirmed: see you there" })).toBeVisible();
});
