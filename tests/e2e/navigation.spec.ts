import { expect, test } from "./support/fixtures";
import { addReviewer, createEvent, createUser } from "@/tests/factories";

// Issue 16: the header offers what the person can do. A speaker on no review team sees no "Review";
// a reviewer does; "Organize" appears for organizers (and, in the demo, for anyone, who may create an event).

test("the header offers Review only to people on a review team", async ({ db, pageAs }) => {
  const event = await createEvent(db);
  const reviewer = await addReviewer(db, event);
  const speaker = await createUser(db);

  const asSpeaker = await pageAs(speaker);
  await asSpeaker.goto("/speaker");
  const speakerNav = asSpeaker.getByRole("navigation", { name: "Main" });
  await expect(speakerNav.getByRole("link", { name: "My proposals" })).toBeVisible();
  await expect(speakerNav.getByRole("link", { name: "Review" })).toHaveCount(0);

  const asReviewer = await pageAs(reviewer);
  await asReviewer.goto("/speaker");
  await asReviewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" }).click();
  await expect(asReviewer.getByRole("link", { name: event.name })).toBeVisible();
});
