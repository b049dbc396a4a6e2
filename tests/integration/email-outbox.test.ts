import { describe, expect, it, vi } from "vitest";
import type { Transporter } from "nodemailer";
import { useTestDb } from "@/tests/support/test-db";
import type { Db } from "@/lib/db/client";
import { mailFrom } from "@/lib/config";
import { enqueueEmail } from "@/lib/email/outbox";
import { deliverQueued, MAX_ATTEMPTS, outboxMessageId } from "@/lib/email/deliver";
import { afterQuery, barrier } from "./helpers";

const getDb = useTestDb();
const SECOND = 1000;
const MINUTE = 60 * SECOND;

type Mail = { from?: unknown; to?: unknown; subject?: unknown; text?: unknown; html?: unknown };

/** A stand-in for a nodemailer transport: `behaviour` decides per message whether it is accepted (return) or not (throw). */
function fakeTransport(behaviour: (mail: Mail) => unknown = () => undefined) {
  const sendMail = vi.fn(async (mail: Mail) => {
    await behaviour(mail);
    return { messageId: `<${Math.random()}@test>` };
  });
  return { sendMail, transport: { sendMail } as unknown as Pick<Transporter, "sendMail"> };
}

const sentTo = (sendMail: ReturnType<typeof fakeTransport>["sendMail"]) => sendMail.mock.calls.map(([m]) => m.to as string);

async function queue(db: Db, n: number, createdAt?: (i: number) => Date) {
  for (let i = 0; i < n; i++) {
    await db.outboxEmail.create({
      data: {
        to: `person${i}@example.com`,
        subject: `Message ${i}`,
        text: `Body ${i}`,
        html: `<p>Body ${i}</p>`,
        kind: "submission-received",
        ...(createdAt ? { createdAt: createdAt(i), nextAttemptAt: createdAt(i) } : {}),
      },
    });
  }
  return db.outboxEmail.findMany({ orderBy: { createdAt: "asc" } });
}

/** A moment safely after every row written so far (their nextAttemptAt defaults to insert time). */
const soon = () => new Date(Date.now() + SECOND);

describe("enqueueEmail", () => {
  it("writes a QUEUED message with an escaped, linked HTML part", async () => {
    const db = getDb();
    await enqueueEmail(db, {
      to: "ada@example.com",
      subject: "Hello",
      kind: "sign-in",
      text: 'Tom & "Jerry" <script>\nhttps://cfp.example/x?a=1&b=2',
    });

    const [row] = await db.outboxEmail.findMany();
    expect(row).toMatchObject({
      to: "ada@example.com",
      subject: "Hello",
      kind: "sign-in",
      status: "QUEUED",
      attempts: 0,
      lastError: null,
      sentAt: null,
      claimedAt: null,
    });
    expect(row.text).toBe('Tom & "Jerry" <script>\nhttps://cfp.example/x?a=1&b=2');
    expect(row.html).toContain("Tom &amp; &quot;Jerry&quot; &lt;script&gt;<br>");
    expect(row.html).toContain('<a href="https://cfp.example/x?a=1&amp;b=2">https://cfp.example/x?a=1&amp;b=2</a>');
    expect(row.html).not.toContain("<script>");
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    const db = getDb();
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, { to: "ada@example.com", subject: "Hello", kind: "sign-in", text: "Hi" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.outboxEmail.count()).toBe(0);
  });
});

describe("deliverQueued", () => {
  it("sends a queued message and marks it SENT (QUEUED → SENT)", async () => {
    const db = getDb();
    const [msg] = await queue(db, 1);
    const { sendMail, transport } = fakeTransport();
    const now = soon();

    expect(await deliverQueued(db, transport, { now })).toEqual({ sent: 1, failed: 0 });

    expect(sendMail).toHaveBeenCalledTimes(1);
    expect(sendMail).toHaveBeenCalledWith({
      from: mailFrom(),
      to: msg.to,
      subject: msg.subject,
      text: msg.text,
      html: msg.html,
      messageId: outboxMessageId(msg.id),
    });
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id: msg.id } });
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null, claimedAt: now });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("sends no html part when the message has none", async () => {
    const db = getDb();
    await db.outboxEmail.create({ data: { to: "a@example.com", subject: "s", text: "t", kind: "sign-in" } });
    const { sendMail, transport } = fakeTransport();
    await deliverQueued(db, transport, { now: soon() });
    expect(sendMail.mock.calls[0][0].html).toBeUndefined();
  });

  it("does not resend a SENT message", async () => {
    const db = getDb();
    await queue(db, 1);
    const { sendMail, transport } = fakeTransport();
    await deliverQueued(db, transport, { now: soon() });
    expect(await deliverQueued(db, transport, { now: new Date(Date.now() + 24 * 60 * MINUTE) })).toEqual({ sent: 0, failed: 0 });
    expect(sendMail).toHaveBeenCalledTimes(1);
  });

  it("leaves messages queued when no transport is configured", async () => {
    const db = getDb();
    const [msg] = await queue(db, 1);
    expect(await deliverQueued(db, null, { now: soon() })).toEqual({ sent: 0, failed: 0 });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: msg.id } })).toEqual(msg);
  });

  it("skips a message whose next attempt is not due yet", async () => {
    const db = getDb();
    const now = soon();
    await db.outboxEmail.create({
      data: { to: "later@example.com", subject: "s", text: "t", kind: "sign-in", nextAttemptAt: new Date(now.getTime() + MINUTE) },
    });
    const { sendMail, transport } = fakeTransport();
    expect(await deliverQueued(db, transport, { now })).toEqual({ sent: 0, failed: 0 });
    expect(sendMail).not.toHaveBeenCalled();
  });

  it("on failure puts the message back in the queue with attempts 1, lastError and a 30 s backoff", async () => {
    const db = getDb();
    const [msg] = await queue(db, 1);
    const { transport } = fakeTransport(() => {
      throw new Error("451 4.7.1 Try again later");
    });
    const now = soon();

    expect(await deliverQueued(db, transport, { now })).toEqual({ sent: 0, failed: 1 });

    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: msg.id } })).toMatchObject({
      status: "QUEUED",
      attempts: 1,
      lastError: "451 4.7.1 Try again later",
      sentAt: null,
      nextAttemptAt: new Date(now.getTime() + 30 * SECOND),
    });
  });

  it("does not retry before the backoff has passed, then retries and counts the attempt", async () => {
    const db = getDb();
    const [msg] = await queue(db, 1);
    let fail = true;
    const { sendMail, transport } = fakeTransport(() => {
      if (fail) throw new Error("connection refused");
    });
    const t0 = soon();
    await deliverQueued(db, transport, { now: t0 });

    expect(await deliverQueued(db, transport, { now: new Date(t0.getTime() + 29 * SECOND) })).toEqual({ sent: 0, failed: 0 });
    expect(sendMail).toHaveBeenCalledTimes(1);

    fail = false;
    expect(await deliverQueued(db, transport, { now: new Date(t0.getTime() + 30 * SECOND) })).toEqual({ sent: 1, failed: 0 });
    expect(sendMail).toHaveBeenCalledTimes(2);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: msg.id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
      lastError: null,
    });
  });

  it(`marks a message FAILED after ${MAX_ATTEMPTS} attempts, with growing backoff and the last error, and never tries it again`, async () => {
    const db = getDb();
    const [msg] = await queue(db, 1);
    let attempt = 0;
    const { sendMail, transport } = fakeTransport(() => {
      throw new Error(`550 mailbox unavailable (try ${++attempt})`);
    });
    let now = soon();
    const delays: number[] = [];

    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      expect(await deliverQueued(db, transport, { now })).toEqual({ sent: 0, failed: 1 });
      const row = await db.outboxEmail.findUniqueOrThrow({ where: { id: msg.id } });
      expect(row.attempts).toBe(i);
      expect(row.lastError).toBe(`550 mailbox unavailable (try ${i})`);
      expect(row.status).toBe(i < MAX_ATTEMPTS ? "QUEUED" : "FAILED");
      delays.push(row.nextAttemptAt.getTime() - now.getTime());
      now = row.nextAttemptAt;
    }

    expect(MAX_ATTEMPTS).toBe(5);
    expect(delays.slice(0, 4)).toEqual([30 * SECOND, 2 * MINUTE, 10 * MINUTE, 60 * MINUTE]);
    expect(await deliverQueued(db, transport, { now: new Date(now.getTime() + 365 * 24 * 60 * MINUTE) })).toEqual({ sent: 0, failed: 0 });
    expect(sendMail).toHaveBeenCalledTimes(MAX_ATTEMPTS);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: msg.id } })).toMatchObject({
      status: "FAILED",
      attempts: MAX_ATTEMPTS,
      sentAt: null,
    });
  });

  it("records a non-Error rejection and truncates long errors to 500 characters", async () => {
    const db = getDb();
    const [a, b] = await queue(db, 2);
    const { transport } = fakeTransport((mail) => {
      if (mail.to === a.to) throw "plain string failure";
      throw new Error("x".repeat(2000));
    });
    await deliverQueued(db, transport, { now: soon() });
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: a.id } })).lastError).toBe("plain string failure");
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: b.id } })).lastError).toBe("x".repeat(500));
  });

  it("one failing message does not stop the others", async () => {
    const db = getDb();
    const [a, b, c] = await queue(db, 3);
    const { transport } = fakeTransport((mail) => {
      if (mail.to === b.to) throw new Error("rejected recipient");
    });
    expect(await deliverQueued(db, transport, { now: soon() })).toEqual({ sent: 2, failed: 1 });
    const rows = await db.outboxEmail.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [a.id, "SENT"],
      [b.id, "QUEUED"],
      [c.id, "SENT"],
    ]);
  });

  it("takes over a SENDING message whose claim is older than the 5-minute lease, but not a fresh claim", async () => {
    const db = getDb();
    const now = soon();
    const stale = await db.outboxEmail.create({
      data: {
        to: "stale@example.com",
        subject: "s",
        text: "t",
        kind: "sign-in",
        status: "SENDING",
        attempts: 1,
        claimedAt: new Date(now.getTime() - 6 * MINUTE),
      },
    });
    const fresh = await db.outboxEmail.create({
      data: {
        to: "fresh@example.com",
        subject: "s",
        text: "t",
        kind: "sign-in",
        status: "SENDING",
        attempts: 1,
        claimedAt: new Date(now.getTime() - 1 * MINUTE),
      },
    });
    const { sendMail, transport } = fakeTransport();

    expect(await deliverQueued(db, transport, { now })).toEqual({ sent: 1, failed: 0 });

    expect(sentTo(sendMail)).toEqual(["stale@example.com"]);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "SENT", attempts: 2 });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: fresh.id } })).toEqual(fresh);
  });

  it("sends the oldest messages first, at most `limit` per run", async () => {
    const db = getDb();
    const base = Date.now() - 10 * MINUTE;
    // Created newest first, so insertion order differs from createdAt order.
    const rows = await queue(db, 4, (i) => new Date(base + (4 - i) * SECOND));
    const { sendMail, transport } = fakeTransport();

    expect(await deliverQueued(db, transport, { now: soon(), limit: 2 })).toEqual({ sent: 2, failed: 0 });

    expect(sentTo(sendMail)).toEqual([rows[0].to, rows[1].to]);
    expect(await db.outboxEmail.count({ where: { status: "QUEUED" } })).toBe(2);
  });

  it("two concurrent deliverQueued calls never send the same message twice", async () => {
    const db = getDb();
    const rows = await queue(db, 20);
    const { sendMail, transport } = fakeTransport(() => new Promise((resolve) => setTimeout(resolve, 2)));
    const now = soon();

    const [r1, r2] = await Promise.all([deliverQueued(db, transport, { now }), deliverQueued(db, transport, { now })]);

    expect(r1.sent + r2.sent).toBe(20);
    expect(r1.failed + r2.failed).toBe(0);
    expect(sentTo(sendMail).sort()).toEqual(rows.map((r) => r.to).sort());
    expect(await db.outboxEmail.findMany({ select: { status: true, attempts: true } })).toEqual(
      Array(20).fill({ status: "SENT", attempts: 1 }),
    );
  });

  it("two senders that read the same candidates: each message is claimed and sent by exactly one", async () => {
    const db = getDb();
    const rows = await queue(db, 10);
    const { sendMail, transport } = fakeTransport(() => new Promise((resolve) => setTimeout(resolve, 1)));
    // Both senders hold after their candidate query until the other has run it too.
    const together = afterQuery(db, "outboxEmail", "findMany", barrier(2));
    const now = soon();

    const [r1, r2] = await Promise.all([deliverQueued(together, transport, { now }), deliverQueued(together, transport, { now })]);

    expect(r1.sent + r2.sent).toBe(10);
    expect(sentTo(sendMail).sort()).toEqual(rows.map((r) => r.to).sort());
    expect(await db.outboxEmail.findMany({ select: { status: true, attempts: true } })).toEqual(
      Array(10).fill({ status: "SENT", attempts: 1 }),
    );
  });

  it("two concurrent senders with a failing transport attempt each message once per round", async () => {
    const db = getDb();
    await queue(db, 8);
    const { sendMail, transport } = fakeTransport(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      throw new Error("SMTP down");
    });
    const together = afterQuery(db, "outboxEmail", "findMany", barrier(2));
    const now = soon();

    const [r1, r2] = await Promise.all([deliverQueued(together, transport, { now }), deliverQueued(together, transport, { now })]);

    expect(r1.failed + r2.failed).toBe(8);
    expect(sendMail).toHaveBeenCalledTimes(8);
    expect(await db.outboxEmail.findMany({ select: { status: true, attempts: true, lastError: true } })).toEqual(
      Array(8).fill({ status: "QUEUED", attempts: 1, lastError: "SMTP down" }),
    );
  });
});
