import { type Page } from "@playwright/test";
import { createEvent, createProposal } from "@/tests/factories";
import { makeResponseToken } from "@/lib/lifecycle/response-token";
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

  // "Publish all" asks first: the server's dry run lists each proposal, its decision and who is emailed, and shows the emails.
  const publishAll = organizer.getByRole("link", { name: /^Publish all \d+ decisions…$/ });
  await publishAll.click();
  const confirmPublish = organizer.getByRole("region", { name: /^Publish \d+ decisions\?$/ });
  await expect(confirmPublish.getByRole("heading", { name: /^Publish \d+ decisions\?$/ })).toBeFocused();
  const previewRow = (speaker: Speaker) => confirmPublish.getByRole("row", { name: new RegExp(escapeRegExp(speaker.title)) });
  await expect(previewRow(confirmer)).toContainText("Accept");
  await expect(previewRow(confirmer)).toContainText(confirmer.email);
  await expect(previewRow(waiting)).toContainText("Waitlist");
  await expect(previewRow(decliner)).toContainText("Accept");
  await expect(confirmPublish.getByText("Example: the acceptance email", { exact: false })).toBeVisible();
  // The acceptance email as the speaker gets it, without their personal confirmation link.
  await expect(confirmPublish.locator(".mail").first()).toContainText("/respond/[the speaker's personal link]");
  await expectNoSeriousA11yViolations(organizer);
  // Escape cancels and gives focus back to the button; nothing was published.
  await organizer.keyboard.press("Escape");
  await expect(confirmPublish).toHaveCount(0);
  await expect(publishAll).toBeFocused();
  await publishAll.press("Enter");
  await confirmPublish.getByRole("button", { name: /^Publish \d+ and email the speakers$/ }).click();
  await expect(confirmPublish.getByRole("status")).toContainText(
    /^\d+ proposals published to their speakers\. Their speakers are being emailed\.$/,
  );
  await expect(confirmPublish.getByRole("heading", { name: /^Publish \d+ decisions\?$/ })).toBeVisible();
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
  await decliner.page.getByRole("link", { name: "Decline…" }).click();
  const confirmDecline = decliner.page.getByRole("region", { name: "Decline this talk?" });
  await expect(confirmDecline.getByRole("heading", { name: "Decline this talk?" })).toBeFocused();
  await expect(confirmDecline).toContainText("Your slot goes to a talk on the waitlist.");
  await expectNoSeriousA11yViolations(decliner.page);
  await confirmDecline.getByRole("button", { name: "Decline: give my slot to someone else" }).click();
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

test("promoting the best waitlisted talk shows the talk, its speakers and the email first, and says what it did", async ({
  db,
  pageAs,
}) => {
  const event = await createEvent(db);
  await db.event.update({ where: { id: event.id }, data: { holdOutbox: true } });
  const title = `LTO in the wild ${unique()}`;
  const best = await createProposal(db, { event, status: "waitlisted", title });
  const next = await createProposal(db, { event, status: "waitlisted" });
  await db.proposalStats.create({ data: { proposalId: best.id, eventId: event.id, reviewCount: 3, avgScore: 0.9 } });
  await db.proposalStats.create({ data: { proposalId: next.id, eventId: event.id, reviewCount: 3, avgScore: 0.5 } });
  const organizer = await pageAs(event.organizer);

  await organizer.goto(`/organize/${event.slug}/decisions`);
  await organizer.getByRole("link", { name: /^Promote the best .+…$/ }).click();
  const confirm = organizer.getByRole("region", { name: `Promote “${title}”?` });
  await expect(confirm.getByRole("heading", { name: `Promote “${title}”?` })).toBeFocused();
  await expect(confirm).toContainText(`${best.speaker.name} <${best.speaker.email}>`);
  await expect(confirm).toContainText("the email waits in the outbox");
  await expect(confirm.locator(".mail")).toContainText(title);
  await expect(confirm.locator(".mail")).toContainText("/respond/[the speaker's personal link]");
  await expectNoSeriousA11yViolations(organizer);

  await confirm.getByRole("button", { name: "Promote and email the speakers" }).click();
  await expect(confirm.getByRole("status")).toHaveText(`Promoted “${title}” (${best.speaker.name}); the email is held in the outbox.`);
  await expect(organizer.getByRole("region", { name: /Waiting for the speakers/ }).getByRole("link", { name: title })).toBeVisible();
  await confirm.getByRole("link", { name: "Close" }).click();
  await expect(confirm).toHaveCount(0);
});

test("a confirmation refuses when the waitlist changed after its preview, and works without JavaScript", async ({ db, pageAs }) => {
  const event = await createEvent(db);
  const title = `Async drop ${unique()}`;
  const best = await createProposal(db, { event, status: "waitlisted", title });
  const next = await createProposal(db, { event, status: "waitlisted" });
  await db.proposalStats.create({ data: { proposalId: best.id, eventId: event.id, reviewCount: 3, avgScore: 0.9 } });
  await db.proposalStats.create({ data: { proposalId: next.id, eventId: event.id, reviewCount: 3, avgScore: 0.5 } });
  const organizer = await pageAs(event.organizer, { javaScriptEnabled: false });

  await organizer.goto(`/organize/${event.slug}/decisions`);
  await organizer.getByRole("link", { name: /^Promote the best .+…$/ }).click();
  const confirm = organizer.getByRole("region", { name: `Promote “${title}”?` });
  await expect(confirm).toBeVisible();
  // Meanwhile the other talk becomes the best.
  await db.proposalStats.update({ where: { proposalId: next.id }, data: { avgScore: 0.99 } });
  await confirm.getByRole("button", { name: "Promote and email the speakers" }).click();
  await expect(organizer.getByRole("status").filter({ hasText: "The waitlist changed since this preview was made" })).toBeVisible();
  expect((await db.proposal.findUniqueOrThrow({ where: { id: best.id } })).status).toBe("WAITLISTED");
  expect((await db.proposal.findUniqueOrThrow({ where: { id: next.id } })).status).toBe("WAITLISTED");
  // The page now previews the new best talk; confirming promotes exactly that one.
  const fresh = organizer.getByRole("region", { name: /^Promote “.+”\?$/ });
  await fresh.getByRole("button", { name: "Promote and email the speakers" }).click();
  await expect(organizer.getByRole("status").filter({ hasText: /^Promoted “/ })).toBeVisible();
  expect((await db.proposal.findUniqueOrThrow({ where: { id: next.id } })).status).toBe("ACCEPTED");
  expect((await db.proposal.findUniqueOrThrow({ where: { id: best.id } })).status).toBe("WAITLISTED");
});

test("declining from the emailed link, signed out, goes through the same confirmation", async ({ db, pageAs }) => {
  // The server's secret (start-server.mjs), so the link made here is a live one.
  process.env.AUTH_SECRET ||= "e2e-secret-not-for-production-4f9c2a7b1d8e6f30";
  const event = await createEvent(db);
  const proposal = await createProposal(db, { event, status: "accepted", title: `Const generics in anger ${unique()}` });
  const token = makeResponseToken({ proposalId: proposal.id, userId: proposal.speaker.id, expiresAt: new Date(Date.now() + 86_400_000) });
  const page = await pageAs(null);

  await page.goto(`/respond/${token}`);
  const decline = page.getByRole("link", { name: "Decline…" });
  await decline.click();
  const confirm = page.getByRole("region", { name: "Decline this talk?" });
  await expect(confirm.getByRole("heading", { name: "Decline this talk?" })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await confirm.getByRole("link", { name: "Cancel" }).click();
  await expect(decline).toBeFocused();
  expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("ACCEPTED");

  await decline.click();
  await confirm.getByRole("button", { name: "Decline: give my slot to someone else" }).click();
  await expect(confirm.getByRole("status")).toHaveText("Thank you for letting us know: your talk is declined.");
  await expect(page.getByRole("button", { name: "Confirm: I will give this talk" })).toHaveCount(0);
  expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("DECLINED");
});
