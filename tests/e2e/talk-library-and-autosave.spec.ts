import { type Dialog, type Page } from "@playwright/test";
import { expect, test, type SignIn } from "./support/fixtures";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { escapeRegExp, expectFieldError, fieldOf, localDateTime, submitProposalAsNewSpeaker, unique, uniqueEmail } from "./support/data";

const LEAVE_MESSAGE = "You have unsaved changes. Leave this page and lose them?";

/** Answers the next dialog (dismiss = stay on the page) and returns its message. */
function answerNextDialog(page: Page, answer: "accept" | "dismiss"): Promise<string> {
  return new Promise((resolve) => {
    page.once("dialog", (d: Dialog) => {
      resolve(d.message());
      void (answer === "accept" ? d.accept() : d.dismiss());
    });
  });
}

/** Fails the test if any dialog opens (nothing unsaved, nothing to ask). */
function forbidDialogs(page: Page) {
  const handler = (d: Dialog) => {
    void d.dismiss();
    throw new Error(`unexpected dialog: ${d.message()}`);
  };
  page.on("dialog", handler);
  return () => page.off("dialog", handler);
}

/** A fresh organizer opens a second call for papers (one session type), through the UI. */
async function openSecondEvent(page: Page, signIn: SignIn, name: string, slug: string) {
  await signIn(page, uniqueEmail("library-organizer"));
  await page.goto("/organize/new");
  await page.getByLabel("Event name").fill(name);
  await page.getByLabel("Slug").fill(slug);
  await page.getByLabel("Description").fill("A second conference, to propose a library talk to.");
  await page.getByLabel("CFP opens").fill(localDateTime(-1));
  await page.getByLabel("CFP closes").fill(localDateTime(30));
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(`/organize/${slug}`);
}

test("a speaker reuses a library talk for a second event: a copy, edited there without changing the first", async ({
  browser,
  demo,
  signIn,
}) => {
  const id = unique();
  const secondName = `Library Conf ${id}`;
  const secondSlug = `library-conf-${id}`;
  await openSecondEvent(await (await browser.newContext()).newPage(), signIn, secondName, secondSlug);

  const page = await (await browser.newContext()).newPage();
  const title = `Reusable talk: property testing with proptest ${id}`;
  const abstract = "Shrinking, strategies and the bugs that example-based tests never find.";
  const { proposalId } = await submitProposalAsNewSpeaker(page, signIn, demo.slug, { title, abstract, speakerName: "library" });

  // The library is in the navigation; the talk says where it went and what happened.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Talk library" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Talk library" })).toBeVisible();
  const card = page.getByRole("region", { name: title });
  await expect(card.getByRole("row", { name: /RustFest Lyon 2027/ })).toContainText("Submitted");
  await expectNoSeriousA11yViolations(page);

  // Propose it to the second event: the form starts from the talk's text.
  await card.getByRole("link", { name: `Propose to ${secondName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${secondSlug}/submit\\?talk=`));
  await expect(page.getByText(`Proposing ${title} from your library`)).toBeVisible();
  const titleInput = page.getByLabel("Title", { exact: true });
  await expect(titleInput).toHaveValue(title);
  await expect(page.getByLabel("Abstract", { exact: true })).toHaveValue(abstract);
  await expect(page.getByRole("radio", { name: "Beginner" })).toBeChecked();
  await expectNoSeriousA11yViolations(page);

  // Tailored for this event, then submitted.
  const tailored = `${title} (short version)`;
  await titleInput.fill(tailored);
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await expect(page).toHaveURL(/\/speaker\/proposals\/[^/?]+\?submitted=1$/);
  await expect(page.getByRole("heading", { level: 1, name: tailored })).toBeVisible();

  // One talk in the library, now at its latest text, proposed to both events.
  await page.goto("/speaker/talks");
  const talk = page.getByRole("region", { name: tailored });
  await expect(talk.getByRole("row", { name: /RustFest Lyon 2027/ })).toContainText("Submitted");
  await expect(talk.getByRole("row", { name: new RegExp(escapeRegExp(secondName)) })).toContainText("Submitted");
  await expect(talk.getByRole("link", { name: `Propose to ${secondName}` })).toHaveCount(0);
  await expect(page.getByRole("region", { name: title, exact: true })).toHaveCount(0);

  // The first event's proposal kept its own title.
  await page.goto(`/speaker/proposals/${proposalId}`);
  await expect(page.getByRole("heading", { level: 1, name: title, exact: true })).toBeVisible();
});

test("a speaker who types a title and a long abstract is warned before “My proposals” drops it, gets it back after leaving, and saves a draft with a title alone", async ({
  page,
  demo,
  signIn,
}) => {
  const EVENT = demo.slug;
  await signIn(page, uniqueEmail("guard"));
  await page.goto(`/events/${EVENT}/submit`);
  const title = `Never lose a word ${unique()}`;
  const abstract = `**Typed with care.** ${"Ownership, borrowing and lifetimes, explained with diagrams. ".repeat(20)}`.trim();
  expect(abstract.length).toBeGreaterThan(1200);
  const titleInput = page.getByLabel("Title", { exact: true });
  const abstractInput = page.getByLabel("Abstract", { exact: true });
  await titleInput.fill(title);
  await abstractInput.fill(abstract);
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  // "My proposals" asks first; staying keeps every word.
  const asked = answerNextDialog(page, "dismiss");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My proposals" }).click();
  expect(await asked).toBe(LEAVE_MESSAGE);
  await expect(page).toHaveURL(new RegExp(`/events/${EVENT}/submit$`));
  await expect(titleInput).toHaveValue(title);
  await expect(abstractInput).toHaveValue(abstract);
  await expect(page.getByText(/^Unsaved changes, kept in this tab at \d\d:\d\d$/)).toBeVisible();

  // Leaving anyway: the text was kept in this tab, and opening the form again puts it back.
  const left = answerNextDialog(page, "accept");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My proposals" }).click();
  expect(await left).toBe(LEAVE_MESSAGE);
  await expect(page).toHaveURL(/\/speaker$/);
  await page.goto(`/events/${EVENT}/submit`);
  await expect(page.getByText(/We put back what you typed here at \d\d:\d\d and had not saved\./)).toBeVisible();
  await expect(titleInput).toHaveValue(title);
  await expect(abstractInput).toHaveValue(abstract);
  await expect(fieldOf(page, abstractInput).locator(".counter")).toContainText(`${abstract.length} / 5000`);

  // The preview is the pages' renderer: Markdown rendered, raw HTML not.
  await abstractInput.fill(`${abstract}\n\n<img src="x" alt="raw html">`);
  await fieldOf(page, abstractInput).getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Abstract preview" });
  await expect(preview.locator("strong")).toHaveText("Typed with care.");
  await expect(preview.locator("img")).toHaveCount(0);
  await abstractInput.fill(abstract);

  // Submitting needs the rest: each message next to its field, nothing typed lost.
  await page.getByRole("button", { name: "Submit proposal" }).click();
  await expectFieldError(page, page.getByLabel("Session type"), "Choose a session type to submit.");
  await expect(page.getByRole("group", { name: "Level" })).toContainText("Choose a level to submit.");
  await expect(abstractInput).toHaveValue(abstract);

  // A draft with only a title saves.
  await abstractInput.fill("");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/speaker\/proposals\/[^/?]+\?saved=1$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Draft saved. It is not submitted yet, so reviewers cannot see it.")).toBeVisible();

  // Nothing unsaved now: leaving asks nothing.
  const allow = forbidDialogs(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My proposals" }).click();
  await expect(page).toHaveURL(/\/speaker$/);
  await expect(page.getByRole("row", { name: new RegExp(escapeRegExp(title)) })).toContainText("Draft");
  allow();
});

test("on the review page, J with picked but unsaved scores asks first, and the scores are kept in the tab", async ({
  browser,
  demo,
  signIn,
}) => {
  const EVENT = demo.slug;
  for (const n of [1, 2]) {
    const speaker = await (await browser.newContext()).newPage();
    await submitProposalAsNewSpeaker(speaker, signIn, EVENT, {
      title: `Unsaved scores stay, part ${n} ${unique()}`,
      abstract: "Review forms that do not forget.",
      speakerName: `guard-review${n}`,
    });
  }
  const page = await (await browser.newContext()).newPage();
  await signIn(page, demo.user("Rosa Jiménez"));
  await page.goto(`/review/${EVENT}`);
  await page.getByRole("link", { name: "Review next" }).click();
  await expect(page).toHaveURL(new RegExp(`/review/${EVENT}/[^/?]+$`));
  const here = page.url();

  const relevance = page.getByRole("group", { name: /^Relevance/ }).getByRole("radio", { name: "4", exact: true });
  await relevance.check();
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  // J asks; staying keeps the score.
  let asked = answerNextDialog(page, "dismiss");
  await page.keyboard.press("j");
  expect(await asked).toBe(LEAVE_MESSAGE);
  await expect(page).toHaveURL(here);
  await expect(relevance).toBeChecked();

  // J again, choosing to leave: the next proposal.
  asked = answerNextDialog(page, "accept");
  await page.keyboard.press("j");
  expect(await asked).toBe(LEAVE_MESSAGE);
  await expect(page).not.toHaveURL(here);

  // Coming back, the picked score is there again, until discarded.
  await page.goto(here);
  await expect(page.getByText(/We put back what you typed here at/)).toBeVisible();
  await expect(relevance).toBeChecked();
  await page.getByRole("button", { name: "Discard what was put back" }).click();
  await expect(relevance).not.toBeChecked();
  await expect(page.getByText("Unsaved changes")).toHaveCount(0);
});
