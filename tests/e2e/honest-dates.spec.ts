import { expect, test } from "./support/fixtures";
import { unique } from "./support/data";
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
