// The whole decisions cycle in one story. Details and refusals are in the
// decisions-*.test.ts files next to this one.
import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { createEvent, createProposal, createUser } from "@/tests/factories";
import { pendingSummary, programmeStatus } from "@/lib/decisions/confirmations";
import { publishDecisions, setPendingDecisions } from "@/lib/lifecycle/decide";
import { respondByLink } from "@/lib/lifecycle/respond";
import { listSpeakerProposals } from "@/lib/proposals/speaker-queries";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { activityOf, giveStats, mailTo, responseLinkIn, setDecisionSettings } from "./decisions-fixture";

const getDb = useTestDb();

describe("the decisions cycle", () => {
  it("decide in private, publish, confirm by link, decline in the app, and the waitlist fills the slot", async () => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "closed" });
    const organizer = event.organizer.id;
    const cospeaker = await createUser(db);
    const a = await createProposal(db, { event, status: "submitted", cospeakers: [cospeaker] });
    const b = await createProposal(db, { event, status: "submitted" });
    const c = await createProposal(db, { event, status: "submitted" });
    await giveStats(db, b, { avgScore: 0.6 });
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

    // 1. Decide in private: the speakers see nothing.
    await setPendingDecisions(db, signedInAs(organizer), event.id, [a.id, c.id], "ACCEPTED");
    await setPendingDecisions(db, signedInAs(organizer), event.id, [b.id], "WAITLISTED");
    expect(await pendingSummary(db, signedInAs(organizer), event.id)).toEqual({ ACCEPTED: 2, WAITLISTED: 1, REJECTED: 0 });
    for (const speaker of [a.speaker, cospeaker, b.speaker, c.speaker]) {
      expect((await listSpeakerProposals(db, signedInAs(speaker.id))).map((p) => p.status)).toEqual(["SUBMITTED"]);
    }
    expect(await db.outboxEmail.count()).toBe(0);

    // 2. Turn on automatic promotion and publish everything.
    await setDecisionSettings(db, event.id, { autoPromoteWaitlist: true });
    expect(await publishDecisions(db, signedInAs(organizer), event.id)).toEqual({ changed: 3, skipped: [] });
    let programme = await programmeStatus(db, signedInAs(organizer), event.id);
    expect(ids(programme.unconfirmed)).toEqual([a.id, c.id].sort());
    expect(ids(programme.waitlisted)).toEqual([b.id]);
    expect((await listSpeakerProposals(db, signedInAs(b.speaker.id)))[0].status).toBe("WAITLISTED");

    // 3. A's co-speaker confirms from their emailed link, signed out.
    const [acceptance] = await mailTo(db, cospeaker.email);
    await respondByLink(db, responseLinkIn(acceptance.text).token, "confirm");

    // 4. C's speaker declines in the app: B takes the slot and is told.
    await transitionProposal(db, signedInAs(c.speaker.id), c.id, "decline");
    programme = await programmeStatus(db, signedInAs(organizer), event.id);
    expect(ids(programme.confirmed)).toEqual([a.id]);
    expect(ids(programme.declined)).toEqual([c.id]);
    expect(ids(programme.unconfirmed)).toEqual([b.id]);
    expect(programme.waitlisted).toEqual([]);
    expect((await mailTo(db, event.organizer.email)).map((m) => m.kind)).toEqual(["vacancy"]);
    const promotion = (await mailTo(db, b.speaker.email)).map((m) => m.kind);
    expect(promotion).toEqual(["waitlisted", "promoted"]);

    // 5. B confirms from the promotion email.
    const [, promoted] = await mailTo(db, b.speaker.email);
    await respondByLink(db, responseLinkIn(promoted.text).token, "confirm");
    expect(ids((await programmeStatus(db, signedInAs(organizer), event.id)).confirmed)).toEqual([a.id, b.id].sort());

    // B's history, as the organizers' activity log tells it.
    expect((await activityOf(db, b.id)).map((x) => [x.kind, x.actorId, x.data.transition ?? x.data.kind ?? x.data.to])).toEqual([
      ["pending-decision", organizer, "WAITLISTED"],
      ["status", organizer, "publishWaitlisted"],
      ["email", organizer, "waitlisted"],
      ["status", null, "promote"],
      ["email", null, "promoted"],
      ["status", b.speaker.id, "confirm"],
    ]);
  });
});
