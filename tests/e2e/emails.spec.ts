import { type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import type { Db } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/outbox";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expectFieldError, expectNoHorizontalScroll, unique } from "./support/data";
import type { Demo } from "./support/demo";

const MARA_TITLE = "Why is coordination expensive? Down to the cache line";
const run = unique();
const HELD_SUBJECT = `Held for review ${run}`;
const FAILED_SUBJECT = `Bounced ${run}`;
const FAILED_ERROR = "550 5.1.1 Mailbox unavailable";
// The email's HTML part, in a frame sandboxed without scripts: axe cannot run
// inside such a frame (its timers never fire), so the scan leaves it out; the
// frame itself has a title, checked by the locator that finds it.
const HTML_FRAME = 'iframe[title="HTML version of the email"]';

// The demo event sends at once and its seed writes no email: this spec puts
// one held and one failed message of the event in the outbox, as a held
// decision and a bounced one would leave them.
/** A held message and a failed one in the event's outbox. */
async function plantOutbox(db: Db, demo: Demo) {
  const proposalId = (await db.proposal.findFirstOrThrow({ where: { eventId: demo.event.id }, orderBy: { id: "asc" } })).id;
  const event = demo.event;
  await db.$transaction((tx) =>
    enqueueEmail(tx, {
      to: `held-${run}@example.org`,
      subject: HELD_SUBJECT,
      text: "Hi,\n\nYour talk is in!",
      kind: "accepted",
      eventId: event.id,
      proposalId,
      hold: true,
    }),
  );
  await db.outboxEmail.create({
    data: {
      to: `bounced-${run}@example.org`,
      subject: FAILED_SUBJECT,
      text: "Hi",
      kind: "rejected",
      eventId: event.id,
      proposalId,
      status: "FAILED",
      attempts: 5,
      lastError: FAILED_ERROR,
    },
  });
}

async function openEmails(page: Page, EVENT: string, query = "") {
  await page.goto(`/organize/${EVENT}/emails${query}`);
  await expect(page.getByRole("heading", { level: 1, name: "Emails" })).toBeVisible();
}

function editor(page: Page) {
  return {
    subject: page.getByLabel("Subject", { exact: true }),
    body: page.getByLabel("Body", { exact: true }),
    proposal: page.getByLabel("Preview with the proposal"),
    preview: page.getByRole("button", { name: "Preview changes" }),
    save: page.getByRole("button", { name: "Save template" }),
    previewSubject: page.getByTestId("preview-subject"),
    previewText: page.getByTestId("preview-text"),
  };
}

async function openAcceptedEditor(page: Page, EVENT: string) {
  await page.goto(`/organize/${EVENT}/emails/accepted`);
  await expect(page.getByRole("heading", { level: 1, name: "“Accepted” email" })).toBeVisible();
}

test("without SMTP_URL the email pages say that nothing is sent and messages wait in the outbox", async ({ page, demo, signIn }) => {
  // The e2e server runs without SMTP_URL, as the demo does.
  const EVENT = demo.slug;
  await signIn(page, demo.user("Olivia Laurent"));
  await openEmails(page, EVENT);
  const banner = page.getByRole("note").filter({ hasText: "Email delivery is not configured" });
  await expect(banner).toContainText("every message waits in the outbox");
  await expect(page.getByText("sent as soon as they are written")).toHaveCount(0);
  await openAcceptedEditor(page, EVENT);
  await expect(page.getByRole("note").filter({ hasText: "Email delivery is not configured" })).toBeVisible();
});

test("the organizer edits the acceptance email, previews it with a real proposal, saves it, then resets it", async ({
  page,
  demo,
  signIn,
}) => {
  const [EVENT, EVENT_NAME] = [demo.slug, demo.name];
  await signIn(page, demo.user("Olivia Laurent"));
  await openEmails(page, EVENT);
  await expect(page.getByRole("navigation", { name: `${EVENT_NAME} sections` }).getByRole("link", { name: "Emails" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const acceptedRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Accepted", exact: true }) });
  await expect(acceptedRow).toContainText("Default");
  await expectNoSeriousA11yViolations(page);

  await acceptedRow.getByRole("link", { name: "Accepted", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "“Accepted” email" })).toBeVisible();
  const placeholders = page.getByRole("region", { name: "Placeholders" });
  for (const p of ["{speaker_name}", "{talk_title}", "{event_name}", "{confirm_url}", "{deadline}"])
    await expect(placeholders).toContainText(p);
  // Before any change, the page shows the default wording with a real proposal.
  const f = editor(page);
  await expect(f.previewSubject).toContainText(`at ${EVENT_NAME}`);

  await f.proposal.selectOption({ label: MARA_TITLE });
  await f.subject.fill("You're in: {talk_title} at {event_name}");
  await f.body.fill("Hello {speaker_name},\n\n“{talk_title}” made it into {event_name}. Please confirm here: {confirm_url}");
  await f.preview.click();

  await expect(page.getByRole("heading", { name: "Preview of your changes (not saved)" })).toBeVisible();
  await expect(f.previewSubject).toHaveText(`You're in: ${MARA_TITLE} at ${EVENT_NAME}`);
  await expect(f.previewText).toContainText(`Hello Mara Chen,\n\n“${MARA_TITLE}” made it into ${EVENT_NAME}.`);
  await expect(f.previewText).toContainText("/respond/example-link-for-the-preview-only");
  await expect(page.frameLocator(HTML_FRAME).getByRole("link")).toHaveText(/\/respond\/example-link-for-the-preview-only$/);
  await expect(f.subject).toHaveValue("You're in: {talk_title} at {event_name}"); // the draft is still there
  await expectNoSeriousA11yViolations(page, { exclude: [HTML_FRAME] });
  await expectNoHorizontalScroll(page);

  await f.save.click();
  await expect(page.getByRole("status")).toContainText("Template saved.");
  await expect(f.subject).toHaveValue("You're in: {talk_title} at {event_name}");
  await expect(page.getByRole("heading", { name: "Preview", exact: true })).toBeVisible();
  await expect(f.previewSubject).toHaveText(`You're in: ${MARA_TITLE} at ${EVENT_NAME}`); // the saved wording, for the chosen proposal
  await openEmails(page, EVENT);
  await expect(acceptedRow).toContainText("Customized");

  // Back to the default wording (which also leaves the shared e2e database as the seed made it).
  await openAcceptedEditor(page, EVENT);
  await page.getByRole("button", { name: "Reset to the default wording" }).click();
  await expect(page.getByRole("status")).toContainText("Back to the default wording.");
  await expect(editor(page).subject).toHaveValue("Accepted: {talk_title} at {event_name}");
  await expect(page.getByRole("button", { name: "Reset to the default wording" })).toHaveCount(0);
});

test("a placeholder the message does not have is refused next to its field, and the text is kept", async ({ page, demo, signIn }) => {
  const EVENT = demo.slug;
  await signIn(page, demo.user("Olivia Laurent"));
  await openAcceptedEditor(page, EVENT);
  const f = editor(page);
  const subject = "Accepted: {talk_tittle}";
  const body = "Hello {speakername}, see you at {event_name}.";
  await f.subject.fill(subject);
  await f.body.fill(body);
  await f.save.click();

  await expectFieldError(page, f.subject, /Unknown placeholder: \{talk_tittle\}\. This message can use \{speaker_name\}/);
  await expectFieldError(page, f.body, /Unknown placeholder: \{speakername\}\. This message can use \{speaker_name\}/);
  await expect(f.subject).toHaveValue(subject);
  await expect(f.body).toHaveValue(body);
  await expect(page.getByRole("status")).toContainText("placeholders that this kind of message does not have");

  await page.reload(); // nothing was saved
  await expect(editor(page).subject).toHaveValue("Accepted: {talk_title} at {event_name}");
});

test("the outbox lists the event's messages; the organizer releases a held one and retries a failed one", async ({
  page,
  demo,
  signIn,
  db,
}) => {
  const EVENT = demo.slug;
  await plantOutbox(db, demo);
  await signIn(page, demo.user("Olivia Laurent"));
  await openEmails(page, EVENT);
  const outbox = page.getByRole("region", { name: "Outbox" });
  const tabs = page.getByRole("navigation", { name: "Outbox by status" });
  await expect(outbox.getByRole("row").filter({ hasText: HELD_SUBJECT })).toContainText("Held");
  const failedRow = outbox.getByRole("row").filter({ hasText: FAILED_SUBJECT });
  await expect(failedRow).toContainText(FAILED_ERROR);
  await expect(failedRow).toContainText("Failed");

  await tabs.getByRole("link", { name: /^Held \(\d+\)$/ }).click();
  await expect(tabs.getByRole("link", { name: /^Held/ })).toHaveAttribute("aria-current", "page");
  await expectNoSeriousA11yViolations(page);
  await expectNoHorizontalScroll(page);
  await page.getByRole("checkbox", { name: `Select the message to held-${run}@example.org: ${HELD_SUBJECT}` }).check();
  await page.getByRole("button", { name: "Release selected" }).click();
  await expect(page.getByRole("status")).toContainText("1 message released for sending.");
  await expect(outbox.getByRole("row").filter({ hasText: HELD_SUBJECT })).toHaveCount(0);

  await tabs.getByRole("link", { name: /^Queued/ }).click();
  await expect(outbox.getByRole("row").filter({ hasText: HELD_SUBJECT })).toContainText("Queued");

  await tabs.getByRole("link", { name: /^Failed/ }).click();
  const failed = outbox.getByRole("row").filter({ hasText: FAILED_SUBJECT });
  await expect(failed).toContainText("5");
  await failed.getByRole("button", { name: `Retry the message to bounced-${run}@example.org` }).click();
  await expect(page.getByRole("status")).toContainText("Queued again.");
  await expect(failed).toHaveCount(0);
  await tabs.getByRole("link", { name: /^Queued/ }).click();
  await expect(outbox.getByRole("row").filter({ hasText: FAILED_SUBJECT })).toContainText("Queued");
  await expectNoSeriousA11yViolations(page);
});
