import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";
import { setupChecklist } from "@/lib/events/setup-checklist";
import { expectRefused } from "./helpers";

// Issue 16: after creating an event, a checklist leads the organizers through its setup.

const getDb = useTestDb();
const doneKeys = (steps: { key: string; done: boolean }[]) => steps.filter((s) => s.done).map((s) => s.key);

describe("the setup checklist of a new event", () => {
  it("follows the event as the organizers set it up, step by step", async () => {
    const db = getDb();
    const event = await createEvent(db, { description: "" });
    const me = signedInAs(event.organizer.id);
    const steps = await setupChecklist(db, me, event.id);
    expect(steps.map((s) => s.key)).toEqual(["description", "formats", "rating-guide", "team", "questions", "emails"]);
    expect(doneKeys(steps)).toEqual(["formats"]);

    await db.event.update({ where: { id: event.id }, data: { description: "Rust in production.", ratingGuide: "5: a must-have" } });
    await addReviewer(db, event);
    await db.question.create({
      data: { eventId: event.id, target: "SUBMISSION", variant: "STRING", question: "Done it before?", position: 0 },
    });
    await db.emailTemplate.create({ data: { eventId: event.id, kind: "accepted", subject: "Welcome", body: "Hi" } });
    expect(doneKeys(await setupChecklist(db, me, event.id))).toEqual([
      "description",
      "formats",
      "rating-guide",
      "team",
      "questions",
      "emails",
    ]);
  });

  it("is the organizers' own: refused to a reviewer, a speaker, another event's organizer and a stranger", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const { speaker } = await createProposal(db, { event });
    const foreign = (await createEvent(db)).organizer;
    const stranger = await createUser(db);
    await expectRefused(db, "forbidden", () => setupChecklist(db, signedInAs(reviewer.id), event.id));
    for (const outsider of [speaker, foreign, stranger]) {
      await expectRefused(db, "not_found", () => setupChecklist(db, signedInAs(outsider.id), event.id));
    }
  });
});
