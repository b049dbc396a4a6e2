import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal as createProposalRow, createUser } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { proposalActivity, ACTIVITY_PAGE_SIZE } from "@/lib/activity/log";
import type { ActivityEntry } from "@/lib/activity/describe";
import { publishDecisions, setPendingDecisions } from "@/lib/lifecycle/decide";
import { createProposal } from "@/lib/proposals/create-proposal";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { updateProposal } from "@/lib/proposals/update-proposal";
import { expectDenied, expectDomainError, proposalInput } from "./helpers";

const getDb = useTestDb();

const ABSTRACT = "We build a tiny executor and watch where Pin matters.";
const EDITED = "We build a tiny executor from scratch and watch exactly where Pin matters.";

async function setup(db: Db) {
  const olivia = await createUser(db, { name: "Olivia Laurent", email: "olivia@example.com" });
  const event = await createEvent(db, { organizer: olivia, name: "RustFest Lyon 2027" });
  const mara = await createUser(db, { name: "Mara Chen", email: "mara@example.com" });
  return { event, olivia, mara };
}

/** What an organizer reads: who, and the sentence. */
const lines = (entries: ActivityEntry[]) => entries.map((e) => [e.actor, e.text]);

describe("proposal activity log", () => {
  it("records a proposal's whole path, newest first, with who did what", async () => {
    const db = getDb();
    const { event, olivia, mara } = await setup(db);
    const input = { title: "Async Rust in Practice", abstract: ABSTRACT };

    const proposal = await createProposal(db, signedInAs(mara.id), event.id, proposalInput(event, { ...input, intent: "submit" }));
    await updateProposal(
      db,
      signedInAs(mara.id),
      proposal.id,
      proposalInput(event, { title: "Async Rust in Production", abstract: EDITED }),
    );
    await setPendingDecisions(db, signedInAs(olivia.id), event.id, [proposal.id], "ACCEPTED");
    await publishDecisions(db, signedInAs(olivia.id), event.id, [proposal.id]);
    await transitionProposal(db, signedInAs(mara.id), proposal.id, "confirm");

    const log = await proposalActivity(db, signedInAs(olivia.id), event.id, proposal.id);
    expect(lines(log.entries)).toEqual([
      ["Mara Chen", "Mara Chen confirmed: Accepted → Confirmed"],
      ["Olivia Laurent", "Email “Accepted: Async Rust in Production at RustFest Lyon 2027” queued to mara@example.com"],
      ["Olivia Laurent", "Olivia Laurent published: Submitted → Accepted"],
      ["Olivia Laurent", "Olivia Laurent marked it accepted (not published)"],
      ["Mara Chen", "Mara Chen edited the title and abstract"],
      ["Mara Chen", "Email “Proposal received: Async Rust in Practice” queued to mara@example.com"],
      ["Mara Chen", "Mara Chen submitted it"],
    ]);
    expect(log).toMatchObject({ page: 1, pages: 1, total: 7 });

    const edit = log.entries[4];
    expect(edit.changes).toEqual([
      {
        field: "title",
        label: "title",
        kind: "text",
        diff: [
          { kind: "same", text: "Async Rust in " },
          { kind: "removed", text: "Practice" },
          { kind: "added", text: "Production" },
        ],
      },
      {
        field: "abstract",
        label: "abstract",
        kind: "text",
        diff: [
          { kind: "same", text: "We build a tiny executor " },
          { kind: "added", text: "from scratch " },
          { kind: "same", text: "and watch " },
          { kind: "added", text: "exactly " },
          { kind: "same", text: "where Pin matters." },
        ],
      },
    ]);
    // Every line carries its time, newest first.
    const times = log.entries.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("stores only the fields that changed, session type and track by name", async () => {
    const db = getDb();
    const { event, olivia, mara } = await setup(db);
    const proposal = await createProposal(db, signedInAs(mara.id), event.id, proposalInput(event, { intent: "submit" }));

    await updateProposal(
      db,
      signedInAs(mara.id),
      proposal.id,
      proposalInput(event, { level: "ADVANCED", sessionTypeId: event.sessionTypes[1].id, trackId: "" }),
    );

    const rows = await db.proposalActivity.findMany({ where: { proposalId: proposal.id, kind: "edit" } });
    expect(rows.map((r) => [r.actorId, JSON.parse(r.data)])).toEqual([
      [
        mara.id,
        {
          changes: {
            level: { from: "INTERMEDIATE", to: "ADVANCED" },
            sessionType: { from: "Talk", to: "Lightning talk" },
            track: { from: "Systems & Embedded", to: null },
          },
        },
      ],
    ]);
    const [entry] = (await proposalActivity(db, signedInAs(olivia.id), event.id, proposal.id)).entries;
    expect(entry.text).toBe("Mara Chen edited the level, session type and track");
    expect(entry.changes).toEqual([
      { field: "level", label: "level", kind: "choice", from: "Intermediate", to: "Advanced" },
      { field: "sessionType", label: "session type", kind: "choice", from: "Talk", to: "Lightning talk" },
      { field: "track", label: "track", kind: "choice", from: "Systems & Embedded", to: "none" },
    ]);
  });

  it("logs nothing for a save that changes nothing", async () => {
    const db = getDb();
    const { event, mara } = await setup(db);
    const proposal = await createProposal(db, signedInAs(mara.id), event.id, proposalInput(event, { intent: "submit" }));
    const before = await db.proposalActivity.count();

    await updateProposal(db, signedInAs(mara.id), proposal.id, proposalInput(event));

    expect(await db.proposalActivity.count()).toBe(before);
  });

  it("does not log a draft's edits, nor the edits saved with its submission", async () => {
    const db = getDb();
    const { event, olivia, mara } = await setup(db);
    const draft = await createProposal(db, signedInAs(mara.id), event.id, proposalInput(event, { title: "First idea" }));

    await updateProposal(db, signedInAs(mara.id), draft.id, proposalInput(event, { title: "Second idea", abstract: EDITED }));
    expect(await db.proposalActivity.count({ where: { proposalId: draft.id } })).toBe(0);
    await updateProposal(db, signedInAs(mara.id), draft.id, proposalInput(event, { title: "Final idea", intent: "submit" }));

    const log = await proposalActivity(db, signedInAs(olivia.id), event.id, draft.id);
    expect(lines(log.entries)).toEqual([
      ["Mara Chen", "Email “Proposal received: Final idea” queued to mara@example.com"],
      ["Mara Chen", "Mara Chen submitted it"],
    ]);
  });

  it("writes the edit line in the edit's transaction: if the line fails, the edit is undone", async () => {
    const db = getDb();
    const { event, mara } = await setup(db);
    const proposal = await createProposal(db, signedInAs(mara.id), event.id, proposalInput(event, { intent: "submit", title: "Kept" }));
    const failing = db.$extends({
      query: {
        proposalActivity: {
          async create() {
            throw new Error("disk full");
          },
        },
      },
    } as never) as unknown as Db;

    await expect(updateProposal(failing, signedInAs(mara.id), proposal.id, proposalInput(event, { title: "Lost" }))).rejects.toThrow(
      "disk full",
    );
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).title).toBe("Kept");
  });

  it("refuses a stale edit with conflict and logs nothing", async () => {
    const db = getDb();
    const { event, mara } = await setup(db);
    const proposal = await createProposal(db, signedInAs(mara.id), event.id, proposalInput(event, { intent: "submit" }));
    const version = new Date(proposal.updatedAt.getTime() - 60_000).toISOString();

    await expectDenied(db, "conflict", () =>
      updateProposal(db, signedInAs(mara.id), proposal.id, proposalInput(event, { title: "Stale", version })),
    );
  });

  it("says when an email is held for review, and when the app promoted a proposal by itself", async () => {
    const db = getDb();
    const { event, olivia } = await setup(db);
    const proposal = await createProposalRow(db, { event, status: "submitted" });
    await db.proposalActivity.createMany({
      data: [
        {
          proposalId: proposal.id,
          actorId: null,
          kind: "status",
          data: JSON.stringify({ from: "WAITLISTED", to: "ACCEPTED", transition: "promote" }),
          createdAt: new Date(1000),
        },
        {
          proposalId: proposal.id,
          actorId: olivia.id,
          kind: "email",
          data: JSON.stringify({ to: "x@example.com", kind: "accepted", subject: "Accepted: Pin", held: true }),
          createdAt: new Date(2000),
        },
        {
          proposalId: proposal.id,
          actorId: olivia.id,
          kind: "pending-decision",
          data: JSON.stringify({ from: "ACCEPTED", to: null }),
          createdAt: new Date(3000),
        },
        {
          proposalId: proposal.id,
          actorId: olivia.id,
          kind: "cospeaker",
          data: JSON.stringify({ email: "x@y.org", status: "PENDING" }),
          createdAt: new Date(4000),
        },
      ],
    });

    const log = await proposalActivity(db, signedInAs(olivia.id), event.id, proposal.id);
    expect(lines(log.entries)).toEqual([
      ["Olivia Laurent", "Olivia Laurent invited co-speaker x@y.org (pending)"],
      ["Olivia Laurent", "Olivia Laurent cleared the unpublished decision (was accepted)"],
      ["Olivia Laurent", "Email “Accepted: Pin” queued to x@example.com (held for review)"],
      [null, "The app promoted it from the waitlist: Waitlisted → Accepted"],
    ]);
  });

  it("shows unknown kinds and malformed data generically instead of failing", async () => {
    const db = getDb();
    const { event, olivia, mara } = await setup(db);
    const proposal = await createProposalRow(db, { event, speaker: mara, status: "submitted" });
    const rows: [string, string][] = [
      ["review-assignment", JSON.stringify({ reviewer: "r@example.com" })],
      ["status", "not json"],
      ["email", JSON.stringify({ to: 5 })],
      ["edit", JSON.stringify({ changes: "everything" })],
      ["edit", JSON.stringify({ changes: { title: { from: "A", to: "B" }, slides: { from: null, to: "deck.pdf" } } })],
      ["cospeaker", "null"],
    ];
    await db.proposalActivity.createMany({
      data: rows.map(([kind, data], i) => ({
        proposalId: proposal.id,
        actorId: mara.id,
        kind,
        data,
        createdAt: new Date(1000 * (rows.length - i)),
      })),
    });

    const log = await proposalActivity(db, signedInAs(olivia.id), event.id, proposal.id);
    expect(lines(log.entries)).toEqual([
      ["Mara Chen", "Mara Chen recorded “review-assignment”"],
      ["Mara Chen", "Mara Chen recorded “status”"],
      ["Mara Chen", "Mara Chen recorded “email”"],
      ["Mara Chen", "Mara Chen recorded “edit”"],
      ["Mara Chen", "Mara Chen edited the title and slides"],
      ["Mara Chen", "Mara Chen recorded “cospeaker”"],
    ]);
    expect(log.entries[4].changes.map((c) => c.kind)).toEqual(["text", "choice"]);
  });

  it("pages by 50, newest first", async () => {
    const db = getDb();
    const { event, olivia } = await setup(db);
    const proposal = await createProposalRow(db, { event, status: "submitted" });
    await db.proposalActivity.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        proposalId: proposal.id,
        actorId: olivia.id,
        kind: "pending-decision",
        data: JSON.stringify({ from: null, to: "ACCEPTED", n: i }),
        createdAt: new Date(Date.UTC(2027, 0, 1) + i * 60_000),
      })),
    });
    const minutes = (log: { entries: ActivityEntry[] }) => log.entries.map((e) => (e.at.getTime() - Date.UTC(2027, 0, 1)) / 60_000);
    const read = (page: number) => proposalActivity(db, signedInAs(olivia.id), event.id, proposal.id, page);

    const [first, second, third, beyond] = await Promise.all([read(1), read(2), read(3), read(4)]);
    expect(ACTIVITY_PAGE_SIZE).toBe(50);
    expect(minutes(first)).toEqual(Array.from({ length: 50 }, (_, i) => 119 - i));
    expect(minutes(second)).toEqual(Array.from({ length: 50 }, (_, i) => 69 - i));
    expect(minutes(third)).toEqual(Array.from({ length: 20 }, (_, i) => 19 - i));
    expect(beyond.entries).toEqual([]);
    for (const [log, page] of [
      [first, 1],
      [second, 2],
      [third, 3],
      [beyond, 4],
    ] as const)
      expect(log).toMatchObject({ page, pages: 3, total: 120 });
    // Nonsense page numbers read the first page.
    for (const page of [0, -3, 1.5, Number.NaN]) expect((await read(page)).page).toBe(1);
  });

  describe("who may read it", () => {
    async function submitted(db: Db) {
      const { event, olivia, mara } = await setup(db);
      const proposal = await createProposal(db, signedInAs(mara.id), event.id, proposalInput(event, { intent: "submit" }));
      return { event, olivia, mara, proposal };
    }

    it("another organizer of the event may", async () => {
      const db = getDb();
      const { event, proposal } = await submitted(db);
      const colleague = await addOrganizer(db, event);
      expect((await proposalActivity(db, signedInAs(colleague.id), event.id, proposal.id)).total).toBe(2);
    });

    it("refuses a reviewer of the event (forbidden) and changes nothing", async () => {
      const db = getDb();
      const { event, proposal } = await submitted(db);
      const reviewer = await addReviewer(db, event);
      await expectDenied(db, "forbidden", () => proposalActivity(db, signedInAs(reviewer.id), event.id, proposal.id));
    });

    it("refuses the proposal's own speaker (not_found) and changes nothing", async () => {
      const db = getDb();
      const { event, mara, proposal } = await submitted(db);
      await expectDenied(db, "not_found", () => proposalActivity(db, signedInAs(mara.id), event.id, proposal.id));
    });

    it("refuses an organizer who speaks on the proposal (not_found) and changes nothing", async () => {
      const db = getDb();
      const { event } = await setup(db);
      const colleague = await addOrganizer(db, event);
      const own = await createProposalRow(db, { event, cospeakers: [colleague] });
      await expectDenied(db, "not_found", () => proposalActivity(db, signedInAs(colleague.id), event.id, own.id));
    });

    it("refuses an organizer of another event (not_found), also when they name their own event", async () => {
      const db = getDb();
      const { event, proposal } = await submitted(db);
      const other = await createEvent(db);
      await expectDenied(db, "not_found", () => proposalActivity(db, signedInAs(other.organizer.id), event.id, proposal.id));
      await expectDenied(db, "not_found", () => proposalActivity(db, signedInAs(other.organizer.id), other.id, proposal.id));
    });

    it("refuses an anonymous caller (unauthenticated) and changes nothing", async () => {
      const db = getDb();
      const { event, proposal } = await submitted(db);
      await expectDenied(db, "unauthenticated", () => proposalActivity(db, signedInAs(null), event.id, proposal.id));
    });

    it("has no log of a draft for the organizers (not_found), like the proposal page", async () => {
      const db = getDb();
      const { event, olivia } = await setup(db);
      const draft = await createProposalRow(db, { event, status: "draft" });
      await expectDomainError(proposalActivity(db, signedInAs(olivia.id), event.id, draft.id), "not_found");
    });
  });
});
