import { afterEach, describe, expect, it } from "vitest";
import { getTestDbUrl, isPostgresRun, useTestDb } from "@/tests/support/test-db";
import { startSmtpServer } from "@/tests/support/smtp-server";
import { createDb, type Db } from "@/lib/db/client";
import { deliverOne, type Transport } from "@/lib/email/deliver";
import { startDeliveryLoop, type DeliveryLoop, type Timers } from "@/lib/email/delivery-loop";
import { enqueueEmail } from "@/lib/email/outbox";
import { afterQuery, barrier } from "./helpers";

// The delivery loop is driven by hand: a fake timer records each scheduled
// round and its pause, and the test runs it with the clock it chooses.

const SECOND = 1000;
const T0 = new Date("2030-01-01T09:00:00Z").getTime();

function manualTimers() {
  const pending: { run: () => Promise<void>; ms: number }[] = [];
  const timers: Timers = {
    set: (run, ms) => {
      const handle = { run, ms };
      pending.push(handle);
      return handle;
    },
    clear: (handle) => void pending.splice(pending.indexOf(handle as (typeof pending)[number]), 1),
  };
  return {
    timers,
    pending,
    /** Runs the next scheduled round; answers the pause it had been scheduled with. */
    async runNext(): Promise<number> {
      const next = pending.shift();
      if (!next) throw new Error("no round is scheduled");
      await next.run();
      return next.ms;
    },
  };
}

const getDb = useTestDb();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function smtp(options?: { refuse?: boolean }) {
  const server = await startSmtpServer(options);
  cleanups.push(server.close);
  return server;
}

function loop(
  db: Db,
  transport: Transport,
  clock: { now: number },
  timers: Timers,
  extra: { intervalMs?: number; batch?: number } = {},
): DeliveryLoop {
  const started = startDeliveryLoop({
    db,
    transport,
    timers,
    now: () => new Date(clock.now),
    intervalMs: 5 * SECOND,
    onError: () => {},
    ...extra,
  });
  cleanups.push(started.stop);
  return started;
}

async function queue(db: Db, n: number, prefix = "person") {
  const ids: string[] = [];
  for (let i = 0; i < n; i++)
    ids.push((await enqueueEmail(db, { to: `${prefix}${i}@example.org`, kind: "vacancy", subject: `Message ${i}`, text: "Hello" })).id);
  return ids;
}

describe("the delivery loop", () => {
  it("retries a failed message after its backoff while nobody uses the app", async () => {
    const db = getDb();
    const server = await smtp({ refuse: true });
    await db.outboxEmail.create({
      data: { to: "ada@example.org", kind: "vacancy", subject: "Hi", text: "x", html: "", nextAttemptAt: new Date(T0) },
    });
    const clock = { now: T0 };
    const t = manualTimers();
    loop(db, server.transport(), clock, t.timers);

    await t.runNext(); // the first round, at start
    expect(await db.outboxEmail.findFirstOrThrow()).toMatchObject({
      status: "QUEUED",
      attempts: 1,
      lastError: expect.stringMatching(/Mailbox unavailable|550/),
    });
    server.refuse(false); // the mailbox comes back; no request ever arrives

    // Rounds every 5 s leave it alone until its 30 s backoff has passed, then send it.
    let rounds = 0;
    while (server.received.length === 0) {
      clock.now += t.pending[0].ms;
      await t.runNext();
      rounds++;
      if (clock.now < T0 + 30 * SECOND) expect((await db.outboxEmail.findFirstOrThrow()).attempts).toBe(1);
      expect(rounds).toBeLessThan(20);
    }
    expect(clock.now).toBeGreaterThanOrEqual(T0 + 30 * SECOND);
    expect(rounds).toBe(6);
    expect(await db.outboxEmail.findFirstOrThrow()).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(server.received.map((m) => m.to)).toEqual([["ada@example.org"]]);
  });

  it("works through a backlog without pausing, then waits the interval", async () => {
    const db = getDb();
    const server = await smtp();
    await queue(db, 5);
    const clock = { now: Date.now() + SECOND };
    const t = manualTimers();
    loop(db, server.transport(), clock, t.timers, { batch: 2 });

    const pauses = [await t.runNext(), await t.runNext(), await t.runNext(), await t.runNext()];

    expect(pauses).toEqual([0, 0, 0, 5 * SECOND]); // full rounds of 2, 2, then 1: the next waits
    expect(server.received).toHaveLength(5);
  });

  it("backs off when a round fails (database unreachable), and recovers", async () => {
    const db = getDb();
    const server = await smtp();
    let down = true;
    const flaky = db.$extends({
      query: {
        outboxEmail: {
          async findMany({ args, query }) {
            if (down) throw new Error("database unreachable");
            return query(args);
          },
        },
      },
    }) as unknown as Db;
    const t = manualTimers();
    const errors: unknown[] = [];
    const started = startDeliveryLoop({
      db: flaky,
      transport: server.transport(),
      timers: t.timers,
      intervalMs: 5 * SECOND,
      maxBackoffMs: 60 * SECOND,
      onError: (e) => errors.push(e),
    });
    cleanups.push(started.stop);

    const pauses = [];
    for (let i = 0; i < 5; i++) pauses.push(await t.runNext());
    down = false;
    pauses.push(await t.runNext());
    pauses.push(t.pending[0].ms);

    expect(pauses).toEqual([0, 10 * SECOND, 20 * SECOND, 40 * SECOND, 60 * SECOND, 60 * SECOND, 5 * SECOND]);
    expect(errors).toHaveLength(5);
  });

  it("stops: no round is left scheduled and the one running finishes first", async () => {
    const db = getDb();
    const server = await smtp();
    const t = manualTimers();
    const started = loop(db, server.transport(), { now: Date.now() }, t.timers);
    expect(t.pending).toHaveLength(1);
    await started.stop();
    expect(t.pending).toHaveLength(0);
  });

  it("stopped mid-round: the message in hand is sent and marked, no other is claimed", async () => {
    const db = getDb();
    const server = await smtp();
    const ids = await queue(db, 5);
    let inHand!: () => void;
    const held = new Promise<void>((r) => (inHand = r));
    let release!: () => void;
    const transport: Transport = {
      sendMail: async (m) => {
        inHand();
        await new Promise<void>((r) => (release = r));
        return server.transport().sendMail(m);
      },
    };
    const t = manualTimers();
    const started = loop(db, transport, { now: Date.now() + SECOND }, t.timers);
    const round = t.runNext();
    await held;
    const stopped = started.stop();
    release();
    await Promise.all([round, stopped]);

    expect(server.received).toHaveLength(1);
    expect(await db.outboxEmail.count({ where: { id: { in: ids }, status: "SENT" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { id: { in: ids }, status: "QUEUED", attempts: 0 } })).toBe(4);
    expect(t.pending).toHaveLength(0);
  });

  it("two instances on one database never send a message twice", async () => {
    const db = getDb();
    const server = await smtp();
    const ids = await queue(db, 30);
    // A second instance: its own SMTP transport and, on PostgreSQL, its own
    // client. On SQLite a second connection in this one thread would wait
    // synchronously (busy timeout) for the first; instances are processes there.
    const other = isPostgresRun() ? createDb(getTestDbUrl()) : db;
    if (other !== db) cleanups.push(() => other.$disconnect());
    // Both read the same candidates before either claims one.
    const together = barrier(2);
    const clock = { now: Date.now() + SECOND };
    const a = manualTimers();
    const b = manualTimers();
    loop(afterQuery(db, "outboxEmail", "findMany", together), server.transport(), clock, a.timers, { batch: 10 });
    loop(afterQuery(other, "outboxEmail", "findMany", together), server.transport(), clock, b.timers, { batch: 10 });

    for (let round = 0; round < 4; round++) await Promise.all([a.runNext(), b.runNext()]);

    const recipients = server.received.flatMap((m) => m.to);
    expect(recipients).toHaveLength(30);
    expect(new Set(recipients).size).toBe(30);
    expect(await db.outboxEmail.count({ where: { id: { in: ids }, status: "SENT", attempts: 1 } })).toBe(30);
  });
});

describe("sign-in delivers its own message", () => {
  it("sends the sign-in link at once even behind 200 older queued messages, and only that one", async () => {
    const db = getDb();
    const server = await smtp();
    await queue(db, 200, "backlog");
    const { id } = await enqueueEmail(db, {
      to: "newcomer@example.org",
      kind: "sign-in",
      subject: "Your sign-in link",
      text: "http://localhost/link",
    });

    expect(await deliverOne(db, id, server.transport())).toEqual({ sent: 1, failed: 0 });

    expect(server.received.map((m) => m.to)).toEqual([["newcomer@example.org"]]);
    expect(await db.outboxEmail.count({ where: { status: "QUEUED" } })).toBe(200);

    // Sent and settled: no sender (the loop's deliverQueued included) can claim it again.
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 1 });
    expect(await deliverOne(db, id, server.transport())).toEqual({ sent: 0, failed: 0 });
    expect(await db.outboxEmail.count({ where: { id, OR: [{ status: "QUEUED" }, { status: "SENDING" }] } })).toBe(0);
  });

  it("leaves a message another sender holds (lease) alone", async () => {
    const db = getDb();
    const server = await smtp();
    const { id } = await enqueueEmail(db, { to: "ada@example.org", kind: "sign-in", subject: "Link", text: "x" });
    await db.outboxEmail.update({ where: { id }, data: { status: "SENDING", claimedAt: new Date(), attempts: 1 } });

    expect(await deliverOne(db, id, server.transport())).toEqual({ sent: 0, failed: 0 });
    expect(server.received).toHaveLength(0);
  });

  it("without SMTP the link waits in the outbox (the demo mailbox shows it)", async () => {
    const db = getDb();
    const { id } = await enqueueEmail(db, { to: "ada@example.org", kind: "sign-in", subject: "Link", text: "x" });
    expect(await deliverOne(db, id, null)).toEqual({ sent: 0, failed: 0 });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "QUEUED", attempts: 0 });
  });
});
