import { signedInAs } from "@/lib/auth/actor";
// Stable identifiers (lib/identifiers): every proposal gets a public code, a
// number within its event and a guid; every user a public code; on every
// insert path the app has.
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { createEvent, createUser } from "@/tests/factories";
import { createProposal } from "@/lib/proposals/create-proposal";
import { updateProposal } from "@/lib/proposals/update-proposal";
import { inviteTeamMember } from "@/lib/events/team";
import { inviteInput } from "@/lib/events/schemas";
import { CODE_PATTERN, normalizeCode, randomCode } from "@/lib/identifiers/public-code";
import { allocateProposalNumbers } from "@/lib/identifiers/proposal-number";
import { proposalInput } from "./helpers";

const getDb = useTestDb();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("proposal identifiers", () => {
  it("gives each new proposal a public code, the event's next number and a UUID guid", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const speaker = await createUser(db);

    const first = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event));
    const second = await createProposal(db, signedInAs((await createUser(db)).id), event.id, proposalInput(event, { intent: "submit" }));
    const elsewhere = await createProposal(db, signedInAs(speaker.id), other.id, proposalInput(other));

    for (const p of [first, second, elsewhere]) {
      expect(p.code).toMatch(CODE_PATTERN);
      expect(p.guid).toMatch(UUID);
    }
    expect(new Set([first.code, second.code, elsewhere.code]).size).toBe(3);
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(elsewhere.number).toBe(1);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).lastProposalNumber).toBe(2);
  });

  it("never changes the identifiers when the proposal is edited", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const created = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event));
    await updateProposal(db, signedInAs(speaker.id), created.id, proposalInput(event, { title: "A new title for the same talk" }));
    const after = await db.proposal.findUniqueOrThrow({ where: { id: created.id } });
    expect(after).toMatchObject({ code: created.code, number: created.number, guid: created.guid, title: "A new title for the same talk" });
  });

  it("hands out distinct consecutive numbers to proposals created at the same time", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speakers = await Promise.all(Array.from({ length: 6 }, () => createUser(db)));
    const created = await Promise.all(speakers.map((s) => createProposal(db, signedInAs(s.id), event.id, proposalInput(event))));
    expect(created.map((p) => p.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("gives the number back when the transaction that allocated it fails", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await expect(
      db.$transaction(async (tx) => {
        await allocateProposalNumbers(tx, event.id);
        throw new Error("the insert failed");
      }),
    ).rejects.toThrow("the insert failed");
    const p = await createProposal(db, signedInAs((await createUser(db)).id), event.id, proposalInput(event));
    expect(p.number).toBe(1);
  });

  it("refuses a second proposal with the same number in one event (unique index)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const p = await createProposal(db, signedInAs((await createUser(db)).id), event.id, proposalInput(event));
    const speaker = await createUser(db);
    const talk = await db.talk.create({ data: { ownerId: speaker.id, title: "T", abstract: "A", level: "BEGINNER" } });
    await expect(
      db.proposal.create({
        data: {
          code: randomCode(),
          number: p.number,
          eventId: event.id,
          talkId: talk.id,
          title: "T",
          abstract: "A",
          level: "BEGINNER",
          sessionTypeId: event.sessionTypes[0].id,
        },
      }),
    ).rejects.toThrow();
  });
});

describe("user codes", () => {
  it("gives a user created by a team invitation a public code", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await inviteTeamMember(
      db,
      signedInAs(event.organizer.id),
      event.id,
      inviteInput.parse({ email: "new.person@example.com", role: "REVIEWER" }),
    );
    const user = await db.user.findUniqueOrThrow({ where: { email: "new.person@example.com" } });
    expect(user.code).toMatch(CODE_PATTERN);
  });

  it("draws codes from the unambiguous alphabet and reads typed codes case-insensitively", () => {
    for (let i = 0; i < 200; i++) expect(randomCode()).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ3789]{6}$/);
    expect(normalizeCode(" ab3cde ")).toBe("AB3CDE");
  });
});
