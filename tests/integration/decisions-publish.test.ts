import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, createEvent, createProposal, createUser } from "@/tests/factories";
import { pendingSummary } from "@/lib/decisions/confirmations";
import { publishDecisions, setPendingDecisions } from "@/lib/lifecycle/decide";
import { proposalOfSpeaker } from "@/lib/auth/speaker-access";
import { getSpeakerProposal, listSpeakerProposals } from "@/lib/proposals/speaker-queries";
import { updateProposal } from "@/lib/proposals/update-proposal";
import { activityOf, mailTo, responseLinkIn, setDecisionSettings, statesOf } from "./decisions-fixture";
import { proposalInput, snapshot } from "./helpers";

const getDb = useTestDb();
const DAY = 86_400_000;

describe("pending decisions are internal until published", () => {
  it.each(["ACCEPTED", "WAITLISTED", "REJECTED"] as const)(
    "a pending %s decision never reaches the speakers: every speaker query shows SUBMITTED and no pendingDecision",
    async (decision) => {
      const db = getDb();
      const event = await createEvent(db);
      const cospeaker = await createUser(db);
      const proposal = await createProposal(db, { event, status: "submitted", cospeakers: [cospeaker] });

      await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [proposal.id], decision);

      expect(await statesOf(db, proposal)).toEqual([{ status: "SUBMITTED", pendingDecision: decision }]);
      for (const speaker of [proposal.speaker, cospeaker]) {
        const own = await proposalOfSpeaker(db, signedInAs(speaker.id), proposal.id);
        expect(own.proposal.status).toBe("SUBMITTED");
        expect(own.proposal).not.toHaveProperty("pendingDecision");
        const page = await getSpeakerProposal(db, signedInAs(speaker.id), proposal.id);
        expect(page.proposal.status).toBe("SUBMITTED");
        expect(page.proposal).not.toHaveProperty("pendingDecision");
        expect(JSON.stringify(page)).not.toContain(`"${decision}"`);
        const [row] = await listSpeakerProposals(db, signedInAs(speaker.id));
        expect(row.status).toBe("SUBMITTED");
        expect(row).not.toHaveProperty("pendingDecision");
      }
      expect(await db.outboxEmail.count()).toBe(0);
    },
  );

  it("once published, the speakers see the decision, and still no pendingDecision field", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [proposal.id], "WAITLISTED");

    await publishDecisions(db, signedInAs(event.organizer.id), event.id);

    const page = await getSpeakerProposal(db, signedInAs(proposal.speaker.id), proposal.id);
    expect(page.proposal.status).toBe("WAITLISTED");
    expect(page.proposal).not.toHaveProperty("pendingDecision");
    expect((await listSpeakerProposals(db, signedInAs(proposal.speaker.id)))[0].status).toBe("WAITLISTED");
  });

  it('a pending decision leaves the speakers\' queries exactly as they were, updatedAt ("Last updated") included', async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    const [listed, page] = [
      await listSpeakerProposals(db, signedInAs(proposal.speaker.id)),
      await getSpeakerProposal(db, signedInAs(proposal.speaker.id), proposal.id),
    ];
    await new Promise((resolve) => setTimeout(resolve, 5));

    await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [proposal.id], "REJECTED");

    expect(await listSpeakerProposals(db, signedInAs(proposal.speaker.id))).toEqual(listed);
    expect(await getSpeakerProposal(db, signedInAs(proposal.speaker.id), proposal.id)).toEqual(page);
  });

  it("a speaker's edit from the page they loaded still saves after an organizer marked a pending decision (updatedAt is the edit version)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });
    const { proposal: loaded } = await getSpeakerProposal(db, signedInAs(proposal.speaker.id), proposal.id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [proposal.id], "ACCEPTED");

    await updateProposal(
      db,
      signedInAs(proposal.speaker.id),
      proposal.id,
      proposalInput(event, { title: "Typo fixed", version: loaded.updatedAt.toISOString() }),
    );

    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).title).toBe("Typo fixed");
  });

  it("setting a pending decision sends nothing and logs a pending-decision activity by the organizer", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status: "submitted" });

    await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [proposal.id], "ACCEPTED");
    await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [proposal.id], "REJECTED");

    expect(await activityOf(db, proposal.id)).toEqual([
      { kind: "pending-decision", actorId: event.organizer.id, data: { from: null, to: "ACCEPTED" } },
      { kind: "pending-decision", actorId: event.organizer.id, data: { from: "ACCEPTED", to: "REJECTED" } },
    ]);
    expect(await db.outboxEmail.count()).toBe(0);
  });
});

describe("setPendingDecisions in bulk", () => {
  it("marks every decidable proposal and reports why the others were skipped, changing none of them", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const a = await createProposal(db, { event, status: "submitted" });
    const b = await createProposal(db, { event, status: "waitlisted" });
    const already = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });
    const own = await createProposal(db, { event, status: "submitted", speaker: event.organizer });
    const accepted = await createProposal(db, { event, status: "accepted" });
    const draft = await createProposal(db, { event, status: "draft" });
    const withdrawn = await createProposal(db, { event, status: "withdrawn" });
    const elsewhere = await createProposal(db, { event: other, status: "submitted" });
    const untouched = [own, accepted, draft, withdrawn, elsewhere];
    const before = await db.proposal.findMany({ where: { id: { in: untouched.map((p) => p.id) } }, orderBy: { id: "asc" } });

    const result = await setPendingDecisions(
      db,
      signedInAs(event.organizer.id),
      event.id,
      [a, b, already, own, accepted, draft, withdrawn, elsewhere].map((p) => p.id).concat("no-such-proposal"),
      "ACCEPTED",
    );

    expect(result.changed).toBe(2);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        // Outside the organizer's scope (lib/auth/organizer-scope.ts): one answer for all.
        { id: elsewhere.id, reason: "not found, or you speak on it" },
        { id: "no-such-proposal", reason: "not found, or you speak on it" },
        { id: own.id, reason: "not found, or you speak on it" },
        { id: draft.id, reason: "not found, or you speak on it" },
        { id: accepted.id, reason: "it is accepted" },
        { id: withdrawn.id, reason: "it is withdrawn" },
      ]),
    );
    expect(result.skipped).toHaveLength(6);
    expect(await statesOf(db, a, b, already)).toEqual([
      { status: "SUBMITTED", pendingDecision: "ACCEPTED" },
      { status: "WAITLISTED", pendingDecision: "ACCEPTED" },
      { status: "SUBMITTED", pendingDecision: "ACCEPTED" },
    ]);
    expect(await db.proposal.findMany({ where: { id: { in: untouched.map((p) => p.id) } }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.proposalActivity.count()).toBe(2);
  });

  it("refuses to waitlist a proposal that is already waitlisted (skipped) and can clear any pending decision", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const waitlisted = await createProposal(db, { event, status: "waitlisted", pendingDecision: "REJECTED" });
    const submitted = await createProposal(db, { event, status: "submitted", pendingDecision: "WAITLISTED" });

    expect(await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [waitlisted.id], "WAITLISTED")).toEqual({
      changed: 0,
      skipped: [{ id: waitlisted.id, reason: "it is waitlisted" }],
    });
    expect(await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [waitlisted.id, submitted.id], null)).toEqual({
      changed: 2,
      skipped: [],
    });
    expect(await statesOf(db, waitlisted, submitted)).toEqual([
      { status: "WAITLISTED", pendingDecision: null },
      { status: "SUBMITTED", pendingDecision: null },
    ]);
  });
});

describe("publishDecisions", () => {
  it("publishes every pending decision of the event, skips the ones that can no longer be published, and leaves the rest alone", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const accept = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });
    const waitlist = await createProposal(db, { event, status: "submitted", pendingDecision: "WAITLISTED" });
    const reject = await createProposal(db, { event, status: "submitted", pendingDecision: "REJECTED" });
    const promote = await createProposal(db, { event, status: "waitlisted", pendingDecision: "ACCEPTED" });
    const undecided = await createProposal(db, { event, status: "submitted" });
    // The speaker withdrew after the organizers marked it: nothing to publish any more.
    const withdrawn = await createProposal(db, { event, status: "withdrawn", pendingDecision: "ACCEPTED" });
    // Marked by another organizer: the speaking organizer's "publish all" does not publish it.
    const own = await createProposal(db, { event, status: "submitted", speaker: event.organizer, pendingDecision: "ACCEPTED" });
    const elsewhere = await createProposal(db, { event: other, status: "submitted", pendingDecision: "ACCEPTED" });

    const result = await publishDecisions(db, signedInAs(event.organizer.id), event.id);

    expect(result).toEqual({ changed: 4, skipped: [{ id: withdrawn.id, reason: "it is withdrawn" }] });
    expect(await statesOf(db, accept, waitlist, reject, promote, undecided, withdrawn, own, elsewhere)).toEqual([
      { status: "ACCEPTED", pendingDecision: null },
      { status: "WAITLISTED", pendingDecision: null },
      { status: "REJECTED", pendingDecision: null },
      { status: "ACCEPTED", pendingDecision: null },
      { status: "SUBMITTED", pendingDecision: null },
      { status: "WITHDRAWN", pendingDecision: "ACCEPTED" },
      { status: "SUBMITTED", pendingDecision: "ACCEPTED" },
      { status: "SUBMITTED", pendingDecision: "ACCEPTED" },
    ]);
    expect((await db.outboxEmail.findMany({ select: { proposalId: true } })).map((m) => m.proposalId).sort()).toEqual(
      [accept.id, waitlist.id, reject.id, promote.id].sort(),
    );

    // Another organizer publishes the one the first could not.
    expect(await publishDecisions(db, signedInAs(organizer2.id), event.id)).toEqual({
      changed: 1,
      skipped: [{ id: withdrawn.id, reason: "it is withdrawn" }],
    });
    expect(await statesOf(db, own)).toEqual([{ status: "ACCEPTED", pendingDecision: null }]);
  });

  it("publishes only the selected proposals, ignoring other events' ids", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db, { organizer: event.organizer });
    const chosen = await createProposal(db, { event, status: "submitted", pendingDecision: "REJECTED" });
    const notChosen = await createProposal(db, { event, status: "submitted", pendingDecision: "REJECTED" });
    const elsewhere = await createProposal(db, { event: other, status: "submitted", pendingDecision: "ACCEPTED" });

    expect(await publishDecisions(db, signedInAs(event.organizer.id), event.id, [chosen.id, elsewhere.id])).toEqual({
      changed: 1,
      skipped: [],
    });

    expect(await statesOf(db, chosen, notChosen, elsewhere)).toEqual([
      { status: "REJECTED", pendingDecision: null },
      { status: "SUBMITTED", pendingDecision: "REJECTED" },
      { status: "SUBMITTED", pendingDecision: "ACCEPTED" },
    ]);
  });

  it("emails every speaker the message for their decision; acceptances carry a personal /respond/ link", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const cospeaker = await createUser(db);
    const accept = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED", cospeakers: [cospeaker] });
    const waitlist = await createProposal(db, { event, status: "submitted", pendingDecision: "WAITLISTED" });
    const reject = await createProposal(db, { event, status: "submitted", pendingDecision: "REJECTED" });
    const promote = await createProposal(db, { event, status: "waitlisted", pendingDecision: "ACCEPTED" });

    await publishDecisions(db, signedInAs(event.organizer.id), event.id);

    for (const speaker of [accept.speaker, cospeaker]) {
      const [mail] = await mailTo(db, speaker.email);
      expect(mail).toMatchObject({
        kind: "accepted",
        status: "QUEUED",
        proposalId: accept.id,
        subject: `Accepted: ${accept.title} at ${event.name}`,
      });
      const link = responseLinkIn(mail.text);
      expect(link).toMatchObject({ proposalId: accept.id, userId: speaker.id });
      // No deadline set: the link still expires, about 60 days from now.
      expect(Math.abs(link.expiresAt.getTime() - (Date.now() + 60 * DAY))).toBeLessThan(DAY);
      expect(mail.text).toContain(`/speaker/proposals/${accept.id}`);
    }
    expect(await mailTo(db, waitlist.speaker.email)).toMatchObject([
      { kind: "waitlisted", subject: `Waitlisted: ${waitlist.title} at ${event.name}` },
    ]);
    expect(await mailTo(db, reject.speaker.email)).toMatchObject([{ kind: "rejected", subject: `About your proposal to ${event.name}` }]);
    const [promoted] = await mailTo(db, promote.speaker.email);
    expect(promoted.kind).toBe("promoted");
    expect(responseLinkIn(promoted.text)).toMatchObject({ proposalId: promote.id, userId: promote.speaker.id });
    for (const p of [waitlist, reject]) {
      expect((await mailTo(db, p.speaker.email))[0].text).not.toContain("/respond/");
    }
    expect(await db.outboxEmail.count()).toBe(5);
  });

  it("writes the status change and each email to the proposal's activity log, by the publishing organizer", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const cospeaker = await createUser(db);
    const proposal = await createProposal(db, { event, status: "submitted", cospeakers: [cospeaker] });
    await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [proposal.id], "ACCEPTED");

    await publishDecisions(db, signedInAs(event.organizer.id), event.id);

    const by = event.organizer.id;
    const subject = `Accepted: ${proposal.title} at ${event.name}`;
    const [marked, status, ...emails] = await activityOf(db, proposal.id);
    expect(marked).toMatchObject({ kind: "pending-decision", data: { to: "ACCEPTED" } });
    expect(status).toEqual({ kind: "status", actorId: by, data: { from: "SUBMITTED", to: "ACCEPTED", transition: "publishAccepted" } });
    expect(emails).toHaveLength(2);
    expect(emails).toEqual(
      expect.arrayContaining([
        { kind: "email", actorId: by, data: { to: proposal.speaker.email, kind: "accepted", subject, held: false } },
        { kind: "email", actorId: by, data: { to: cospeaker.email, kind: "accepted", subject, held: false } },
      ]),
    );
  });

  it("uses the event's own wording and its confirmation deadline", async () => {
    const db = getDb();
    const event = await createEvent(db, { timeZone: "Europe/Paris" });
    const deadline = new Date("2031-05-02T16:00:00Z");
    await setDecisionSettings(db, event.id, { confirmationDeadline: deadline });
    await db.emailTemplate.create({
      data: {
        eventId: event.id,
        kind: "accepted",
        subject: "Yes! {talk_title}",
        body: "Dear {speaker_name}, confirm by {deadline}: {confirm_url}",
      },
    });
    const proposal = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });

    await publishDecisions(db, signedInAs(event.organizer.id), event.id);

    const [mail] = await mailTo(db, proposal.speaker.email);
    expect(mail.subject).toBe(`Yes! ${proposal.title}`);
    expect(mail.text).toMatch(/^Dear .+, confirm by .*2031.*: http/);
    expect(mail.text).toContain(`Dear ${proposal.speaker.name},`);
    expect(responseLinkIn(mail.text).expiresAt).toEqual(deadline);
  });

  it("holds the emails in the outbox when the event holds email for review", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { holdOutbox: true });
    const proposal = await createProposal(db, { event, status: "submitted", pendingDecision: "REJECTED" });

    await publishDecisions(db, signedInAs(event.organizer.id), event.id);

    expect(await mailTo(db, proposal.speaker.email)).toMatchObject([{ kind: "rejected", status: "HELD" }]);
    expect((await activityOf(db, proposal.id)).at(-1)?.data).toMatchObject({ kind: "rejected", held: true });
  });

  it("a failure while publishing one proposal never half-publishes it", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });
    const before = await snapshot(db);
    const failing = db.$extends({
      query: {
        outboxEmail: {
          async create({ args, query }) {
            await query(args);
            throw new Error("boom after the outbox insert");
          },
        },
      },
    }) as unknown as typeof db;

    await expect(publishDecisions(failing, signedInAs(event.organizer.id), event.id)).rejects.toThrow("boom after the outbox insert");

    expect(await snapshot(db)).toEqual(before);
  });

  it("pendingSummary counts the unpublished decisions that can still be published", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED" });
    await createProposal(db, { event, status: "waitlisted", pendingDecision: "ACCEPTED" });
    await createProposal(db, { event, status: "submitted", pendingDecision: "WAITLISTED" });
    await createProposal(db, { event, status: "waitlisted", pendingDecision: "REJECTED" });
    await createProposal(db, { event, status: "withdrawn", pendingDecision: "REJECTED" });
    await createProposal(db, { event, status: "submitted" });

    expect(await pendingSummary(db, signedInAs(event.organizer.id), event.id)).toEqual({ ACCEPTED: 2, WAITLISTED: 1, REJECTED: 1 });
    await publishDecisions(db, signedInAs(event.organizer.id), event.id);
    expect(await pendingSummary(db, signedInAs(event.organizer.id), event.id)).toEqual({ ACCEPTED: 0, WAITLISTED: 0, REJECTED: 0 });
  });
});
