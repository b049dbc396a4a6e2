import { describe, expect, it, vi } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import type { Transporter } from "nodemailer";
import { useTestDb } from "@/tests/support/test-db";
import type { Db } from "@/lib/db/client";
import { addReviewer, createEvent, createOutsider, createProposal, type EventFixture } from "@/tests/factories";
import { queueSpeakerEmails } from "@/lib/lifecycle/notify";
import { deliverQueued, MAX_ATTEMPTS } from "@/lib/email/deliver";
import { enqueueEmail } from "@/lib/email/outbox";
import { discardHeld, listOutbox, OUTBOX_PAGE_SIZE, outboxQuery, releaseHeld, retryFailed } from "@/lib/email/outbox-admin";
import { HIDDEN_RESPONSE_LINK } from "@/lib/text/secret-links";
import { afterFirst, afterQuery, barrier, expectDenied, expectDomainError, snapshot, type ErrorCode } from "./helpers";

const getDb = useTestDb();
const all = outboxQuery.parse({});

/** An event that holds its decision emails, and two proposals whose acceptance emails wait in the outbox. */
async function heldEvent(db: Db) {
  const event = await createEvent(db);
  await db.event.update({ where: { id: event.id }, data: { holdOutbox: true } });
  const a = await createProposal(db, { event, status: "accepted" });
  const b = await createProposal(db, { event, status: "accepted" });
  await db.$transaction(async (tx) => {
    for (const p of [a, b]) await queueSpeakerEmails(tx, { proposalId: p.id, kind: "accepted", actorId: event.organizer.id });
  });
  const held = await db.outboxEmail.findMany({ where: { eventId: event.id }, orderBy: { to: "asc" } });
  expect(held.map((m) => m.status)).toEqual(["HELD", "HELD"]);
  return { event, proposals: [a, b], held };
}

async function message(
  db: Db,
  event: Pick<EventFixture, "id">,
  data: { status: "HELD" | "QUEUED" | "SENDING" | "SENT" | "FAILED"; to?: string; createdAt?: Date; lastError?: string; attempts?: number },
) {
  return db.outboxEmail.create({
    data: {
      to: data.to ?? "speaker@example.org",
      subject: `A ${data.status.toLowerCase()} message`,
      text: "Hello",
      kind: "accepted",
      eventId: event.id,
      ...data,
    },
  });
}

function fakeTransport() {
  const sendMail = vi.fn(async (_mail: { to?: unknown }) => ({ messageId: "<x@test>" }));
  return { sendMail, transport: { sendMail } as unknown as Pick<Transporter, "sendMail"> };
}

async function outsiders(db: Db, event: EventFixture): Promise<{ who: string; actorId: string | null; code: ErrorCode }[]> {
  const proposal = await createProposal(db, { event });
  return [
    { who: "a reviewer of the event", actorId: (await addReviewer(db, event)).id, code: "forbidden" },
    { who: "a speaker of the event", ...(await createOutsider(db, "speaker", event, proposal)) },
    { who: "an organizer of another event", ...(await createOutsider(db, "organizer of another event", event, proposal)) },
    { who: "someone signed out", ...(await createOutsider(db, "anonymous", event, proposal)) },
  ];
}

describe("listOutbox", () => {
  it("lists the event's messages newest first, by status, with error, attempts and counts per tab", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const t = (min: number) => new Date(Date.now() - min * 60_000);
    const failed = await message(db, event, {
      status: "FAILED",
      createdAt: t(5),
      attempts: MAX_ATTEMPTS,
      lastError: "550 Mailbox unavailable",
    });
    const sent = await message(db, event, { status: "SENT", createdAt: t(4) });
    const sending = await message(db, event, { status: "SENDING", createdAt: t(3) });
    const queued = await message(db, event, { status: "QUEUED", createdAt: t(2) });
    const held = await message(db, event, { status: "HELD", createdAt: t(1) });
    await message(db, other, { status: "HELD" });
    await enqueueEmail(db, { to: "someone@example.org", kind: "sign-in", subject: "Sign in", text: "x" }); // no event

    const page = await listOutbox(db, signedInAs(event.organizer.id), event.id, all);
    expect(page.rows.map((r) => r.id)).toEqual([held.id, queued.id, sending.id, sent.id, failed.id]);
    expect(page.counts).toEqual({ all: 5, held: 1, queued: 2, sent: 1, failed: 1 });
    expect(page.rows.at(-1)).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, lastError: "550 Mailbox unavailable" });

    const q = (status: string) => listOutbox(db, signedInAs(event.organizer.id), event.id, outboxQuery.parse({ status }));
    expect((await q("queued")).rows.map((r) => r.id)).toEqual([queued.id, sending.id]);
    expect((await q("failed")).rows.map((r) => r.id)).toEqual([failed.id]);
    expect((await q("held")).rows.map((r) => r.id)).toEqual([held.id]);
    expect((await q("nonsense")).rows).toHaveLength(5); // an unknown tab shows everything
  });

  it(`pages by ${OUTBOX_PAGE_SIZE}`, async () => {
    const db = getDb();
    const event = await createEvent(db);
    await db.outboxEmail.createMany({
      data: Array.from({ length: OUTBOX_PAGE_SIZE + 3 }, (_, i) => ({
        to: `p${i}@example.org`,
        subject: `Message ${i}`,
        text: "x",
        kind: "accepted",
        eventId: event.id,
        status: "SENT" as const,
        createdAt: new Date(Date.now() - i * 1000),
      })),
    });
    const first = await listOutbox(db, signedInAs(event.organizer.id), event.id, outboxQuery.parse({ status: "sent" }));
    const second = await listOutbox(db, signedInAs(event.organizer.id), event.id, outboxQuery.parse({ status: "sent", page: "2" }));
    expect([first.rows.length, first.pages, first.total]).toEqual([OUTBOX_PAGE_SIZE, 2, OUTBOX_PAGE_SIZE + 3]);
    expect(second.rows.map((r) => r.subject)).toEqual(["Message 50", "Message 51", "Message 52"]);
  });

  it("shows where a confirmation link points, never the link itself", async () => {
    const db = getDb();
    const { event, held } = await heldEvent(db);
    expect(held[0].text).toMatch(/\/respond\/[\w-]+\.[\w-]+/);
    const page = await listOutbox(db, signedInAs(event.organizer.id), event.id, all);
    for (const row of page.rows) {
      expect(row.text).toContain(HIDDEN_RESPONSE_LINK);
      expect(row.text).not.toMatch(/\/respond\/[\w-]+\.[\w-]+/);
    }
  });
});

describe("releaseHeld", () => {
  it("releases every held message of the event (HELD → QUEUED), which the sender then delivers", async () => {
    const db = getDb();
    const { event, held } = await heldEvent(db);
    const elsewhere = await message(db, await createEvent(db), { status: "HELD" });
    const { sendMail, transport } = fakeTransport();

    expect(await deliverQueued(db, transport, { now: new Date(Date.now() + 1000) })).toEqual({ sent: 0, failed: 0 });
    expect(await releaseHeld(db, signedInAs(event.organizer.id), event.id)).toEqual({ released: 2 });

    expect(await db.outboxEmail.findMany({ where: { eventId: event.id }, select: { status: true } })).toEqual([
      { status: "QUEUED" },
      { status: "QUEUED" },
    ]);
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: elsewhere.id } })).status).toBe("HELD");
    expect(await deliverQueued(db, transport, { now: new Date(Date.now() + 1000) })).toEqual({ sent: 2, failed: 0 });
    expect(sendMail.mock.calls.map(([m]) => m.to).sort()).toEqual(held.map((m) => m.to).sort());
  });

  it("releases only the selected messages", async () => {
    const db = getDb();
    const { event, held } = await heldEvent(db);
    expect(await releaseHeld(db, signedInAs(event.organizer.id), event.id, [held[1].id])).toEqual({ released: 1 });
    const rows = await db.outboxEmail.findMany({
      where: { eventId: event.id },
      orderBy: { to: "asc" },
      select: { id: true, status: true },
    });
    expect(rows).toEqual([
      { id: held[0].id, status: "HELD" },
      { id: held[1].id, status: "QUEUED" },
    ]);
  });

  it("with nothing held, releases nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    expect(await releaseHeld(db, signedInAs(event.organizer.id), event.id)).toEqual({ released: 0 });
  });

  it("refuses a message that is no longer held, changing nothing", async () => {
    const db = getDb();
    const { event, held } = await heldEvent(db);
    const sent = await message(db, event, { status: "SENT" });
    await expectDenied(db, "conflict", () => releaseHeld(db, signedInAs(event.organizer.id), event.id, [held[0].id, sent.id]));
  });

  it("when another organizer discards one between the read and the write, releases none of them", async () => {
    const db = getDb();
    const { event, held } = await heldEvent(db);
    const { client, after } = afterFirst(db, "outboxEmail", "findMany", () => db.outboxEmail.delete({ where: { id: held[0].id } }));
    await expectDomainError(releaseHeld(client, signedInAs(event.organizer.id), event.id), "conflict");
    expect((await snapshot(db)).outboxEmail).toEqual(after().outboxEmail);
  });

  it("two organizers releasing at once: each message is released once, the later one is told it changed", async () => {
    const db = getDb();
    const { event } = await heldEvent(db);
    const together = afterQuery(db, "outboxEmail", "findMany", barrier(2));
    const results = await Promise.allSettled([
      releaseHeld(together, signedInAs(event.organizer.id), event.id),
      releaseHeld(together, signedInAs(event.organizer.id), event.id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled").map((r) => r.value)).toEqual([{ released: 2 }]);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused && (refused.reason as { code?: string }).code).toBe("conflict");
    expect(await db.outboxEmail.count({ where: { status: "QUEUED" } })).toBe(2);
  });
});

describe("discardHeld", () => {
  it("deletes the selected held messages and notes on each proposal that its email was discarded", async () => {
    const db = getDb();
    const { event, proposals, held } = await heldEvent(db);
    const target = held[0];

    expect(await discardHeld(db, signedInAs(event.organizer.id), event.id, [target.id])).toEqual({ discarded: 1 });

    expect(await db.outboxEmail.findMany({ select: { id: true } })).toEqual([{ id: held[1].id }]);
    const note = await db.proposalActivity.findFirstOrThrow({ where: { proposalId: target.proposalId!, data: { contains: "discarded" } } });
    expect(note).toMatchObject({ kind: "email", actorId: event.organizer.id });
    expect(JSON.parse(note.data)).toEqual({ to: target.to, subject: target.subject, discarded: true });
    const other = proposals.find((p) => p.id !== target.proposalId)!;
    expect(await db.proposalActivity.count({ where: { proposalId: other.id, data: { contains: "discarded" } } })).toBe(0);
  });

  it("discards every held message of the event, and nothing else", async () => {
    const db = getDb();
    const { event } = await heldEvent(db);
    const queued = await message(db, event, { status: "QUEUED" });
    const elsewhere = await message(db, await createEvent(db), { status: "HELD" });
    expect(await discardHeld(db, signedInAs(event.organizer.id), event.id)).toEqual({ discarded: 2 });
    expect((await db.outboxEmail.findMany({ orderBy: { id: "asc" }, select: { id: true } })).map((m) => m.id).sort()).toEqual(
      [queued.id, elsewhere.id].sort(),
    );
  });

  it("when another organizer releases one between the read and the write, discards none and notes nothing", async () => {
    const db = getDb();
    const { event, held } = await heldEvent(db);
    const { client, after } = afterFirst(db, "outboxEmail", "findMany", () =>
      db.outboxEmail.update({ where: { id: held[1].id }, data: { status: "QUEUED" } }),
    );
    await expectDomainError(
      discardHeld(
        client,
        signedInAs(event.organizer.id),
        event.id,
        held.map((m) => m.id),
      ),
      "conflict",
    );
    const state = after();
    const now = await snapshot(db);
    expect(now.outboxEmail).toEqual(state.outboxEmail);
    expect(now.proposalActivity).toEqual(state.proposalActivity);
  });

  it("refuses a message that was already sent, changing nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const sent = await message(db, event, { status: "SENT" });
    await expectDenied(db, "conflict", () => discardHeld(db, signedInAs(event.organizer.id), event.id, [sent.id]));
  });
});

describe("retryFailed", () => {
  it("queues a failed message again with its attempts reset, and the sender tries it", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const failed = await message(db, event, { status: "FAILED", attempts: MAX_ATTEMPTS, lastError: "550 Mailbox unavailable" });

    await retryFailed(db, signedInAs(event.organizer.id), event.id, failed.id);

    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 0, lastError: "550 Mailbox unavailable" });
    const { transport } = fakeTransport();
    expect(await deliverQueued(db, transport, { now: new Date(Date.now() + 1000) })).toEqual({ sent: 1, failed: 0 });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
      lastError: null,
    });
  });

  it("refuses a message that is not failed, changing nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    for (const status of ["HELD", "QUEUED", "SENDING", "SENT"] as const) {
      const m = await message(db, event, { status });
      await expectDenied(db, "conflict", () => retryFailed(db, signedInAs(event.organizer.id), event.id, m.id));
    }
  });

  it("when the message is retried by someone else first, the later retry changes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const failed = await message(db, event, { status: "FAILED", attempts: MAX_ATTEMPTS });
    const { client, after } = afterFirst(db, "outboxEmail", "findMany", () =>
      retryFailed(db, signedInAs(event.organizer.id), event.id, failed.id),
    );
    await expectDomainError(retryFailed(client, signedInAs(event.organizer.id), event.id, failed.id), "conflict");
    expect((await snapshot(db)).outboxEmail).toEqual(after().outboxEmail);
  });
});

describe("who may manage the outbox", () => {
  it("refuses reviewers, speakers, other events' organizers and anyone signed out, changing nothing", async () => {
    const db = getDb();
    const { event, held } = await heldEvent(db);
    const failed = await message(db, event, { status: "FAILED", attempts: MAX_ATTEMPTS });
    for (const { who, actorId, code } of await outsiders(db, event)) {
      const calls: [string, () => Promise<unknown>][] = [
        ["list", () => listOutbox(db, signedInAs(actorId), event.id, all)],
        ["release all", () => releaseHeld(db, signedInAs(actorId), event.id)],
        ["release one", () => releaseHeld(db, signedInAs(actorId), event.id, [held[0].id])],
        ["discard all", () => discardHeld(db, signedInAs(actorId), event.id)],
        ["discard one", () => discardHeld(db, signedInAs(actorId), event.id, [held[0].id])],
        ["retry", () => retryFailed(db, signedInAs(actorId), event.id, failed.id)],
      ];
      for (const [what, call] of calls) {
        await expectDenied(db, code, call).catch((e: unknown) => {
          throw new Error(`${what} by ${who}: ${String(e)}`);
        });
      }
    }
  });

  it("an organizer cannot reach another event's messages through their own event", async () => {
    const db = getDb();
    const mine = await createEvent(db);
    const { held: theirs } = await heldEvent(db);
    const ownHeld = await message(db, mine, { status: "HELD" });
    const theirFailed = await message(db, await createEvent(db), { status: "FAILED", attempts: MAX_ATTEMPTS });
    const me = mine.organizer.id;

    await expectDenied(db, "not_found", () => releaseHeld(db, signedInAs(me), mine.id, [theirs[0].id]));
    await expectDenied(db, "not_found", () => releaseHeld(db, signedInAs(me), mine.id, [ownHeld.id, theirs[0].id]));
    await expectDenied(db, "not_found", () => discardHeld(db, signedInAs(me), mine.id, [theirs[0].id, ownHeld.id]));
    await expectDenied(db, "not_found", () => retryFailed(db, signedInAs(me), mine.id, theirFailed.id));
    await expectDenied(db, "not_found", () => retryFailed(db, signedInAs(me), mine.id, "no-such-message"));
    expect((await listOutbox(db, signedInAs(me), mine.id, all)).rows.map((r) => r.id)).toEqual([ownHeld.id]);
  });
});
