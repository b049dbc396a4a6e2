import { expect, test } from "./support/fixtures";
import { unique } from "./support/data";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";

// Issue 16: lists showed dates in UTC while detail pages used the event's zone, so a proposal submitted
// at 00:41 in Paris appeared on the day before. Every list now shows the event's calendar day.

// 00:41 on 2 March 2027 in Paris; still 1 March in UTC.
const AFTER_MIDNIGHT_IN_PARIS = new Date("2027-03-01T23:41:00Z");

test("lists show an event's dates on the event's calendar day, as its detail pages do", async ({ db, pageAs }) => {
  const organizer = await createUser(db);
  const event = await createEvent(db, { organizer, timeZone: "Europe/Paris" });
  const reviewer = await addReviewer(db, event);
  const title = `Zero-copy parsing with nom ${unique()}`;
  const proposal = await createProposal(db, { event, title, submittedAt: AFTER_MIDNIGHT_IN_PARIS });
  await db.proposal.update({ where: { id: proposal.id }, data: { updatedAt: AFTER_MIDNIGHT_IN_PARIS } });
  await db.reviewComment.create({
    data: { proposalId: proposal.id, authorId: organizer.id, body: "Late-night note", createdAt: AFTER_MIDNIGHT_IN_PARIS },
  });

  const speaker = await pageAs(proposal.speaker);
  await speaker.goto("/speaker");
  await expect(speaker.getByRole("row", { name: new RegExp(title) })).toContainText("2 Mar 2027");

  const organizing = await pageAs(organizer);
  await organizing.goto(`/organize/${event.slug}`);
  await expect(organizing.getByRole("row", { name: new RegExp(title) })).toContainText("2 Mar 2027");

  const reviewing = await pageAs(reviewer);
  await reviewing.goto(`/review/${event.slug}/${proposal.id}`);
  await expect(reviewing.getByRole("region", { name: "Discussion" })).toContainText("Late-night note");
  await expect(reviewing.getByRole("region", { name: "Discussion" })).toContainText("2 Mar 2027");
});

test("an event page gives the CFP's opening and closing in the event's time and the reader's, and the time left near the close", async ({
  db,
  page,
}) => {
  // The browser runs in Europe/Berlin (playwright.config.ts); the event is in New York.
  const event = await createEvent(db, { timeZone: "America/New_York" });
  const closes = new Date(Date.now() + 2 * 86_400_000 + 3 * 3_600_000 + 30 * 60_000);
  await db.event.update({ where: { id: event.id }, data: { cfpClosesAt: closes } });
  await page.goto(`/events/${event.slug}`);
  const cfp = page.getByRole("region", { name: "Call for papers" });
  const inZone = (zone: string) =>
    new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    }).format(closes);
  await expect(cfp).toContainText(`${inZone("America/New_York")} (America/New_York)`);
  await expect(cfp).toContainText(`${inZone("Europe/Berlin")} your time`);
  await expect(cfp).toContainText(/2 days (3|2) hours left/);
  await expectNoSeriousA11yViolations(page);
});
