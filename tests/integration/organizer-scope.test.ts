// One test table over every caller of the organizer scope
// (lib/auth/organizer-scope.ts): an organizer who speaks on a proposal of
// their event neither sees its review (pending decision, scores, reviewers)
// nor steers it, while a colleague organizer does both: the control that
// shows each row would catch a leak. Regression for issue 10, finding 2.
import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { handleableBy, mayHandle, organizerScope } from "@/lib/auth/organizer-scope";
import { proposalActivity } from "@/lib/activity/log";
import { recordActivity } from "@/lib/activity/record";
import { assignmentOverview } from "@/lib/assignment/overview";
import { assignReviewer, unassignReviewer } from "@/lib/assignment/manual";
import { conflictChoices } from "@/lib/assignment/conflict-choices";
import { runAutoAssignment } from "@/lib/assignment/run-assignment";
import { pendingSummary, programmeStatus, sendConfirmationReminders } from "@/lib/decisions/confirmations";
import { publishDecisions, setPendingDecisions } from "@/lib/lifecycle/decide";
import { promoteFromWaitlist } from "@/lib/lifecycle/waitlist";
import { previewChoices, previewTemplate } from "@/lib/lifecycle/template-preview";
import { loadScheduleEditor } from "@/lib/programme/editor";
import { moveItem, placeTalk, removeItem } from "@/lib/programme/place";
import { discardHeld, listOutbox, outboxQuery, releaseHeld, retryFailed } from "@/lib/email/outbox-admin";
import { getProposalForOrganizer, listEventProposals, listQuery } from "@/lib/proposals/organizer-list";
import { declareConflict, listConflicts, removeConflict } from "@/lib/reviews/conflicts/manage";
import { affiliationFlags, resolveAffiliationFlag } from "@/lib/reviews/conflicts/affiliation";
import { companyKey } from "@/lib/profile/company-key";
import { rankingPage } from "@/lib/reviews/ranking/ranking-page";
import { rankingQuery } from "@/lib/reviews/ranking/query";
import { bulkTag, setProposalTags } from "@/lib/tags/apply";
import { likelyDuplicates } from "@/lib/duplicates/likely-duplicates";
import { openAssignments } from "@/lib/reviews/ranking/reviewer-queries";
import { reviewerStats } from "@/lib/reviews/ranking/reviewer-stats";
import {
  addOrganizer,
  addReviewer,
  assignProposal,
  createEvent,
  createProposal,
  createProposalConflict,
  createReview,
  createUser,
} from "@/tests/factories";
import { useTestDb } from "@/tests/support/test-db";
import { expectDomainError } from "./helpers";

const getDb = useTestDb();

/**
 * An event whose second organizer (Orin) co-speaks on three proposals: one
 * under review with a pending decision, a review, an assignment, a declared
 * conflict and a held email; one waitlisted; one accepted. Another proposal
 * is everyone's to handle.
 */
async function buildScene(db: Db) {
  const event = await createEvent(db, { reviewsPerProposal: 3 });
  const colleague = event.organizer;
  const orin = await addOrganizer(db, event, await createUser(db, { name: "Orin Selfspeaker", email: "orin@example.com" }));
  const reviewer = await addReviewer(db, event, await createUser(db, { name: "Rhea Scorekeeper", email: "rhea@example.com" }));
  const second = await addReviewer(db, event, await createUser(db, { name: "Sol Secondreader", email: "sol@example.com" }));
  const third = await addReviewer(db, event, await createUser(db, { name: "Tam Thirdreader", email: "tam@example.com" }));
  const assignee = await addReviewer(db, event, await createUser(db, { name: "Uma Assignee", email: "uma@example.com" }));
  const speaker = await createUser(db, { name: "Saskia Lead", email: "saskia@example.com" });
  const own = await createProposal(db, { event, speaker, cospeakers: [orin], title: "Kakapo Own Talk", pendingDecision: "ACCEPTED" });
  const waitlisted = await createProposal(db, { event, speaker, cospeakers: [orin], status: "waitlisted", title: "Kakapo Waitlisted" });
  const accepted = await createProposal(db, { event, speaker, cospeakers: [orin], status: "accepted", title: "Kakapo Accepted" });
  const confirmed = await createProposal(db, { event, speaker, cospeakers: [orin], status: "confirmed", title: "Kakapo Confirmed" });
  const others = await createProposal(db, { event, title: "Someone Else's Talk" });
  // The programme: a room, and the accepted talk placed in it (the confirmed one is still to place).
  const room = await db.room.create({ data: { eventId: event.id, name: "Kakapo Hall", guid: "3f2e1d0c-4b5a-4968-8776-a5b4c3d2e1f0" } });
  const placed = await db.scheduleItem.create({
    data: {
      eventId: event.id,
      roomId: room.id,
      proposalId: accepted.id,
      startsAt: new Date("2027-06-01T08:00:00Z"),
      durationMinutes: 30,
      guid: "7c6b5a49-3827-4165-9544-332211009988",
    },
  });
  await createReview(db, { proposal: own, reviewer, score: 5, comment: "kakapo-review-comment" });
  await createReview(db, { proposal: others, reviewer, score: 2 });
  await assignProposal(db, { proposal: own, reviewer });
  await assignProposal(db, { proposal: own, reviewer: assignee });
  await recordActivity(db, { proposalId: own.id, actorId: colleague.id, kind: "pending-decision", data: { from: null, to: "ACCEPTED" } });
  const declared = await createProposalConflict(db, { proposal: own, reviewer: third });
  const mail = (status: "HELD" | "FAILED") =>
    db.outboxEmail.create({
      data: {
        to: speaker.email,
        subject: "Accepted: Kakapo Own Talk",
        text: "Hi",
        kind: "accepted",
        eventId: event.id,
        proposalId: own.id,
        status,
      },
    });
  const held = await mail("HELD");
  const failed = await mail("FAILED");
  const ownIds = [own.id, waitlisted.id, accepted.id, confirmed.id];
  return {
    event,
    colleague,
    orin,
    reviewer,
    second,
    third,
    assignee,
    speaker,
    own,
    waitlisted,
    accepted,
    confirmed,
    room,
    placed,
    others,
    declared,
    held,
    failed,
    ownIds,
  };
}
type Scene = Awaited<ReturnType<typeof buildScene>>;

/** Everything about Orin's proposals: what must stay as it is when Orin acts. */
async function ownState(db: Db, s: Scene) {
  const about = { proposalId: { in: s.ownIds } };
  return {
    proposals: await db.proposal.findMany({ where: { id: { in: s.ownIds } }, orderBy: { id: "asc" } }),
    reviews: await db.review.findMany({ where: about, orderBy: { id: "asc" } }),
    assignments: await db.reviewAssignment.findMany({ where: about, orderBy: { id: "asc" } }),
    conflicts: await db.proposalConflict.findMany({ where: about, orderBy: { id: "asc" } }),
    outbox: await db.outboxEmail.findMany({ where: about, orderBy: { id: "asc" } }),
    activity: await db.proposalActivity.findMany({ where: about, orderBy: { id: "asc" } }),
    schedule: await db.scheduleItem.findMany({ where: about, orderBy: { id: "asc" } }),
    tags: await db.proposalTag.findMany({ where: about, orderBy: [{ proposalId: "asc" }, { tagId: "asc" }] }),
  };
}

/** A tag of the scene's event, for the tag writers. */
async function sceneTag(db: Db, s: Scene) {
  return db.tag.create({ data: { eventId: s.event.id, name: "Kea", nameKey: "kea" } });
}

const mentionsOwn = (s: Scene, data: unknown) => {
  const text = JSON.stringify(data);
  return [...s.ownIds, "Kakapo"].some((needle) => text.includes(needle));
};

/** The reviewer's profile now names the lead speaker's company: an affiliation flag about Orin's co-speaker. */
async function sameCompany(db: Db, s: Scene) {
  const company = "Kakapo Labs";
  for (const userId of [s.reviewer.id, s.speaker.id]) {
    await db.speakerProfile.upsert({
      where: { userId },
      create: { userId, company, companyKey: companyKey(company) },
      update: { company, companyKey: companyKey(company) },
    });
  }
}

type Reader = { name: string; read: (db: Db, s: Scene, actorId: string) => Promise<unknown>; sees?: (s: Scene, data: unknown) => boolean };

// Pages: the organizer who speaks gets nothing of their proposals; the colleague gets them.
const READERS: Reader[] = [
  {
    name: "proposal list (pending decision, scores)",
    read: (db, s, a) => listEventProposals(db, signedInAs(a), s.event.id, listQuery.parse({})),
  },
  {
    name: "proposal list searched by a word of the title",
    read: (db, s, a) => listEventProposals(db, signedInAs(a), s.event.id, listQuery.parse({ q: "kakapo" })),
  },
  {
    name: "ranking searched by a word of the title",
    read: (db, s, a) => rankingPage(db, signedInAs(a), s.event.id, rankingQuery.parse({ q: "kakapo" })),
  },
  {
    name: "likely duplicates",
    read: async (db, s, a) => {
      // A near-copy of the own proposal by the same speaker: a pair a colleague sees.
      await createProposal(db, { event: s.event, speaker: s.speaker, title: "Kakapo Own Talk (again)", abstract: s.own.abstract });
      return [...(await likelyDuplicates(db, signedInAs(a), s.event.id)).entries()];
    },
  },
  { name: "ranking", read: (db, s, a) => rankingPage(db, signedInAs(a), s.event.id, rankingQuery.parse({})) },
  { name: "assignments page (reviewer names)", read: (db, s, a) => assignmentOverview(db, signedInAs(a), s.event.id) },
  { name: "declared conflicts", read: (db, s, a) => listConflicts(db, signedInAs(a), s.event.id) },
  {
    name: "conflict form choices",
    read: (db, s, a) => conflictChoices(db, signedInAs(a), s.event.id),
    sees: (s, d) => JSON.stringify(d).includes(s.own.id),
  },
  { name: "programme status", read: (db, s, a) => programmeStatus(db, signedInAs(a), s.event.id) },
  {
    name: "schedule editor: talks to place",
    read: async (db, s, a) => (await loadScheduleEditor(db, signedInAs(a), s.event.id)).candidates,
  },
  {
    name: "pending decisions summary",
    read: (db, s, a) => pendingSummary(db, signedInAs(a), s.event.id),
    sees: (_s, d) => (d as { ACCEPTED: number }).ACCEPTED > 0,
  },
  {
    name: "reviewer statistics and calibration",
    read: (db, s, a) => reviewerStats(db, signedInAs(a), s.event.id),
    sees: (s, d) =>
      (d as Awaited<ReturnType<typeof reviewerStats>>).reviewers.find((r) => r.reviewerId === s.reviewer.id)!.profile.count === 2,
  },
  {
    name: "open assignments (SQL twin of the rule)",
    read: async (db, s, a) =>
      Object.fromEntries(await openAssignments(db, await organizerScope(db, a, s.event.id, "proposal:view-reviews"))),
    sees: (s, d) => (d as Record<string, number>)[s.assignee.id] === 1,
  },
  { name: "outbox", read: (db, s, a) => listOutbox(db, signedInAs(a), s.event.id, outboxQuery.parse({})) },
  { name: "email preview choices", read: (db, s, a) => previewChoices(db, signedInAs(a), s.event.id) },
  { name: "proposal page", read: (db, s, a) => getProposalForOrganizer(db, signedInAs(a), s.event.id, s.own.id) },
  {
    name: "activity log",
    read: (db, s, a) => proposalActivity(db, signedInAs(a), s.event.id, s.own.id),
    sees: (_s, d) => (d as { total: number }).total > 0,
  },
  {
    name: "email preview with the proposal",
    read: (db, s, a) => previewTemplate(db, signedInAs(a), s.event.id, "accepted", { proposalId: s.own.id }),
  },
  {
    name: "affiliation flags about a co-speaker",
    read: async (db, s, a) => (await sameCompany(db, s), affiliationFlags(db, signedInAs(a), s.event.id)),
    sees: (s, d) => JSON.stringify(d).includes(s.speaker.id),
  },
];

describe.each(READERS)("$name", ({ read, sees }) => {
  const seen = sees ?? mentionsOwn;

  it("shows nothing of a proposal the organizer speaks on", async () => {
    const db = getDb();
    const s = await buildScene(db);
    const before = await ownState(db, s);
    const data = await read(db, s, s.orin.id).catch((e: unknown) => {
      // A page about one proposal answers "not found", as for another event's.
      expect((e as { code?: string }).code).toBe("not_found");
      return null;
    });
    if (data !== null) expect(seen(s, data)).toBe(false);
    expect(await ownState(db, s)).toEqual(before);
  });

  it("shows it to a colleague organizer (the control)", async () => {
    const db = getDb();
    const s = await buildScene(db);
    expect(seen(s, await read(db, s, s.colleague.id))).toBe(true);
  });
});

type Writer = { name: string; act: (db: Db, s: Scene, actorId: string) => Promise<unknown>; refused?: "not_found" | "invalid" };

// Actions: refused ("not found") when they name the proposal, or they skip it; the colleague's call changes it.
const WRITERS: Writer[] = [
  {
    name: "tag the proposal in bulk",
    act: async (db, s, a) =>
      bulkTag(db, signedInAs(a), s.event.id, { tagId: (await sceneTag(db, s)).id, op: "add", proposalIds: s.ownIds }),
  },
  {
    name: "set the proposal's tags",
    refused: "not_found",
    act: async (db, s, a) => setProposalTags(db, signedInAs(a), s.event.id, s.own.id, [(await sceneTag(db, s)).id]),
  },
  { name: "set a pending decision", act: (db, s, a) => setPendingDecisions(db, signedInAs(a), s.event.id, [s.own.id], "REJECTED") },
  { name: "publish every pending decision", act: (db, s, a) => publishDecisions(db, signedInAs(a), s.event.id) },
  { name: "publish the named proposal", act: (db, s, a) => publishDecisions(db, signedInAs(a), s.event.id, [s.own.id]) },
  { name: "send confirmation reminders", act: (db, s, a) => sendConfirmationReminders(db, signedInAs(a), s.event.id) },
  { name: "promote from the waitlist", act: (db, s, a) => promoteFromWaitlist(db, signedInAs(a), s.event.id, s.waitlisted.sessionTypeId!) },
  {
    name: "assign a reviewer",
    refused: "not_found",
    act: (db, s, a) => assignReviewer(db, signedInAs(a), s.event.id, { proposalId: s.own.id, reviewerId: s.second.id }),
  },
  {
    name: "unassign a reviewer",
    refused: "not_found",
    act: (db, s, a) => unassignReviewer(db, signedInAs(a), s.event.id, { proposalId: s.own.id, reviewerId: s.reviewer.id }),
  },
  { name: "run automatic assignment", act: (db, s, a) => runAutoAssignment(db, signedInAs(a), s.event.id) },
  {
    name: "declare a reviewer's conflict with the proposal (deletes their review)",
    refused: "not_found",
    act: (db, s, a) => declareConflict(db, signedInAs(a), s.event.id, { reviewerId: s.reviewer.id, proposalId: s.own.id }),
  },
  {
    name: "declare a reviewer's conflict with a co-speaker (deletes their review)",
    // The same answer as for someone who is no speaker of the event.
    refused: "invalid",
    act: (db, s, a) => declareConflict(db, signedInAs(a), s.event.id, { reviewerId: s.reviewer.id, speakerId: s.speaker.id }),
  },
  {
    name: "remove a declared conflict",
    refused: "not_found",
    act: (db, s, a) => removeConflict(db, signedInAs(a), s.event.id, { kind: "proposal", id: s.declared.id }),
  },
  {
    name: "place a talk on the schedule",
    refused: "not_found",
    act: (db, s, a) =>
      placeTalk(db, signedInAs(a), s.event.id, { proposalId: s.confirmed.id, roomId: s.room.id, start: "2027-06-01T11:00" }),
  },
  {
    name: "move a placed talk",
    refused: "not_found",
    act: (db, s, a) =>
      moveItem(db, signedInAs(a), s.event.id, { itemId: s.placed.id, roomId: s.room.id, start: "2027-06-01T12:00", durationMinutes: 30 }),
  },
  { name: "remove a placed talk", refused: "not_found", act: (db, s, a) => removeItem(db, signedInAs(a), s.event.id, s.placed.id) },
  { name: "release a held email", refused: "not_found", act: (db, s, a) => releaseHeld(db, signedInAs(a), s.event.id, [s.held.id]) },
  { name: "release every held email", act: (db, s, a) => releaseHeld(db, signedInAs(a), s.event.id) },
  { name: "discard a held email", refused: "not_found", act: (db, s, a) => discardHeld(db, signedInAs(a), s.event.id, [s.held.id]) },
  { name: "retry a failed email", refused: "not_found", act: (db, s, a) => retryFailed(db, signedInAs(a), s.event.id, s.failed.id) },
  {
    name: "confirm an affiliation flag about a co-speaker (deletes their review)",
    // The same answer as for a pair with no open flag.
    refused: "invalid",
    act: async (db, s, a) => {
      await sameCompany(db, s);
      return resolveAffiliationFlag(db, signedInAs(a), s.event.id, {
        reviewerId: s.reviewer.id,
        speakerId: s.speaker.id,
        decision: "confirm",
      });
    },
  },
];

describe.each(WRITERS)("$name", ({ act, refused }) => {
  it("leaves a proposal the organizer speaks on as it was", async () => {
    const db = getDb();
    const s = await buildScene(db);
    const before = await ownState(db, s);
    if (refused) await expectDomainError(act(db, s, s.orin.id), refused);
    else await act(db, s, s.orin.id);
    expect(await ownState(db, s)).toEqual(before);
  });

  it("changes it when a colleague organizer does it (the control)", async () => {
    const db = getDb();
    const s = await buildScene(db);
    const before = await ownState(db, s);
    await act(db, s, s.colleague.id);
    expect(await ownState(db, s)).not.toEqual(before);
  });
});

describe("the rule itself", () => {
  it("the where-clause and the predicate agree on every proposal, for the speaking organizer and a colleague", async () => {
    const db = getDb();
    const s = await buildScene(db);
    const draft = await createProposal(db, { event: s.event, status: "draft" });
    const elsewhere = await createProposal(db, { event: await createEvent(db) });
    const all = await db.proposal.findMany({ select: { id: true, eventId: true, status: true, speakers: { select: { userId: true } } } });
    for (const actor of [s.orin, s.colleague]) {
      const inDb = new Set(
        (await db.proposal.findMany({ where: handleableBy(actor.id, s.event.id), select: { id: true } })).map((p) => p.id),
      );
      const inMemory = new Set(all.filter((p) => mayHandle(actor.id, s.event.id, p)).map((p) => p.id));
      expect(inDb).toEqual(inMemory);
      expect(inDb.has(draft.id) || inDb.has(elsewhere.id)).toBe(false);
      expect(s.ownIds.some((id) => inDb.has(id))).toBe(actor.id === s.colleague.id);
    }
  });
});
