import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { publishDecisions, setPendingDecisions } from "@/lib/lifecycle/decide";
import type { PendingDecision } from "@/lib/lifecycle/state-machine";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { afterFirst, afterQuery, barrier, expectDenied, expectDomainError, snapshot } from "./helpers";

const getDb = useTestDb();

const status = async (db: Db, id: string) =>
  db.proposal.findUniqueOrThrow({ where: { id }, select: { status: true, submittedAt: true, decidedAt: true } });

/** What used to be one "accept"/"reject" click: mark the decision (internal), then publish it. */
async function decide(db: Db, actorId: string, proposal: { id: string; eventId: string }, decision: PendingDecision) {
  const marked = await setPendingDecisions(db, signedInAs(actorId), proposal.eventId, [proposal.id], decision);
  expect(marked).toEqual({ changed: 1, skipped: [] });
  return publishDecisions(db, signedInAs(actorId), proposal.eventId, [proposal.id]);
}

describe("transitionProposal: allowed moves", () => {
  it("submit: the speaker submits a draft; it becomes SUBMITTED with submittedAt", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });

    const result = await transitionProposal(db, signedInAs(draft.speaker.id), draft.id, "submit");

    expect(result).toEqual({ id: draft.id, eventId: event.id, status: "SUBMITTED" });
    const row = await status(db, draft.id);
    expect(row.status).toBe("SUBMITTED");
    expect(row.submittedAt).toBeInstanceOf(Date);
    expect(row.decidedAt).toBeNull();
  });

  it("submit enqueues a submission-received email to every speaker of the proposal, in the same transaction", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const cospeaker = await createUser(db);
    const draft = await createProposal(db, { event, status: "draft", cospeakers: [cospeaker] });

    await transitionProposal(db, signedInAs(draft.speaker.id), draft.id, "submit");

    const emails = await db.outboxEmail.findMany({ orderBy: { to: "asc" } });
    expect(emails.map((e) => e.to).sort()).toEqual([draft.speaker.email, cospeaker.email].sort());
    for (const e of emails) {
      expect(e).toMatchObject({ kind: "submission-received", status: "QUEUED", subject: `Proposal received: ${draft.title}` });
    }
  });

  it("submit writes status and email in one transaction: if the email insert fails, the proposal stays a draft", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    const before = await snapshot(db);
    const failing = afterQuery(db, "outboxEmail", "create", async () => {
      throw new Error("boom after the outbox insert");
    });

    await expect(transitionProposal(failing, signedInAs(draft.speaker.id), draft.id, "submit")).rejects.toThrow(
      "boom after the outbox insert",
    );

    expect(await snapshot(db)).toEqual(before);
  });

  it("submit by a co-speaker is allowed", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const cospeaker = await createUser(db);
    const draft = await createProposal(db, { event, status: "draft", cospeakers: [cospeaker] });
    await transitionProposal(db, signedInAs(cospeaker.id), draft.id, "submit");
    expect((await status(db, draft.id)).status).toBe("SUBMITTED");
  });

  it.each(["draft", "submitted"] as const)("withdraw: the speaker withdraws a %s proposal", async (from) => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: from });
    const result = await transitionProposal(db, signedInAs(proposal.speaker.id), proposal.id, "withdraw");
    expect(result.status).toBe("WITHDRAWN");
    expect((await status(db, proposal.id)).status).toBe("WITHDRAWN");
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("withdraw is allowed after the CFP closed", async () => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "closed" });
    const proposal = await createProposal(db, { event, status: "submitted" });
    await transitionProposal(db, signedInAs(proposal.speaker.id), proposal.id, "withdraw");
    expect((await status(db, proposal.id)).status).toBe("WITHDRAWN");
  });

  it.each(["ACCEPTED", "WAITLISTED", "REJECTED"] as const)(
    "publishing a pending %s decision: the status becomes it, decidedAt is set, the pending decision is cleared",
    async (to) => {
      const db = getDb();
      const event = await createEvent(db, { cfp: "closed" });
      const proposal = await createProposal(db, { event, status: "submitted" });
      const before = Date.now();

      const result = await decide(db, event.organizer.id, proposal, to);

      expect(result).toEqual({ changed: 1, skipped: [] });
      const row = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
      expect(row).toMatchObject({ status: to, pendingDecision: null, submittedAt: proposal.submittedAt });
      expect(row.decidedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    },
  );

  it.each([
    ["publishAccepted", "ACCEPTED"],
    ["publishWaitlisted", "WAITLISTED"],
    ["publishRejected", "REJECTED"],
  ] as const)("%s through transitionProposal: an organizer publishes a decision on a submitted proposal", async (name, to) => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "closed" });
    const proposal = await createProposal(db, { event, status: "submitted" });

    const result = await transitionProposal(db, signedInAs(event.organizer.id), proposal.id, name);

    expect(result).toEqual({ id: proposal.id, eventId: event.id, status: to });
    const row = await status(db, proposal.id);
    expect(row.status).toBe(to);
    expect(row.submittedAt).toEqual(proposal.submittedAt);
    expect(row.decidedAt).toBeInstanceOf(Date);
  });

  it("an additional organizer of the event may decide and publish too", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await decide(db, organizer2.id, proposal, "ACCEPTED");
    expect((await status(db, proposal.id)).status).toBe("ACCEPTED");
  });

  it.each(["ACCEPTED", "REJECTED"] as const)(
    "changing one's mind before publishing: a pending %s decision goes back to undecided; speakers were never told",
    async (decision) => {
      const db = getDb();
      const event = await createEvent(db);
      const proposal = await createProposal(db, { event, status: "submitted" });
      await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [proposal.id], decision);

      const result = await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [proposal.id], null);

      expect(result).toEqual({ changed: 1, skipped: [] });
      const row = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
      expect(row).toMatchObject({ status: "SUBMITTED", pendingDecision: null, submittedAt: proposal.submittedAt, decidedAt: null });
      expect(await publishDecisions(db, signedInAs(event.organizer.id), event.id)).toEqual({ changed: 0, skipped: [] });
      expect(await db.outboxEmail.count()).toBe(0);
    },
  );

  it("a published waitlisting can still be decided again: accepting it promotes the proposal", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "waitlisted" });

    await decide(db, event.organizer.id, proposal, "ACCEPTED");

    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "ACCEPTED",
      pendingDecision: null,
    });
    expect(await db.outboxEmail.findMany({ select: { to: true, kind: true } })).toEqual([{ to: proposal.speaker.email, kind: "promoted" }]);
  });
});

describe("transitionProposal: refused moves change nothing", () => {
  it("refuses an anonymous caller (unauthenticated)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    const submitted = await createProposal(db, { event, status: "submitted" });
    await expectDenied(db, "unauthenticated", () => transitionProposal(db, signedInAs(null), draft.id, "submit"));
    await expectDenied(db, "unauthenticated", () => transitionProposal(db, signedInAs(undefined), submitted.id, "publishAccepted"));
    await expectDenied(db, "unauthenticated", () => setPendingDecisions(db, signedInAs(null), event.id, [submitted.id], "ACCEPTED"));
  });

  it("refuses an unknown proposal id (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await expectDenied(db, "not_found", () =>
      transitionProposal(db, signedInAs(event.organizer.id), "no-such-proposal", "publishAccepted"),
    );
  });

  it("refuses another speaker submitting or withdrawing someone else's proposal (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    const stranger = await createProposal(db, { event, status: "submitted" });
    await expectDenied(db, "not_found", () => transitionProposal(db, signedInAs(stranger.speaker.id), draft.id, "submit"));
    await expectDenied(db, "not_found", () => transitionProposal(db, signedInAs(stranger.speaker.id), draft.id, "withdraw"));
  });

  it("refuses another speaker trying to accept (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    const stranger = await createUser(db);
    await expectDenied(db, "not_found", () => transitionProposal(db, signedInAs(stranger.id), proposal.id, "publishAccepted"));
    await expectDenied(db, "not_found", () => setPendingDecisions(db, signedInAs(stranger.id), event.id, [proposal.id], "ACCEPTED"));
  });

  it.each([
    ["publishAccepted", "submitted"],
    ["publishWaitlisted", "submitted"],
    ["publishRejected", "submitted"],
    ["promote", "waitlisted"],
  ] as const)("refuses a reviewer of the event acting as organizer: %s (forbidden)", async (name, from) => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event, status: from, pendingDecision: "ACCEPTED" });
    await expectDenied(db, "forbidden", () => transitionProposal(db, signedInAs(reviewer.id), proposal.id, name));
  });

  it("refuses a reviewer of the event marking or publishing decisions (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });
    await expectDenied(db, "forbidden", () => setPendingDecisions(db, signedInAs(reviewer.id), event.id, [proposal.id], "REJECTED"));
    await expectDenied(db, "forbidden", () => publishDecisions(db, signedInAs(reviewer.id), event.id));
  });

  it("refuses an organizer of another event (not_found), and their own event's bulk ignores this event's proposals", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });
    await expectDenied(db, "not_found", () => transitionProposal(db, signedInAs(other.organizer.id), proposal.id, "publishAccepted"));
    await expectDenied(db, "not_found", () => transitionProposal(db, signedInAs(other.organizer.id), proposal.id, "publishRejected"));
    await expectDenied(db, "not_found", () => setPendingDecisions(db, signedInAs(other.organizer.id), event.id, [proposal.id], "REJECTED"));
    await expectDenied(db, "not_found", () => publishDecisions(db, signedInAs(other.organizer.id), event.id));

    const before = await snapshot(db);
    expect(await setPendingDecisions(db, signedInAs(other.organizer.id), other.id, [proposal.id], "REJECTED")).toEqual({
      changed: 0,
      skipped: [{ id: proposal.id, reason: "not found, or you speak on it" }],
    });
    expect(await publishDecisions(db, signedInAs(other.organizer.id), other.id, [proposal.id])).toEqual({ changed: 0, skipped: [] });
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses a reviewer of another event (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const reviewer = await addReviewer(db, other);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await expectDenied(db, "not_found", () => transitionProposal(db, signedInAs(reviewer.id), proposal.id, "publishAccepted"));
  });

  it("refuses an organizer deciding on their own proposal (forbidden; skipped in a bulk decision)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const own = await createProposal(db, { event, speaker: event.organizer, status: "submitted" });
    await expectDenied(db, "forbidden", () => transitionProposal(db, signedInAs(event.organizer.id), own.id, "publishAccepted"));
    await expectDenied(db, "forbidden", () => transitionProposal(db, signedInAs(event.organizer.id), own.id, "publishRejected"));

    const before = await snapshot(db);
    expect(await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [own.id], "ACCEPTED")).toEqual({
      changed: 0,
      skipped: [{ id: own.id, reason: "not found, or you speak on it" }],
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses an organizer deciding on a proposal they co-speak on (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted", cospeakers: [organizer2] });
    await expectDenied(db, "forbidden", () => transitionProposal(db, signedInAs(organizer2.id), proposal.id, "publishAccepted"));
  });

  it("refuses an organizer promoting their own waitlisted proposal (forbidden), and never publishes a decision on it", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const own = await createProposal(db, { event, speaker: event.organizer, status: "waitlisted" });
    await expectDenied(db, "forbidden", () => transitionProposal(db, signedInAs(event.organizer.id), own.id, "promote"));

    // Another organizer may decide on it; the speaking organizer's "publish all" leaves it alone.
    await setPendingDecisions(db, signedInAs(organizer2.id), event.id, [own.id], "ACCEPTED");
    const before = await snapshot(db);
    expect(await publishDecisions(db, signedInAs(event.organizer.id), event.id)).toEqual({ changed: 0, skipped: [] });
    expect(await snapshot(db)).toEqual(before);
  });

  it("still lets an organizer withdraw their own proposal as its speaker", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const own = await createProposal(db, { event, speaker: event.organizer, status: "submitted" });
    await transitionProposal(db, signedInAs(event.organizer.id), own.id, "withdraw");
    expect((await status(db, own.id)).status).toBe("WITHDRAWN");
  });

  it("refuses an organizer withdrawing or submitting a speaker's proposal (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    await expectDenied(db, "forbidden", () => transitionProposal(db, signedInAs(event.organizer.id), draft.id, "submit"));
    await expectDenied(db, "forbidden", () => transitionProposal(db, signedInAs(event.organizer.id), draft.id, "withdraw"));
  });

  it("refuses a speaker accepting their own proposal (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await expectDenied(db, "forbidden", () => transitionProposal(db, signedInAs(proposal.speaker.id), proposal.id, "publishAccepted"));
  });

  it("refuses a double accept (conflict) and keeps the first decision's decidedAt", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await decide(db, event.organizer.id, proposal, "ACCEPTED");
    const first = await status(db, proposal.id);

    await expectDenied(db, "conflict", () => transitionProposal(db, signedInAs(event.organizer.id), proposal.id, "publishAccepted"));
    // Nothing is pending any more: publishing again changes nothing and sends nothing.
    const before = await snapshot(db);
    expect(await publishDecisions(db, signedInAs(event.organizer.id), event.id, [proposal.id])).toEqual({ changed: 0, skipped: [] });
    expect(await snapshot(db)).toEqual(before);
    expect(await status(db, proposal.id)).toEqual(first);
  });

  it("refuses to submit a withdrawn proposal (conflict): withdraw then submit", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    await transitionProposal(db, signedInAs(draft.speaker.id), draft.id, "withdraw");

    await expectDenied(db, "conflict", () => transitionProposal(db, signedInAs(draft.speaker.id), draft.id, "submit"));
    expect(await status(db, draft.id)).toMatchObject({ status: "WITHDRAWN", submittedAt: null });
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("refuses to submit an already submitted proposal (conflict) and sends no second email", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    await transitionProposal(db, signedInAs(draft.speaker.id), draft.id, "submit");
    await expectDenied(db, "conflict", () => transitionProposal(db, signedInAs(draft.speaker.id), draft.id, "submit"));
    expect(await db.outboxEmail.count()).toBe(1);
  });

  it("refuses to accept a draft (conflict; skipped in a bulk decision)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    await expectDenied(db, "conflict", () => transitionProposal(db, signedInAs(event.organizer.id), draft.id, "publishAccepted"));
    expect(await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [draft.id], "ACCEPTED")).toEqual({
      changed: 0,
      skipped: [{ id: draft.id, reason: "not found, or you speak on it" }],
    });
  });

  it.each(["rejected", "declined", "withdrawn"] as const)("refuses to withdraw a %s proposal (conflict)", async (from) => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: from });
    await expectDenied(db, "conflict", () => transitionProposal(db, signedInAs(proposal.speaker.id), proposal.id, "withdraw"));
  });

  it.each(["accepted", "rejected", "confirmed"] as const)(
    "a published %s decision is final: it cannot be marked again (skipped) nor published over (conflict)",
    async (from) => {
      const db = getDb();
      const event = await createEvent(db);
      const proposal = await createProposal(db, { event, status: from });
      await expectDenied(db, "conflict", () => transitionProposal(db, signedInAs(event.organizer.id), proposal.id, "publishRejected"));
      await expectDenied(db, "conflict", () => transitionProposal(db, signedInAs(event.organizer.id), proposal.id, "promote"));

      const before = await snapshot(db);
      expect(await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [proposal.id], null)).toEqual({
        changed: 0,
        skipped: [{ id: proposal.id, reason: `it is ${from}` }],
      });
      expect(await snapshot(db)).toEqual(before);
    },
  );

  it("refuses to promote a proposal that is not waitlisted (conflict)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await expectDenied(db, "conflict", () => transitionProposal(db, signedInAs(event.organizer.id), proposal.id, "promote"));
  });

  it("refuses submit while the CFP is closed (cfp_closed) and writes no email", async () => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "closed" });
    const draft = await createProposal(db, { event, status: "draft" });
    await expectDenied(db, "cfp_closed", () => transitionProposal(db, signedInAs(draft.speaker.id), draft.id, "submit"));
  });

  it("refuses submit before the CFP opens (cfp_closed) and writes no email", async () => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "upcoming" });
    const draft = await createProposal(db, { event, status: "draft" });
    await expectDenied(db, "cfp_closed", () => transitionProposal(db, signedInAs(draft.speaker.id), draft.id, "submit"));
  });

  it("checks the CFP window for submit against options.now", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    await expectDenied(db, "cfp_closed", () =>
      transitionProposal(db, signedInAs(draft.speaker.id), draft.id, "submit", { now: event.cfpClosesAt }),
    );
    await transitionProposal(db, signedInAs(draft.speaker.id), draft.id, "submit", { now: new Date(event.cfpClosesAt.getTime() - 1) });
    expect((await status(db, draft.id)).status).toBe("SUBMITTED");
  });
});

describe("transitionProposal: stale and concurrent requests", () => {
  it("refuses a stale accept (the speaker withdrew after the organizer's request loaded it) with conflict; nothing changes", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    const { client: stale, after: afterWithdraw } = afterFirst(db, "proposal", "findUnique", async () => {
      await transitionProposal(db, signedInAs(proposal.speaker.id), proposal.id, "withdraw");
    });

    await expectDomainError(transitionProposal(stale, signedInAs(event.organizer.id), proposal.id, "publishAccepted"), "conflict");

    expect(await snapshot(db)).toEqual(afterWithdraw());
    expect(await status(db, proposal.id)).toMatchObject({ status: "WITHDRAWN", decidedAt: null });
  });

  it("skips a stale publication (the speaker withdrew after publishDecisions read it): nothing published, no email", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });
    const { client: stale, after: afterWithdraw } = afterFirst(db, "proposal", "findMany", async () => {
      await transitionProposal(db, signedInAs(proposal.speaker.id), proposal.id, "withdraw");
    });

    expect(await publishDecisions(stale, signedInAs(event.organizer.id), event.id)).toEqual({
      changed: 0,
      skipped: [{ id: proposal.id, reason: "it changed meanwhile" }],
    });

    expect(await snapshot(db)).toEqual(afterWithdraw());
    expect(await status(db, proposal.id)).toMatchObject({ status: "WITHDRAWN", decidedAt: null });
  });

  it("never publishes a decision that another organizer changed after it was read: the changed one stays pending", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });
    const { client: stale, after: afterChange } = afterFirst(db, "proposal", "findMany", async () => {
      await setPendingDecisions(db, signedInAs(organizer2.id), event.id, [proposal.id], "REJECTED");
    });

    expect(await publishDecisions(stale, signedInAs(event.organizer.id), event.id)).toEqual({
      changed: 0,
      skipped: [{ id: proposal.id, reason: "it changed meanwhile" }],
    });

    expect(await snapshot(db)).toEqual(afterChange());
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "SUBMITTED",
      pendingDecision: "REJECTED",
    });
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("refuses a stale submit (withdrawn after loading) with conflict and enqueues no email", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    const { client: stale, after: afterWithdraw } = afterFirst(db, "proposal", "findUnique", async () => {
      await transitionProposal(db, signedInAs(draft.speaker.id), draft.id, "withdraw");
    });

    await expectDomainError(transitionProposal(stale, signedInAs(draft.speaker.id), draft.id, "submit"), "conflict");

    expect(await snapshot(db)).toEqual(afterWithdraw());
    expect(await status(db, draft.id)).toMatchObject({ status: "WITHDRAWN", submittedAt: null });
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("refuses a stale reject after another organizer accepted (conflict); the accept stands", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted" });
    const { client: stale, after: afterAccept } = afterFirst(db, "proposal", "findUnique", async () => {
      await decide(db, organizer2.id, proposal, "ACCEPTED");
    });

    await expectDomainError(transitionProposal(stale, signedInAs(event.organizer.id), proposal.id, "publishRejected"), "conflict");

    expect(await snapshot(db)).toEqual(afterAccept());
    expect((await status(db, proposal.id)).status).toBe("ACCEPTED");
  });

  it("skips a stale pending decision after another organizer published (the published status stands)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });
    const { client: stale, after: afterPublish } = afterFirst(db, "proposal", "findMany", async () => {
      await publishDecisions(db, signedInAs(organizer2.id), event.id);
    });

    expect(await setPendingDecisions(stale, signedInAs(event.organizer.id), event.id, [proposal.id], "REJECTED")).toEqual({
      changed: 0,
      skipped: [{ id: proposal.id, reason: "it changed meanwhile" }],
    });

    expect(await snapshot(db)).toEqual(afterPublish());
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "ACCEPTED",
      pendingDecision: null,
    });
  });

  it("concurrent accept and reject of the same proposal: exactly one succeeds", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted" });

    const results = await Promise.allSettled([
      transitionProposal(db, signedInAs(event.organizer.id), proposal.id, "publishAccepted"),
      transitionProposal(db, signedInAs(organizer2.id), proposal.id, "publishRejected"),
    ]);

    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ name: "DomainError", code: "conflict" });
    const winner = (won[0] as PromiseFulfilledResult<{ status: string }>).value.status;
    expect((await status(db, proposal.id)).status).toBe(winner);
  });

  it("concurrent accept and reject that both read SUBMITTED: the conditional update lets exactly one through", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted" });
    // Both requests hold after reading the proposal until the other has read it too.
    const together = afterQuery(db, "proposal", "findUnique", barrier(2));

    const results = await Promise.allSettled([
      transitionProposal(together, signedInAs(event.organizer.id), proposal.id, "publishAccepted"),
      transitionProposal(together, signedInAs(organizer2.id), proposal.id, "publishRejected"),
    ]);

    const won = results.filter(
      (r): r is PromiseFulfilledResult<{ id: string; eventId: string; status: "ACCEPTED" | "REJECTED" }> => r.status === "fulfilled",
    );
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ name: "DomainError", code: "conflict" });
    expect(lost[0].reason.message).toMatch(/changed since you loaded/);
    const row = await status(db, proposal.id);
    expect(row.status).toBe(won[0].value.status);
    expect(row.decidedAt).toBeInstanceOf(Date);
    expect(await db.outboxEmail.count()).toBe(1);
  });

  it("two organizers publishing the same pending decisions at once: each is published once, one email per speaker", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const accepted = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });
    const rejected = await createProposal(db, { event, status: "submitted", pendingDecision: "REJECTED" });
    const together = afterQuery(db, "proposal", "findMany", barrier(2));

    const [a, b] = await Promise.all([
      publishDecisions(together, signedInAs(event.organizer.id), event.id),
      publishDecisions(together, signedInAs(organizer2.id), event.id),
    ]);

    expect(a.changed + b.changed).toBe(2);
    expect([...a.skipped, ...b.skipped].map((s) => s.reason)).toEqual(["it changed meanwhile", "it changed meanwhile"]);
    expect(await db.proposal.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, pendingDecision: true } })).toEqual(
      [
        { id: accepted.id, status: "ACCEPTED", pendingDecision: null },
        { id: rejected.id, status: "REJECTED", pendingDecision: null },
      ].sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
    expect((await db.outboxEmail.findMany({ select: { to: true, kind: true } })).sort((x, y) => x.kind.localeCompare(y.kind))).toEqual([
      { to: accepted.speaker.email, kind: "accepted" },
      { to: rejected.speaker.email, kind: "rejected" },
    ]);
  });

  it("an organizer publishing while another changes the decision: one of them wins, never half of each", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });
    const together = afterQuery(db, "proposal", "findMany", barrier(2));

    const [published, changed] = await Promise.all([
      publishDecisions(together, signedInAs(event.organizer.id), event.id),
      setPendingDecisions(together, signedInAs(organizer2.id), event.id, [proposal.id], "REJECTED"),
    ]);

    expect(published.changed + changed.changed).toBe(1);
    const row = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    const emails = await db.outboxEmail.findMany({ select: { kind: true } });
    if (published.changed === 1) {
      expect(row).toMatchObject({ status: "ACCEPTED", pendingDecision: null });
      expect(emails).toEqual([{ kind: "accepted" }]);
    } else {
      expect(row).toMatchObject({ status: "SUBMITTED", pendingDecision: "REJECTED", decidedAt: null });
      expect(emails).toEqual([]);
    }
  });

  it("two concurrent submits of the same draft: one submits, one conflicts, one email", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    const together = afterQuery(db, "proposal", "findUnique", barrier(2));

    const results = await Promise.allSettled([
      transitionProposal(together, signedInAs(draft.speaker.id), draft.id, "submit"),
      transitionProposal(together, signedInAs(draft.speaker.id), draft.id, "submit"),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toMatchObject([{ reason: { code: "conflict" } }]);
    expect(await db.outboxEmail.count()).toBe(1);
  });
});
