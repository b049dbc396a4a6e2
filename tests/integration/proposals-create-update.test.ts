import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal as makeProposal, createUser } from "@/tests/factories";
import { appUrl } from "@/lib/config";
import { createProposal } from "@/lib/proposals/create-proposal";
import { updateProposal } from "@/lib/proposals/update-proposal";
import { getSpeakerProposal, listSpeakerProposals } from "@/lib/proposals/speaker-queries";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { afterFirst, afterQuery, expectDenied, expectDomainError, proposalInput, snapshot } from "./helpers";

const getDb = useTestDb();
const DAY = 86_400_000;

describe("createProposal", () => {
  it("creates a draft: a talk in the speaker's library, the proposal as a copy, the speaker as OWNER, empty stats", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const input = proposalInput(event);

    const proposal = await createProposal(db, signedInAs(speaker.id), event.id, input);

    expect(proposal).toMatchObject({
      eventId: event.id,
      status: "DRAFT",
      submittedAt: null,
      decidedAt: null,
      title: input.title,
      abstract: input.abstract,
      notes: input.notes,
      level: "INTERMEDIATE",
      sessionTypeId: event.sessionTypes[0].id,
      trackId: event.tracks[0].id,
    });
    const talk = await db.talk.findUniqueOrThrow({ where: { id: proposal.talkId } });
    expect(talk).toMatchObject({ ownerId: speaker.id, title: input.title, abstract: input.abstract, notes: input.notes });
    expect(await db.proposalSpeaker.findMany({ where: { proposalId: proposal.id } })).toMatchObject([
      { userId: speaker.id, role: "OWNER" },
    ]);
    expect(await db.proposalStats.findUnique({ where: { proposalId: proposal.id } })).toMatchObject({
      eventId: event.id,
      reviewCount: 0,
      scoreSum: 0,
      avgScore: null,
    });
  });

  it("writes no email for a draft", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event));
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("stores a proposal without a track when no track is chosen", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const proposal = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event, { trackId: "" }));
    expect(proposal.trackId).toBeNull();
  });

  it("with intent submit, creates a SUBMITTED proposal with submittedAt", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const before = Date.now();

    const proposal = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }));

    expect(proposal.status).toBe("SUBMITTED");
    expect(proposal.submittedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(proposal.submittedAt!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    // What it answers is the row as stored after the submit transition (its edit version included).
    expect(proposal).toEqual(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } }));
  });

  it("with intent submit, enqueues one submission-received email to the speaker", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db, { name: "Grace Hopper", email: "grace@example.com" });
    const input = proposalInput(event, { intent: "submit" });

    const proposal = await createProposal(db, signedInAs(speaker.id), event.id, input);

    const emails = await db.outboxEmail.findMany();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      to: "grace@example.com",
      kind: "submission-received",
      status: "QUEUED",
      attempts: 0,
      subject: `Proposal received: ${input.title}`,
    });
    expect(emails[0].text).toContain("Hi Grace Hopper");
    expect(emails[0].text).toContain(event.name);
    expect(emails[0].text).toContain(`${appUrl()}/speaker/proposals/${proposal.id}`);
  });

  it("writes the submission email in the same transaction: a create that fails after the email insert leaves no talk, proposal or email", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const before = await snapshot(db);
    const failing = afterQuery(db, "outboxEmail", "create", async () => {
      throw new Error("boom after the outbox insert");
    });

    await expect(createProposal(failing, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }))).rejects.toThrow(
      "boom after the outbox insert",
    );

    expect(await snapshot(db)).toEqual(before);
  });

  it("writes no email when a submitting create is refused", async () => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "closed" });
    const other = await createEvent(db);
    const speaker = await createUser(db);

    await expectDomainError(createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" })), "cfp_closed");
    await expectDomainError(
      createProposal(
        db,
        signedInAs(speaker.id),
        other.id,
        proposalInput(other, { intent: "submit", sessionTypeId: event.sessionTypes[0].id }),
      ),
      "invalid",
    );
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.proposal.count()).toBe(0);
    expect(await db.talk.count()).toBe(0);
  });

  it("proposes an existing talk from the speaker's library without creating a new talk", async () => {
    const db = getDb();
    const speaker = await createUser(db);
    const earlier = await makeProposal(db, { event: await createEvent(db), speaker });
    const event = await createEvent(db);

    const proposal = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event), { talkId: earlier.talkId });

    expect(proposal.talkId).toBe(earlier.talkId);
    expect(await db.talk.count()).toBe(1);
  });

  it("refuses to propose another user's talk (not_found) and writes nothing", async () => {
    const db = getDb();
    const owner = await createUser(db);
    const theirs = await makeProposal(db, { event: await createEvent(db), speaker: owner });
    const event = await createEvent(db);
    const speaker = await createUser(db);

    await expectDenied(db, "not_found", () =>
      createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }), { talkId: theirs.talkId }),
    );
  });

  // The error contract (lib/errors.ts): an expected failure is a DomainError, anything else reaches error.tsx.
  it("refuses to propose the same talk twice to one event with a conflict", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const first = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event));

    await expectDenied(db, "conflict", () =>
      createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event), { talkId: first.talkId }),
    );
  });

  it("lets a reviewer of the event propose a talk of their own", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const proposal = await createProposal(db, signedInAs(reviewer.id), event.id, proposalInput(event, { intent: "submit" }));
    expect(proposal.status).toBe("SUBMITTED");
  });

  it("checks the CFP window against options.now", async () => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "closed" });
    const speaker = await createUser(db);
    const proposal = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event), {
      now: new Date(event.cfpClosesAt.getTime() - DAY),
    });
    expect(proposal.status).toBe("DRAFT");
    await expectDenied(db, "cfp_closed", () =>
      createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event), { now: event.cfpClosesAt }),
    );
  });

  it("refuses an anonymous caller (unauthenticated) and writes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await expectDenied(db, "unauthenticated", () =>
      createProposal(db, signedInAs(null), event.id, proposalInput(event, { intent: "submit" })),
    );
    await expectDenied(db, "unauthenticated", () => createProposal(db, signedInAs(undefined), event.id, proposalInput(event)));
  });

  it("refuses an unknown event (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    await expectDenied(db, "not_found", () => createProposal(db, signedInAs(speaker.id), "no-such-event", proposalInput(event)));
  });

  it("refuses while the CFP is closed (cfp_closed) and writes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "closed" });
    const speaker = await createUser(db);
    await expectDenied(db, "cfp_closed", () =>
      createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" })),
    );
  });

  it("refuses before the CFP opens (cfp_closed) and writes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "upcoming" });
    const speaker = await createUser(db);
    await expectDenied(db, "cfp_closed", () => createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event)));
  });

  it("refuses a session type id from another event (invalid) and writes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const speaker = await createUser(db);
    await expectDenied(db, "invalid", () =>
      createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event, { sessionTypeId: other.sessionTypes[0].id })),
    );
  });

  it("refuses a track id from another event (invalid) and writes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const speaker = await createUser(db);
    await expectDenied(db, "invalid", () =>
      createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event, { trackId: other.tracks[0].id })),
    );
  });
});

describe("updateProposal", () => {
  it("updates a draft's fields and keeps it a draft, without email", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await makeProposal(db, { event, status: "draft" });
    const input = proposalInput(event, {
      title: "Async Drop, Finally",
      abstract: "Where async cleanup stands today.",
      notes: "",
      level: "ADVANCED",
      sessionTypeId: event.sessionTypes[1].id,
      trackId: event.tracks[1].id,
    });

    const result = await updateProposal(db, signedInAs(draft.speaker.id), draft.id, input);

    expect(result).toEqual({ id: draft.id, eventId: event.id, status: "DRAFT" });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      status: "DRAFT",
      submittedAt: null,
      title: "Async Drop, Finally",
      abstract: "Where async cleanup stands today.",
      notes: "",
      level: "ADVANCED",
      sessionTypeId: event.sessionTypes[1].id,
      trackId: event.tracks[1].id,
    });
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("keeps the library's talk at the latest text, and leaves the talk's proposal to another event alone (ADR 0020)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const draft = await makeProposal(db, { event, status: "draft" });
    const elsewhere = await createProposal(db, signedInAs(draft.speaker.id), other.id, proposalInput(other, { title: draft.title }), {
      talkId: draft.talkId,
    });
    await updateProposal(db, signedInAs(draft.speaker.id), draft.id, proposalInput(event, { title: "A new title" }));
    expect(await db.talk.findUniqueOrThrow({ where: { id: draft.talkId } })).toMatchObject({ title: "A new title" });
    expect(await db.proposal.findUniqueOrThrow({ where: { id: elsewhere.id } })).toMatchObject({ title: draft.title });
  });

  it("updates a submitted proposal, which stays submitted with its submittedAt and sends no new email", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const submitted = await makeProposal(db, { event, status: "submitted" });

    const result = await updateProposal(
      db,
      signedInAs(submitted.speaker.id),
      submitted.id,
      proposalInput(event, { title: "Renamed", intent: "submit" }),
    );

    expect(result.status).toBe("SUBMITTED");
    const row = await db.proposal.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(row).toMatchObject({ title: "Renamed", status: "SUBMITTED", submittedAt: submitted.submittedAt });
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("with intent submit, saves a draft's edits and submits it, enqueuing the submission email", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await makeProposal(db, { event, status: "draft" });

    const result = await updateProposal(
      db,
      signedInAs(draft.speaker.id),
      draft.id,
      proposalInput(event, { title: "Ready now", intent: "submit" }),
    );

    expect(result).toEqual({ id: draft.id, eventId: event.id, status: "SUBMITTED" });
    const row = await db.proposal.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row.title).toBe("Ready now");
    expect(row.status).toBe("SUBMITTED");
    expect(row.submittedAt).toBeInstanceOf(Date);
    expect(await db.outboxEmail.findMany()).toMatchObject([
      { to: draft.speaker.email, kind: "submission-received", subject: "Proposal received: Ready now" },
    ]);
  });

  it("lets a co-speaker edit the proposal", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const cospeaker = await createUser(db);
    const draft = await makeProposal(db, { event, status: "draft", cospeakers: [cospeaker] });
    await updateProposal(db, signedInAs(cospeaker.id), draft.id, proposalInput(event, { title: "Edited by the co-speaker" }));
    expect((await db.proposal.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe("Edited by the co-speaker");
  });

  it("refuses an anonymous caller (unauthenticated) and changes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await makeProposal(db, { event, status: "draft" });
    await expectDenied(db, "unauthenticated", () => updateProposal(db, signedInAs(null), draft.id, proposalInput(event, { title: "x" })));
  });

  it("refuses another speaker (not_found) and changes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await makeProposal(db, { event, status: "draft" });
    const stranger = await makeProposal(db, { event, status: "draft" });
    await expectDenied(db, "not_found", () =>
      updateProposal(db, signedInAs(stranger.speaker.id), draft.id, proposalInput(event, { title: "Hijacked", intent: "submit" })),
    );
  });

  it("refuses the event's organizer, who does not speak on it (not_found), and changes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const submitted = await makeProposal(db, { event, status: "submitted" });
    await expectDenied(db, "not_found", () =>
      updateProposal(db, signedInAs(event.organizer.id), submitted.id, proposalInput(event, { title: "x" })),
    );
  });

  it("refuses an unknown proposal id (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    await expectDenied(db, "not_found", () => updateProposal(db, signedInAs(speaker.id), "no-such-proposal", proposalInput(event)));
  });

  it("refuses while the CFP is closed (cfp_closed) and changes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "closed" });
    const draft = await makeProposal(db, { event, status: "draft" });
    await expectDenied(db, "cfp_closed", () =>
      updateProposal(db, signedInAs(draft.speaker.id), draft.id, proposalInput(event, { title: "Too late", intent: "submit" })),
    );
  });

  it("refuses before the CFP opens (cfp_closed) and changes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db, { cfp: "upcoming" });
    const draft = await makeProposal(db, { event, status: "draft" });
    await expectDenied(db, "cfp_closed", () =>
      updateProposal(db, signedInAs(draft.speaker.id), draft.id, proposalInput(event, { title: "Too early" })),
    );
  });

  it("refuses a session type id from another event (invalid) and changes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const draft = await makeProposal(db, { event, status: "draft" });
    await expectDenied(db, "invalid", () =>
      updateProposal(db, signedInAs(draft.speaker.id), draft.id, proposalInput(event, { sessionTypeId: other.sessionTypes[0].id })),
    );
  });

  it("refuses a track id from another event (invalid) and changes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const draft = await makeProposal(db, { event, status: "draft" });
    await expectDenied(db, "invalid", () =>
      updateProposal(db, signedInAs(draft.speaker.id), draft.id, proposalInput(event, { trackId: other.tracks[1].id })),
    );
  });

  it.each(["accepted", "waitlisted", "rejected", "confirmed", "declined", "withdrawn"] as const)(
    "refuses to edit a %s proposal (conflict) and changes nothing",
    async (status) => {
      const db = getDb();
      const event = await createEvent(db);
      const proposal = await makeProposal(db, { event, status });
      await expectDenied(db, "conflict", () =>
        updateProposal(db, signedInAs(proposal.speaker.id), proposal.id, proposalInput(event, { title: "Changed" })),
      );
    },
  );

  it("refuses a stale edit (an acceptance was published after it was loaded) with conflict and changes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const submitted = await makeProposal(db, { event, status: "submitted" });
    const { client: racing, after: afterAccept } = afterFirst(db, "proposal", "findFirst", async () => {
      await transitionProposal(db, signedInAs(event.organizer.id), submitted.id, "publishAccepted");
    });

    await expectDomainError(
      updateProposal(racing, signedInAs(submitted.speaker.id), submitted.id, proposalInput(event, { title: "Sneaky" })),
      "conflict",
    );

    expect(await snapshot(db)).toEqual(afterAccept());
    expect(await db.proposal.findUniqueOrThrow({ where: { id: submitted.id } })).toMatchObject({
      status: "ACCEPTED",
      title: submitted.title,
    });
  });
});

describe("speaker queries", () => {
  it("listSpeakerProposals lists the proposals the speaker owns or co-speaks on, and no one else's", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const own = await makeProposal(db, { event, speaker, status: "draft" });
    const coSpoken = await makeProposal(db, { event, status: "submitted", cospeakers: [speaker] });
    await makeProposal(db, { event, status: "submitted" });

    const list = await listSpeakerProposals(db, signedInAs(speaker.id));

    expect(list.map((p) => p.id).sort()).toEqual([own.id, coSpoken.id].sort());
    const row = list.find((p) => p.id === own.id)!;
    expect(row).toMatchObject({
      title: own.title,
      status: "DRAFT",
      event: { name: event.name, slug: event.slug, timeZone: event.timeZone },
      sessionType: { name: "Talk" },
    });
    expect(await listSpeakerProposals(db, signedInAs((await createUser(db)).id))).toEqual([]);
  });

  it("listSpeakerProposals orders by last update, newest first", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const a = await makeProposal(db, { event, speaker, status: "draft" });
    const b = await makeProposal(db, { event, speaker, status: "draft" });
    await db.proposal.update({ where: { id: a.id }, data: { updatedAt: new Date(Date.now() + 60_000) } });
    expect((await listSpeakerProposals(db, signedInAs(speaker.id))).map((p) => p.id)).toEqual([a.id, b.id]);
  });

  it("listSpeakerProposals refuses an anonymous caller (unauthenticated)", async () => {
    const db = getDb();
    await expectDomainError(() => listSpeakerProposals(db, signedInAs(null)), "unauthenticated");
  });

  it("getSpeakerProposal returns the proposal with its event's session types, tracks and speakers", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const cospeaker = await createUser(db, { name: "Co Speaker" });
    const proposal = await makeProposal(db, { event, status: "submitted", cospeakers: [cospeaker] });

    const result = await getSpeakerProposal(db, signedInAs(proposal.speaker.id), proposal.id);

    expect(result.proposal).toMatchObject({ id: proposal.id, event: { id: event.id } });
    expect(result.sessionTypes.map((s) => s.id)).toEqual(event.sessionTypes.map((s) => s.id));
    expect(result.tracks.map((t) => t.id)).toEqual(event.tracks.map((t) => t.id));
    expect(result.speakers).toEqual(
      expect.arrayContaining([
        { role: "OWNER", user: { name: proposal.speaker.name, email: proposal.speaker.email } },
        { role: "COSPEAKER", user: { name: "Co Speaker", email: cospeaker.email } },
      ]),
    );
  });

  it("getSpeakerProposal refuses an anonymous caller (unauthenticated)", async () => {
    const db = getDb();
    const proposal = await makeProposal(db, { event: await createEvent(db) });
    await expectDomainError(() => getSpeakerProposal(db, signedInAs(null), proposal.id), "unauthenticated");
  });

  it("getSpeakerProposal refuses another speaker (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await makeProposal(db, { event });
    const other = await makeProposal(db, { event });
    await expectDomainError(getSpeakerProposal(db, signedInAs(other.speaker.id), proposal.id), "not_found");
  });

  it("getSpeakerProposal refuses the event's organizers and reviewers (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const organizer2 = await addOrganizer(db, event);
    const proposal = await makeProposal(db, { event });
    await expectDomainError(getSpeakerProposal(db, signedInAs(event.organizer.id), proposal.id), "not_found");
    await expectDomainError(getSpeakerProposal(db, signedInAs(organizer2.id), proposal.id), "not_found");
    await expectDomainError(getSpeakerProposal(db, signedInAs(reviewer.id), proposal.id), "not_found");
  });
});
