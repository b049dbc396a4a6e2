import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";
import { transitionProposal } from "@/lib/proposals/transition";
import { afterFirst, afterQuery, barrier, expectDenied, expectDomainError, snapshot } from "./helpers";

const getDb = useTestDb();

const status = async (db: ReturnType<typeof getDb>, id: string) =>
  db.proposal.findUniqueOrThrow({ where: { id }, select: { status: true, submittedAt: true, decidedAt: true } });

describe("transitionProposal: allowed moves", () => {
  it("submit: the speaker submits a draft; it becomes SUBMITTED with submittedAt", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });

    const result = await transitionProposal(db, draft.speaker.id, draft.id, "submit");

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

    await transitionProposal(db, draft.speaker.id, draft.id, "submit");

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

    await expect(transitionProposal(failing, draft.speaker.id, draft.id, "submit")).rejects.toThrow("boom after the outbox insert");

    expect(await snapshot(db)).toEqual(before);
  });

  it("submit by a co-speaker is allowed", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const cospeaker = await createUser(db);
    const draft = await createProposal(db, { event, status: "draft", cospeakers: [cospeaker] });
    await transitionProposal(db, cospeaker.id, draft.id, "submit");
    expect((await status(db, draft.id)).status).toBe("SUBMITTED");
  });

  it.each(["draft", "submitted"] as const)("withdraw: the speaker withdraws a %s proposal", async (from) => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: from });
    const result = await transitionProposal(db, proposal.speaker.id, proposal.id, "withdraw");
    expect(result.status).toBe("WITHDRAWN");
    expect((await status(db, proposal.id)).status).toBe("WITHDRAWN");
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("withdraw is allowed after the CFP closed", async () => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "closed" });
    const proposal = await createProposal(db, { event, status: "submitted" });
    await transitionProposal(db, proposal.speaker.id, proposal.id, "withdraw");
    expect((await status(db, proposal.id)).status).toBe("WITHDRAWN");
  });

  it.each([
    ["accept", "ACCEPTED"],
    ["reject", "REJECTED"],
  ] as const)("%s: an organizer decides on a submitted proposal and decidedAt is set", async (name, to) => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "closed" });
    const proposal = await createProposal(db, { event, status: "submitted" });
    const before = Date.now();

    const result = await transitionProposal(db, event.organizer.id, proposal.id, name);

    expect(result).toEqual({ id: proposal.id, eventId: event.id, status: to });
    const row = await status(db, proposal.id);
    expect(row.status).toBe(to);
    expect(row.submittedAt).toEqual(proposal.submittedAt);
    expect(row.decidedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("an additional organizer of the event may decide too", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await transitionProposal(db, organizer2.id, proposal.id, "accept");
    expect((await status(db, proposal.id)).status).toBe("ACCEPTED");
  });

  it.each(["accepted", "rejected"] as const)("reopen: an organizer moves a %s proposal back to SUBMITTED and clears decidedAt", async (from) => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: from });
    await transitionProposal(db, event.organizer.id, proposal.id, "reopen");
    const row = await status(db, proposal.id);
    expect(row).toEqual({ status: "SUBMITTED", submittedAt: proposal.submittedAt, decidedAt: null });
  });
});

describe("transitionProposal: refused moves change nothing", () => {
  it("refuses an anonymous caller (unauthenticated)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    const submitted = await createProposal(db, { event, status: "submitted" });
    await expectDenied(db, "unauthenticated", () => transitionProposal(db, null, draft.id, "submit"));
    await expectDenied(db, "unauthenticated", () => transitionProposal(db, undefined, submitted.id, "accept"));
  });

  it("refuses an unknown proposal id (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await expectDenied(db, "not_found", () => transitionProposal(db, event.organizer.id, "no-such-proposal", "accept"));
  });

  it("refuses another speaker submitting or withdrawing someone else's proposal (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    const stranger = await createProposal(db, { event, status: "submitted" });
    await expectDenied(db, "not_found", () => transitionProposal(db, stranger.speaker.id, draft.id, "submit"));
    await expectDenied(db, "not_found", () => transitionProposal(db, stranger.speaker.id, draft.id, "withdraw"));
  });

  it("refuses another speaker trying to accept (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    const stranger = await createUser(db);
    await expectDenied(db, "not_found", () => transitionProposal(db, stranger.id, proposal.id, "accept"));
  });

  it.each(["accept", "reject", "reopen"] as const)("refuses a reviewer of the event acting as organizer: %s (forbidden)", async (name) => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, { event, status: name === "reopen" ? "accepted" : "submitted" });
    await expectDenied(db, "forbidden", () => transitionProposal(db, reviewer.id, proposal.id, name));
  });

  it("refuses an organizer of another event (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await expectDenied(db, "not_found", () => transitionProposal(db, other.organizer.id, proposal.id, "accept"));
    await expectDenied(db, "not_found", () => transitionProposal(db, other.organizer.id, proposal.id, "reject"));
  });

  it("refuses a reviewer of another event (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const reviewer = await addReviewer(db, other);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await expectDenied(db, "not_found", () => transitionProposal(db, reviewer.id, proposal.id, "accept"));
  });

  it("refuses an organizer deciding on their own proposal (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const own = await createProposal(db, { event, speaker: event.organizer, status: "submitted" });
    await expectDenied(db, "forbidden", () => transitionProposal(db, event.organizer.id, own.id, "accept"));
    await expectDenied(db, "forbidden", () => transitionProposal(db, event.organizer.id, own.id, "reject"));
  });

  it("refuses an organizer deciding on a proposal they co-speak on (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted", cospeakers: [organizer2] });
    await expectDenied(db, "forbidden", () => transitionProposal(db, organizer2.id, proposal.id, "accept"));
  });

  it("refuses an organizer reopening their own decided proposal (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const own = await createProposal(db, { event, speaker: event.organizer, status: "rejected" });
    await expectDenied(db, "forbidden", () => transitionProposal(db, event.organizer.id, own.id, "reopen"));
  });

  it("still lets an organizer withdraw their own proposal as its speaker", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const own = await createProposal(db, { event, speaker: event.organizer, status: "submitted" });
    await transitionProposal(db, event.organizer.id, own.id, "withdraw");
    expect((await status(db, own.id)).status).toBe("WITHDRAWN");
  });

  it("refuses an organizer withdrawing or submitting a speaker's proposal (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    await expectDenied(db, "forbidden", () => transitionProposal(db, event.organizer.id, draft.id, "submit"));
    await expectDenied(db, "forbidden", () => transitionProposal(db, event.organizer.id, draft.id, "withdraw"));
  });

  it("refuses a speaker accepting their own proposal (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await expectDenied(db, "forbidden", () => transitionProposal(db, proposal.speaker.id, proposal.id, "accept"));
  });

  it("refuses a double accept (conflict) and keeps the first decision's decidedAt", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await transitionProposal(db, event.organizer.id, proposal.id, "accept");
    const first = await status(db, proposal.id);

    await expectDenied(db, "conflict", () => transitionProposal(db, event.organizer.id, proposal.id, "accept"));
    expect(await status(db, proposal.id)).toEqual(first);
  });

  it("refuses to submit a withdrawn proposal (conflict): withdraw then submit", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    await transitionProposal(db, draft.speaker.id, draft.id, "withdraw");

    await expectDenied(db, "conflict", () => transitionProposal(db, draft.speaker.id, draft.id, "submit"));
    expect(await status(db, draft.id)).toMatchObject({ status: "WITHDRAWN", submittedAt: null });
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("refuses to submit an already submitted proposal (conflict) and sends no second email", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    await transitionProposal(db, draft.speaker.id, draft.id, "submit");
    await expectDenied(db, "conflict", () => transitionProposal(db, draft.speaker.id, draft.id, "submit"));
    expect(await db.outboxEmail.count()).toBe(1);
  });

  it("refuses to accept a draft (conflict)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    await expectDenied(db, "conflict", () => transitionProposal(db, event.organizer.id, draft.id, "accept"));
  });

  it("refuses to withdraw an accepted proposal (conflict)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const accepted = await createProposal(db, { event, status: "accepted" });
    await expectDenied(db, "conflict", () => transitionProposal(db, accepted.speaker.id, accepted.id, "withdraw"));
  });

  it("refuses to reopen a submitted proposal (conflict)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await expectDenied(db, "conflict", () => transitionProposal(db, event.organizer.id, proposal.id, "reopen"));
  });

  it("refuses submit while the CFP is closed (cfp_closed) and writes no email", async () => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "closed" });
    const draft = await createProposal(db, { event, status: "draft" });
    await expectDenied(db, "cfp_closed", () => transitionProposal(db, draft.speaker.id, draft.id, "submit"));
  });

  it("refuses submit before the CFP opens (cfp_closed) and writes no email", async () => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "upcoming" });
    const draft = await createProposal(db, { event, status: "draft" });
    await expectDenied(db, "cfp_closed", () => transitionProposal(db, draft.speaker.id, draft.id, "submit"));
  });

  it("checks the CFP window for submit against options.now", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    await expectDenied(db, "cfp_closed", () =>
      transitionProposal(db, draft.speaker.id, draft.id, "submit", { now: event.cfpClosesAt }),
    );
    await transitionProposal(db, draft.speaker.id, draft.id, "submit", { now: new Date(event.cfpClosesAt.getTime() - 1) });
    expect((await status(db, draft.id)).status).toBe("SUBMITTED");
  });
});

describe("transitionProposal: stale and concurrent requests", () => {
  it("refuses a stale accept (the speaker withdrew after the organizer's request loaded it) with conflict; nothing changes", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    const { client: stale, after: afterWithdraw } = afterFirst(db, "proposal", "findUnique", async () => {
      await transitionProposal(db, proposal.speaker.id, proposal.id, "withdraw");
    });

    await expectDomainError(transitionProposal(stale, event.organizer.id, proposal.id, "accept"), "conflict");

    expect(await snapshot(db)).toEqual(afterWithdraw());
    expect(await status(db, proposal.id)).toMatchObject({ status: "WITHDRAWN", decidedAt: null });
  });

  it("refuses a stale submit (withdrawn after loading) with conflict and enqueues no email", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    const { client: stale, after: afterWithdraw } = afterFirst(db, "proposal", "findUnique", async () => {
      await transitionProposal(db, draft.speaker.id, draft.id, "withdraw");
    });

    await expectDomainError(transitionProposal(stale, draft.speaker.id, draft.id, "submit"), "conflict");

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
      await transitionProposal(db, organizer2.id, proposal.id, "accept");
    });

    await expectDomainError(transitionProposal(stale, event.organizer.id, proposal.id, "reject"), "conflict");

    expect(await snapshot(db)).toEqual(afterAccept());
    expect((await status(db, proposal.id)).status).toBe("ACCEPTED");
  });

  it("concurrent accept and reject of the same proposal: exactly one succeeds", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const proposal = await createProposal(db, { event, status: "submitted" });

    const results = await Promise.allSettled([
      transitionProposal(db, event.organizer.id, proposal.id, "accept"),
      transitionProposal(db, organizer2.id, proposal.id, "reject"),
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
      transitionProposal(together, event.organizer.id, proposal.id, "accept"),
      transitionProposal(together, organizer2.id, proposal.id, "reject"),
    ]);

    const won = results.filter((r): r is PromiseFulfilledResult<{ id: string; eventId: string; status: "ACCEPTED" | "REJECTED" }> => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ name: "DomainError", code: "conflict" });
    expect(lost[0].reason.message).toMatch(/changed since you loaded/);
    const row = await status(db, proposal.id);
    expect(row.status).toBe(won[0].value.status);
    expect(row.decidedAt).toBeInstanceOf(Date);
  });

  it("two concurrent submits of the same draft: one submits, one conflicts, one email", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    const together = afterQuery(db, "proposal", "findUnique", barrier(2));

    const results = await Promise.allSettled([
      transitionProposal(together, draft.speaker.id, draft.id, "submit"),
      transitionProposal(together, draft.speaker.id, draft.id, "submit"),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected")).toMatchObject([{ reason: { code: "conflict" } }]);
    expect(await db.outboxEmail.count()).toBe(1);
  });
});
