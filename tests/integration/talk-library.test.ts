import { signedInAs } from "@/lib/auth/actor";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { createEvent, createProposal as makeProposal, createUser } from "@/tests/factories";
import { listTalkLibrary, talksNotProposedTo, talkToPropose } from "@/lib/talks/library";
import { proposeTalk } from "@/lib/proposals/propose";
import { updateProposal } from "@/lib/proposals/update-proposal";
import { expectDenied, expectDomainError, proposalInput } from "./helpers";

const getDb = useTestDb();

describe("the talk library (ADR 0020)", () => {
  it("lists the speaker's talks with every event they went to and the status the speaker may see, never a pending decision", async () => {
    const db = getDb();
    const speaker = await createUser(db);
    const first = await createEvent(db, { name: "First Conf 2030" });
    const second = await createEvent(db, { name: "Second Conf 2030" });
    const original = await makeProposal(db, { event: first, speaker, status: "rejected" });
    await makeProposal(db, { event: second, speaker, talk: original.talk, status: "submitted", pendingDecision: "ACCEPTED" });
    await makeProposal(db, { event: first, status: "submitted" }); // someone else's talk

    const library = await listTalkLibrary(db, signedInAs(speaker.id));

    expect(library).toHaveLength(1);
    expect(library[0]).toMatchObject({ id: original.talkId, title: original.talk.title });
    expect(library[0].proposals.map((p) => [p.event.name, p.status])).toEqual([
      ["First Conf 2030", "REJECTED"],
      ["Second Conf 2030", "SUBMITTED"],
    ]);
    expect(JSON.stringify(library)).not.toContain("pendingDecision");
    expect(JSON.stringify(library)).not.toContain("ACCEPTED");
  });

  it("offers the open calls the talk has not gone to, and no closed or upcoming one", async () => {
    const db = getDb();
    const speaker = await createUser(db);
    const proposedTo = await createEvent(db, { name: "Already There 2030" });
    await createEvent(db, { name: "Closed Conf 2030", cfp: "closed" });
    await createEvent(db, { name: "Upcoming Conf 2030", cfp: "upcoming" });
    const open = await createEvent(db, { name: "Open Conf 2030" });
    await makeProposal(db, { event: proposedTo, speaker, status: "draft" });

    const [talk] = await listTalkLibrary(db, signedInAs(speaker.id));

    expect(talk.openEvents.map((e) => e.id)).toEqual([open.id]);
  });

  it("is empty for a speaker with no talks, even if they co-speak on someone else's", async () => {
    const db = getDb();
    const cospeaker = await createUser(db);
    await makeProposal(db, { event: await createEvent(db), cospeakers: [cospeaker] });
    expect(await listTalkLibrary(db, signedInAs(cospeaker.id))).toEqual([]);
  });

  it("refuses anonymous callers", async () => {
    const db = getDb();
    await expectDomainError(() => listTalkLibrary(db, signedInAs(null)), "unauthenticated");
    await expectDomainError(() => talkToPropose(db, signedInAs(undefined), "t", "e"), "unauthenticated");
    await expectDomainError(() => talksNotProposedTo(db, signedInAs(null), "e"), "unauthenticated");
  });

  it("gives the owner the talk's latest text to propose, and nobody else anything", async () => {
    const db = getDb();
    const owner = await createUser(db);
    const other = await createUser(db);
    const event = await createEvent(db);
    const target = await createEvent(db);
    const draft = await makeProposal(db, { event, speaker: owner, status: "draft" });
    await updateProposal(
      db,
      signedInAs(owner.id),
      draft.id,
      proposalInput(event, { title: "Renamed in the draft", abstract: "Latest abstract." }),
    );

    expect(await talkToPropose(db, signedInAs(owner.id), draft.talkId, target.id)).toEqual({
      talk: expect.objectContaining({ id: draft.talkId, title: "Renamed in the draft", abstract: "Latest abstract." }),
      existingProposalId: null,
    });
    expect(await talkToPropose(db, signedInAs(other.id), draft.talkId, target.id)).toBeNull();
    // Already proposed there: the page links to that proposal instead.
    expect(await talkToPropose(db, signedInAs(owner.id), draft.talkId, event.id)).toMatchObject({ existingProposalId: draft.id });
    expect(await talksNotProposedTo(db, signedInAs(owner.id), target.id)).toEqual([{ id: draft.talkId, title: "Renamed in the draft" }]);
    expect(await talksNotProposedTo(db, signedInAs(owner.id), event.id)).toEqual([]);
    expect(await talksNotProposedTo(db, signedInAs(other.id), target.id)).toEqual([]);
  });
});

describe("proposeTalk: reusing a library talk", () => {
  it("copies the talk into a new proposal for the second event; later edits stay with each event", async () => {
    const db = getDb();
    const speaker = await createUser(db);
    const first = await createEvent(db);
    const second = await createEvent(db);
    const original = await makeProposal(db, { event: first, speaker, status: "submitted" });

    const { proposal: copy } = await proposeTalk(
      db,
      signedInAs(speaker.id),
      second.id,
      proposalInput(second, { title: original.title, abstract: original.abstract, intent: "submit" }),
      { talkId: original.talkId },
    );

    expect(copy).toMatchObject({ eventId: second.id, talkId: original.talkId, status: "SUBMITTED", title: original.title });
    expect(copy.id).not.toBe(original.id);
    expect(await db.talk.count()).toBe(1);

    await updateProposal(db, signedInAs(speaker.id), copy.id, proposalInput(second, { title: "Shorter, for the second event" }));
    expect(await db.proposal.findUniqueOrThrow({ where: { id: original.id } })).toMatchObject({
      title: original.title,
      abstract: original.abstract,
    });
    const [talk] = await listTalkLibrary(db, signedInAs(speaker.id));
    expect(talk.title).toBe("Shorter, for the second event");
    expect(talk.proposals.map((p) => p.event.id)).toEqual([first.id, second.id]);
  });

  it("refuses another speaker's talk as not found and writes nothing", async () => {
    const db = getDb();
    const theirs = await makeProposal(db, { event: await createEvent(db) });
    const event = await createEvent(db);
    const intruder = await createUser(db);
    await expectDenied(db, "not_found", () =>
      proposeTalk(db, signedInAs(intruder.id), event.id, proposalInput(event, { title: "Copied" }), { talkId: theirs.talkId }),
    );
  });

  it("refuses a co-speaker copying the owner's talk, and an anonymous caller", async () => {
    const db = getDb();
    const cospeaker = await createUser(db);
    const shared = await makeProposal(db, { event: await createEvent(db), cospeakers: [cospeaker] });
    const event = await createEvent(db);
    await expectDenied(db, "not_found", () =>
      proposeTalk(db, signedInAs(cospeaker.id), event.id, proposalInput(event), { talkId: shared.talkId }),
    );
    await expectDenied(db, "unauthenticated", () =>
      proposeTalk(db, signedInAs(null), event.id, proposalInput(event), { talkId: shared.talkId }),
    );
  });

  it("refuses proposing the talk to an event it already went to", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const original = await makeProposal(db, { event, status: "withdrawn" });
    await expectDenied(db, "conflict", () =>
      proposeTalk(db, signedInAs(original.speaker.id), event.id, proposalInput(event), { talkId: original.talkId }),
    );
  });
});

describe("proposeTalk: co-speakers invited on the first save", () => {
  it("invites each address once the draft exists, through the invitation limits", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);

    const result = await proposeTalk(db, signedInAs(speaker.id), event.id, proposalInput(event, { title: "Pair talk" }), {
      coSpeakers: ["ada@example.org", "grace@example.org"],
    });

    expect(result).toMatchObject({ invited: 2, notInvited: 0 });
    const invitations = await db.coSpeakerInvitation.findMany({ where: { proposalId: result.proposal.id }, orderBy: { email: "asc" } });
    expect(invitations.map((i) => [i.email, i.status])).toEqual([
      ["ada@example.org", "PENDING"],
      ["grace@example.org", "PENDING"],
    ]);
    expect(await db.outboxEmail.count({ where: { kind: "cospeaker-invitation" } })).toBe(2);
  });

  it("keeps the proposal when an invitation is refused, and counts what was not sent", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);

    const result = await proposeTalk(db, signedInAs(speaker.id), event.id, proposalInput(event), {
      coSpeakers: [speaker.email, "ada@example.org"],
    });

    expect(result).toMatchObject({ invited: 1, notInvited: 1 });
    expect(await db.proposal.count({ where: { id: result.proposal.id } })).toBe(1);
  });
});
