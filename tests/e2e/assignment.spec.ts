import { type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { escapeRegExp } from "./support/data";
import { createDemo, type Demo } from "./support/demo";

// The seeded event: 3 reviewers, N = 3, and Rosa Jiménez ("Linkwerk GmbH") flagged
// with speaker Jonas Weber ("Linkwerk"), so Jonas's proposal has only two eligible reviewers.
const JONAS_TITLE = "LTO in the wild: lessons from upstreaming link-time optimization";
const SAM_TITLE = "Four implementations of Option::as_slice";

const sections = (page: Page) => page.getByRole("navigation", { name: `${EVENT_NAME} sections` });
const rowOf = (page: Page, text: string) => page.getByRole("row", { name: new RegExp(escapeRegExp(text)) });

/**
 * "Run automatic assignment…" opens the confirmation: the server's dry run says how many assignments, lists the
 * reviewers it emails and shows one email; confirming runs exactly that plan and says what it did.
 */
async function runAssignment(page: Page) {
  const coverage = page.getByRole("region", { name: "Coverage" });
  await coverage.getByRole("link", { name: "Run automatic assignment…" }).click();
  const confirm = coverage.getByRole("region", { name: "Run automatic assignment?" });
  await expect(confirm.getByRole("heading", { name: "Run automatic assignment?" })).toBeFocused();
  const status = confirm.getByRole("status");
  const button = confirm.getByRole("button", { name: /^Assign and email \d+ reviewers?$/ });
  if ((await confirm.getByText("No new assignments are needed or possible.").count()) > 0) {
    await expect(button).toHaveCount(0);
    return { coverage, confirm, status, added: false };
  }
  const recipients = confirm.getByRole("table", { name: "Reviewers who will be emailed" }).getByRole("row");
  const emailed = (await recipients.count()) - 1;
  await expect(
    confirm.getByText(new RegExp(`^Adds \\d+ assignments? for ${emailed} reviewers?; each of them gets one email now\\.`)),
  ).toBeVisible();
  await expect(button).toHaveText(`Assign and email ${emailed} ${emailed === 1 ? "reviewer" : "reviewers"}`);
  await expect(confirm.locator(".mail")).toContainText(`callbackUrl=${encodeURIComponent(`/review/${EVENT}`)}`);
  await expectNoSeriousA11yViolations(page);
  await button.click();
  await expect(status).toContainText(/now ha(s|ve) 3 reviewers/);
  return { coverage, confirm, status, added: true };
}

// In order: each step starts where the previous one left the shared database.
// The file's own copy of the demo conference, made once for its three steps.
test.describe.configure({ mode: "serial" });
let demo: Demo;
let EVENT: string;
let EVENT_NAME: string;
test.beforeAll(async ({ db }) => {
  demo = await createDemo(db);
  [EVENT, EVENT_NAME] = [demo.slug, demo.name];
});

test("the organizer runs automatic assignment, sees the coverage, and adjusts by hand", async ({ page, signIn }) => {
  await signIn(page, demo.user("Olivia Laurent"));
  await page.goto(`/organize/${EVENT}`);
  await sections(page).getByRole("link", { name: "Assignments" }).click();
  await expect(page).toHaveURL(new RegExp(`/organize/${EVENT}/assignments$`));
  await expect(page.getByRole("heading", { level: 1, name: "Assignments" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A first run: Jonas's proposal cannot reach 3 while Rosa is flagged.
  const { coverage, status } = await runAssignment(page);
  await expect(status).toContainText(/Added \d+ assignments? for [1-3] reviewers?/);
  await expect(status).toContainText("1 proposal cannot reach 3: not enough reviewers without a conflict.");
  await expect(coverage.getByRole("progressbar")).toHaveAttribute("aria-valuetext", /^(\d+) of (\d+) proposals have 3 reviewers$/);
  const jonas = rowOf(page, JONAS_TITLE);
  await expect(jonas).toContainText("2 / 3");
  await expect(jonas).toContainText("No other reviewer can take it.");
  await expectNoSeriousA11yViolations(page);

  // Running again would add nothing: the preview says so and offers nothing to confirm.
  await coverage.getByRole("link", { name: "Close" }).click();
  await expect(status).toHaveCount(0);
  expect((await runAssignment(page)).added).toBe(false);
  await coverage.getByRole("link", { name: "Close" }).click();
  await expect(coverage.getByRole("link", { name: "Run automatic assignment…" })).toBeFocused();

  // By hand: take Ravi off Sam's proposal, and put him back.
  const sam = rowOf(page, SAM_TITLE);
  await sam.getByRole("button", { name: `Remove Ravi Menon from “${SAM_TITLE}”` }).click();
  await expect(sam).toContainText("2 / 3");
  const select = sam.getByRole("combobox", { name: `Add a reviewer to “${SAM_TITLE}”` });
  const raviOption = await select.locator("option", { hasText: "Ravi Menon" }).textContent();
  await select.selectOption({ label: raviOption! });
  await sam.getByRole("button", { name: "Assign" }).click();
  await expect(sam).toContainText("3 / 3");

  // A reviewer's cap: a wrong value is explained next to the field; a good one is saved.
  const ravi = page.getByRole("region", { name: "Reviewers" }).getByRole("row", { name: /^Ravi Menon/ });
  await ravi.locator("summary").click();
  const cap = ravi.getByRole("spinbutton", { name: "Cap" });
  await cap.fill("-1");
  await ravi.getByRole("button", { name: "Save" }).click();
  const capError = "Enter a whole number from 0 to 1000, or leave it empty for no cap.";
  await expect(cap).toHaveAttribute("aria-invalid", "true");
  await expect(ravi.locator(".field-error")).toHaveText(capError);
  await expect(cap).toHaveAccessibleDescription(new RegExp(escapeRegExp(capError)));
  await expect(cap).toHaveValue("-1");
  await expectNoSeriousA11yViolations(page);
  await cap.fill("12");
  await ravi.getByRole("checkbox", { name: "Async & concurrency" }).check();
  await ravi.getByRole("button", { name: "Save" }).click();
  await expect(ravi.getByRole("status")).toHaveText("Saved.");
  await expect(ravi.getByRole("cell").nth(3)).toHaveText("12");
  await expect(ravi.getByRole("cell").nth(4)).toHaveText("Async & concurrency");
});

test("on the conflicts page the organizer dismisses the seeded flag, and declares and removes a conflict", async ({ page, signIn }) => {
  await signIn(page, demo.user("Olivia Laurent"));
  await page.goto(`/organize/${EVENT}/assignments`);
  await sections(page).getByRole("link", { name: "Conflicts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Conflicts" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const flags = page.getByRole("region", { name: "Same company: to check" });
  const flag = flags.getByRole("row", { name: /Rosa Jiménez.*Jonas Weber/ });
  await expect(flag).toContainText("Linkwerk");
  await flag.getByRole("button", { name: "Dismiss the flag for Rosa Jiménez and Jonas Weber" }).click();
  await expect(flags.getByText("Nothing to check")).toBeVisible();
  const onRecord = page.getByRole("region", { name: "Conflicts on record" });
  await expect(onRecord.getByRole("row", { name: /Rosa Jiménez.*Jonas Weber/ })).toContainText("Dismissed: may review");

  // Declaring a conflict by hand: errors next to the fields, then a conflict on record, then removed.
  const declare = page.getByRole("region", { name: "Declare a conflict" });
  await declare.getByRole("button", { name: "Declare conflict" }).click();
  await expect(declare.getByRole("combobox", { name: "Team member" })).toHaveAccessibleDescription("Choose a team member.");
  await expect(declare.getByRole("combobox", { name: "Conflicted with" })).toHaveAccessibleDescription(/Choose a proposal or a speaker\./);
  await expectNoSeriousA11yViolations(page);
  await declare.getByRole("combobox", { name: "Team member" }).selectOption({ label: "Rémi Fontaine" });
  await declare.getByRole("combobox", { name: "Conflicted with" }).selectOption({ label: "Léa Novak" });
  await declare.getByRole("button", { name: "Declare conflict" }).click();
  await expect(declare.getByRole("status")).toContainText("Conflict declared.");
  const remiLea = onRecord.getByRole("row", { name: /Rémi Fontaine.*Léa Novak/ });
  await expect(remiLea).toContainText("Declared by an organizer");
  await expectNoSeriousA11yViolations(page);
  await remiLea.getByRole("button", { name: "Remove the conflict of Rémi Fontaine with Léa Novak" }).click();
  await expect(remiLea).toHaveCount(0);
});

test("with the flag dismissed, a rerun covers every proposal", async ({ page, signIn }) => {
  // Rosa may now review Jonas, and Rémi Léa again.
  await signIn(page, demo.user("Olivia Laurent"));
  await page.goto(`/organize/${EVENT}/assignments`);
  await runAssignment(page);
  await expect(page.getByRole("region", { name: "Coverage" }).getByRole("status")).toContainText("Added 2 assignments for 2 reviewers");
  const bar = page.getByRole("region", { name: "Coverage" }).getByRole("progressbar");
  const [, covered, total] = /^(\d+) of (\d+)/.exec((await bar.getAttribute("aria-valuetext")) ?? "") ?? [];
  expect(covered).toBe(total);
  await expect(rowOf(page, JONAS_TITLE)).toContainText("3 / 3");
  await expect(rowOf(page, JONAS_TITLE)).toContainText("Rosa Jiménez");
  await expectNoSeriousA11yViolations(page);
});
