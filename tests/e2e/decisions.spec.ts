import { type Page } from "@playwright/test";
import { expect, test, type PageAs, type SignIn } from "./support/fixtures";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { escapeRegExp, submitProposalAsNewSpeaker, unique } from "./support/data";

// The decisions cycle across five people: three new speakers submit; the
// organizer marks two accepted and one waitlisted (speakers see nothing),
// turns on automatic promotion and publishes; one speaker confirms from the
// emailed link, signed out; the other declines in the app; the waitlisted
// talk takes the freed slot. All specs share one database: every title is
// unique and every assertion is about these three proposals.

type Speaker = { page: Page; email: string; proposalId: string; title: string };

async function newSpeaker(pageAs: PageAs, signIn: SignIn, event: string, label: string, run: string): Promise<Speaker> {
  const page = await pageAs(null);
  const title = `Decisions ${run} ${label}: ownership across FFI boundaries`;
  const { email, proposalId } = await submitProposalAsNewSpeaker(page, signIn, event, {
    title,
    abstract: `Talk ${label} of the decisions scenario: what the borrow checker cannot see when C calls back into Rust.`,
    speakerName: `decisions-${label.toLowerCase()}`,
  });
  return { page, email, proposalId, title };
}

/** The card that says where a proposal stands, on the speaker's page. */
async function expectSpeakerSees(speaker: Speaker, headline: string) {
  await speaker.page.goto(`/speaker/proposals/${speaker.proposalId}`);
  await expect(speaker.page.getByRole("heading", { level: 2, name: headline, exact: true })).toBeVisible();
}

/** The newest message of one kind to one address, read on the demo mailbox as a person would. */
async function readMail(page: Page, to: string, subject: RegExp): Promise<string> {
  await page.goto(`/mailbox?to=${encodeURIComponent(to)}`);
  const message = page.getByRole("article", { name: subject }).first();
  await expect(message).toBeVisible();
  return message.getByTestId("mail-body").innerText();
}

test("organizers decide in private, publish, and the waitlist fills a declined slot", async ({ demo, pageAs, signIn }) => {
  test.setTimeout(240_000);
  const EVENT = demo.slug;
  const run = unique();
  const confirmer = await newSpeaker(pageAs, signIn, EVENT, "A", run); // accepted in bulk, confirms by link
  const waiting = await newSpeaker(pageAs, signIn, EVENT, "B", run); // waitlisted in bulk, promoted
  const decliner = await newSpeaker(pageAs, signIn, EVENT, "C", run); // accepted on its page, declines in the app

  const organizer = await pageAs(demo.user("Olivia Laurent"));
  const list = `/organize/${EVENT}?sort=submitted&dir=desc`;
  const bulk = async (speaker: Speaker, operation: string, done: string) => {
    await organizer.goto(list);
    await organizer.getByRole("checkbox", { name: `Select “${speaker.title}”` }).check();
    await organizer.getByLabel("With the selected proposals").selectOption({ label: operation });
    await organizer.getByRole("button", { name: "Apply" }).click();
    await expect(organizer.getByRole("status").filter({ hasText: done })).toBeVisible();
  };
  await bulk(confirmer, "Mark accepted", "1 proposal marked accepted (not published yet).");
  await bulk(waiting, "Mark waitlisted", "1 proposal marked waitlisted (not published yet).");
  await organizer.goto(list);
  await expect(organizer.getByRole("row", { name: new RegExp(escapeRegExp(confirmer.title)) })).toContainText("Accept (not published)");
  await expect(organizer.getByRole("row", { name: new RegExp(escapeRegExp(waiting.title)) })).toContainText("Waitlist (not published)");

  await organizer.getByRole("link", { name: decliner.title }).click();
  await expect(organizer.getByRole("heading", { level: 1, name: decliner.title })).toBeVisible();
  await organizer.getByRole("radio", { name: "Accept" }).check();
  await organizer.getByRole("button", { name: "Save decision" }).click();
  await expect(organizer.getByRole("status").filter({ hasText: "1 proposal marked accepted (not published yet)." })).toBeVisible();
  await expect(organizer.getByText("Accept (not published)")).toBeVisible();

  // Nothing is published yet: every speaker still sees "Submitted", and no decision email went out.
  for (const speaker of [confirmer, waiting, decliner]) {
    await expectSpeakerSees(speaker, "Submitted");
    await expect(speaker.page.getByRole("main").getByRole("list").filter({ hasText: "Event:" }).locator(".badge")).toHaveText("Submitted");
  }
  await organizer.goto(`/mailbox?to=${encodeURIComponent(confirmer.email)}`);
  await expect(organizer.getByRole("article", { name: /Accepted:/ })).toHaveCount(0);

  await organizer.goto(`/organize/${EVENT}/decisions`);
  await expectNoSeriousA11yViolations(organizer);
  await organizer.getByLabel(/Promote automatically/).check();
  await organizer.getByRole("button", { name: "Save decision settings" }).click();
  await expect(organizer.getByRole("status").filter({ hasText: "Decision settings saved." })).toBeVisible();
  await organizer.reload();
  await expect(organizer.getByLabel(/Promote automatically/)).toBeChecked();

  await organizer.getByRole("button", { name: /^Publish all \d+ decisions$/ }).click();
  await expect(organizer.getByRole("status").filter({ hasText: /published to their speakers/ })).toBeVisible();
  const awaiting = organizer.getByRole("region", { name: /Waiting for the speakers/ });
  await expect(awaiting.getByRole("link", { name: confirmer.title })).toBeVisible();
  await expect(awaiting.getByRole("link", { name: decliner.title })).toBeVisible();
  await expect(organizer.getByRole("region", { name: /^Waitlist/ }).getByRole("link", { name: waiting.title })).toBeVisible();
  await expectNoSeriousA11yViolations(organizer);

  await expectSpeakerSees(waiting, "On the waitlist");

  // The first speaker confirms from the link in the acceptance email, signed out.
  const signedOut = await pageAs(null);
  const acceptance = await readMail(signedOut, confirmer.email, /Accepted:/);
  const link = /https?:\/\/\S+\/respond\/\S+/.exec(acceptance)?.[0];
  expect(link, "the acceptance email carries a /respond/ link").toBeTruthy();
  await signedOut.goto(link!);
  await expect(signedOut.getByRole("heading", { level: 1, name: confirmer.title })).toBeVisible();
  await expect(signedOut.getByRole("heading", { name: "Accepted: please confirm" })).toBeVisible();
  await expect(signedOut.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(signedOut);
  await signedOut.getByRole("button", { name: "Confirm: I will give this talk" }).click();
  await expect(signedOut.getByRole("status").filter({ hasText: "Thank you: your talk is confirmed." })).toBeVisible();
  await expect(signedOut.getByRole("heading", { name: "Confirmed: see you there" })).toBeVisible();
  await expect(signedOut.getByRole("button", { name: "Confirm: I will give this talk" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(signedOut);
  await expectSpeakerSees(confirmer, "Confirmed: see you there");

  // The other accepted speaker declines in the app.
  await expectSpeakerSees(decliner, "Accepted: please confirm");
  await expectNoSeriousA11yViolations(decliner.page);
  await decliner.page.getByRole("button", { name: "Decline" }).click();
  await expect(decliner.page.getByText("Tick the box to decline: your slot will go to someone else.")).toBeVisible();
  await decliner.page.getByLabel(/Yes, I cannot give this talk/).check();
  await decliner.page.getByRole("button", { name: "Decline" }).click();
  await expect(decliner.page.getByRole("heading", { level: 2, name: "You declined" })).toBeVisible();

  // Automatic promotion gave the slot to the waitlisted talk, and told its speaker.
  await expectSpeakerSees(waiting, "Accepted: please confirm");
  await expectNoSeriousA11yViolations(waiting.page);
  const promotion = await readMail(waiting.page, waiting.email, /A slot opened:/);
  expect(promotion).toContain(waiting.title);
  expect(promotion).toMatch(/\/respond\/\S+/);

  await organizer.goto(`/organize/${EVENT}/decisions`);
  await expect(organizer.getByRole("region", { name: /^Confirmed/ }).getByRole("link", { name: confirmer.title })).toBeVisible();
  await expect(organizer.getByRole("region", { name: /^Confirmed/ }).getByRole("link", { name: decliner.title })).toBeVisible(); // under "Declined"
  await expect(awaiting.getByRole("link", { name: waiting.title })).toBeVisible();
});

test("an organizer publishes one decision from the proposal's page and is told it was published", async ({ demo, pageAs, signIn }) => {
  test.setTimeout(120_000);
  const EVENT = demo.slug;
  const speaker = await newSpeaker(pageAs, signIn, EVENT, "D", unique());
  const organizer = await pageAs(demo.user("Olivia Laurent"));

  await organizer.goto(`/organize/${EVENT}/proposals/${speaker.proposalId}`);
  await organizer.getByRole("radio", { name: "Accept" }).check();
  await organizer.getByRole("button", { name: "Save decision" }).click();
  await expect(organizer.getByRole("status").filter({ hasText: "1 proposal marked accepted (not published yet)." })).toBeVisible();
  await expectSpeakerSees(speaker, "Submitted");

  await organizer.getByRole("button", { name: "Publish this decision" }).click();
  await expect(organizer.getByRole("status").filter({ hasText: "1 proposal published to their speakers." })).toBeVisible();
  await expect(organizer.getByText("This proposal can no longer be decided on.")).toBeVisible();
  await expect(organizer.getByRole("main").locator(".badge")).toHaveText(["Accepted"]);
  await expectNoSeriousA11yViolations(organizer);
  await expectSpeakerSees(speaker, "Accepted: please confirm");
});
