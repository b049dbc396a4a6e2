import { describe, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { pendingSummary, programmeStatus, sendConfirmationReminders } from "@/lib/decisions/confirmations";
import { publishDecisions, setPendingDecisions } from "@/lib/lifecycle/decide";
import { respondByLink } from "@/lib/lifecycle/respond";
import { makeResponseToken } from "@/lib/lifecycle/response-token";
import { updateDecisionSettings } from "@/lib/decisions/settings";
import { promoteFromWaitlist } from "@/lib/lifecycle/waitlist";
import { planPromotion, promoteAsPreviewed } from "@/lib/lifecycle/promote-plan";
import { planPublication, publishAsPreviewed } from "@/lib/lifecycle/publish-plan";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { setDecisionSettings } from "./decisions-fixture";
import { expectDenied, type ErrorCode } from "./helpers";

const getDb = useTestDb();

/** An event mid-decisions: something to publish, to promote, to remind about, to confirm. */
async function world(db: Db) {
  const event = await createEvent(db, { cfp: "closed" });
  await setDecisionSettings(db, event.id, { autoPromoteWaitlist: true });
  const reviewer = await addReviewer(db, event);
  const accepted = await createProposal(db, { event, status: "accepted" });
  const pending = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });
  await createProposal(db, { event, status: "waitlisted" });
  const other = await createEvent(db);
  const otherReviewer = await addReviewer(db, other);
  // Speaks at another event, organizes nothing.
  const speakerElsewhere = (await createProposal(db, { event: other, status: "accepted" })).speaker;
  return { event, reviewer, accepted, pending, other, otherReviewer, speakerElsewhere };
}
type World = Awaited<ReturnType<typeof world>>;

type Actor = { name: string; id: (w: World) => string | null; code: ErrorCode };

// Organizers' functions: who is not an organizer of the event.
const NOT_ORGANIZERS: Actor[] = [
  { name: "anonymous", id: () => null, code: "unauthenticated" },
  { name: "a speaker of the event", id: (w) => w.pending.speaker.id, code: "not_found" },
  { name: "a speaker organizing nothing", id: (w) => w.speakerElsewhere.id, code: "not_found" },
  { name: "a reviewer of the event", id: (w) => w.reviewer.id, code: "forbidden" },
  { name: "a reviewer of another event", id: (w) => w.otherReviewer.id, code: "not_found" },
  { name: "an organizer of another event", id: (w) => w.other.organizer.id, code: "not_found" },
];

const ORGANIZER_CALLS: Record<string, (db: Db, actorId: string | null, w: World) => Promise<unknown>> = {
  setPendingDecisions: (db, a, w) => setPendingDecisions(db, signedInAs(a), w.event.id, [w.pending.id], "REJECTED"),
  "setPendingDecisions (undecided)": (db, a, w) => setPendingDecisions(db, signedInAs(a), w.event.id, [w.pending.id], null),
  publishDecisions: (db, a, w) => publishDecisions(db, signedInAs(a), w.event.id),
  "publishDecisions (selected)": (db, a, w) => publishDecisions(db, signedInAs(a), w.event.id, [w.pending.id]),
  promoteFromWaitlist: (db, a, w) => promoteFromWaitlist(db, signedInAs(a), w.event.id, w.event.sessionTypes[0].id),
  planPublication: (db, a, w) => planPublication(db, signedInAs(a), w.event.id),
  publishAsPreviewed: (db, a, w) => publishAsPreviewed(db, signedInAs(a), w.event.id, "any-fingerprint"),
  planPromotion: (db, a, w) => planPromotion(db, signedInAs(a), w.event.id, w.event.sessionTypes[0].id),
  promoteAsPreviewed: (db, a, w) => promoteAsPreviewed(db, signedInAs(a), w.event.id, w.event.sessionTypes[0].id, w.pending.id),
  sendConfirmationReminders: (db, a, w) => sendConfirmationReminders(db, signedInAs(a), w.event.id),
  programmeStatus: (db, a, w) => programmeStatus(db, signedInAs(a), w.event.id),
  pendingSummary: (db, a, w) => pendingSummary(db, signedInAs(a), w.event.id),
  updateDecisionSettings: (db, a, w) =>
    updateDecisionSettings(db, signedInAs(a), w.event.id, {
      confirmationDeadline: "2031-01-01T10:00",
      autoPromoteWaitlist: false,
      holdOutbox: true,
    }),
};

describe.each(Object.entries(ORGANIZER_CALLS))("%s refuses everyone but the event's organizers", (_, call) => {
  it.each(NOT_ORGANIZERS.map((a) => [a.name, a] as const))("%s: refused, database unchanged", async (_name, actor) => {
    const db = getDb();
    const w = await world(db);
    await expectDenied(db, actor.code, () => call(db, actor.id(w), w));
  });
});

// Confirming and declining: who does not speak on the accepted proposal.
const NOT_ITS_SPEAKERS: Actor[] = [
  { name: "anonymous", id: () => null, code: "unauthenticated" },
  { name: "a speaker of another proposal of the event", id: (w) => w.pending.speaker.id, code: "not_found" },
  { name: "a speaker organizing nothing", id: (w) => w.speakerElsewhere.id, code: "not_found" },
  { name: "the event's organizer", id: (w) => w.event.organizer.id, code: "forbidden" },
  { name: "a reviewer of the event", id: (w) => w.reviewer.id, code: "forbidden" },
  { name: "an organizer of another event", id: (w) => w.other.organizer.id, code: "not_found" },
];

describe.each(["confirm", "decline"] as const)("%s refuses everyone who does not speak on the proposal", (answer) => {
  it.each(NOT_ITS_SPEAKERS.map((a) => [a.name, a] as const))("%s, in the app: refused, database unchanged", async (_name, actor) => {
    const db = getDb();
    const w = await world(db);
    await expectDenied(db, actor.code, () => transitionProposal(db, signedInAs(actor.id(w)), w.accepted.id, answer));
  });

  it.each(NOT_ITS_SPEAKERS.filter((a) => a.name !== "anonymous").map((a) => [a.name, a] as const))(
    "%s, with a correctly signed link naming them: refused (forbidden), database unchanged",
    async (_name, actor) => {
      const db = getDb();
      const w = await world(db);
      const token = makeResponseToken({ proposalId: w.accepted.id, userId: actor.id(w)!, expiresAt: new Date(Date.now() + 86_400_000) });
      await expectDenied(db, "forbidden", () => respondByLink(db, token, answer));
    },
  );

  it("a link naming a user who does not exist: refused (forbidden)", async () => {
    const db = getDb();
    const w = await world(db);
    const ghost = await createUser(db);
    const token = makeResponseToken({ proposalId: w.accepted.id, userId: `${ghost.id}x`, expiresAt: new Date(Date.now() + 86_400_000) });
    await expectDenied(db, "forbidden", () => respondByLink(db, token, answer));
  });
});
