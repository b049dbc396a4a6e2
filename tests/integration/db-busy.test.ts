import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BUSY_MESSAGE } from "@/lib/db/busy";
import type { Db } from "@/lib/db/client";
import { handleForm } from "@/lib/forms/action";
import { isPostgresRun, useTestDb } from "@/tests/support/test-db";

// A rush can leave a request without a transaction in time. On PostgreSQL
// every pool connection is taken (pg's default pool: 10) and Prisma gives up
// after maxWait with P2028: the form then says "busy, not saved" and keeps
// the input instead of a server error, and nothing of it was written. SQLite
// has one writer: the request queues behind it and succeeds.

const getDb = useTestDb();
const POOL = 10;

/** `n` transactions that each wrote a row and hold their connection until `release()`: no timer decides when. */
async function holdTransactions(db: Db, n: number) {
  const started: Promise<void>[] = [];
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const done = Array.from({ length: n }, (_, i) => {
    let ready!: () => void;
    started.push(new Promise((r) => (ready = r)));
    // The holders are not under test: on a busy machine opening ten connections
    // can take longer than the app's transaction timeout, so theirs is wide.
    return db.$transaction(
      async (tx) => {
        await tx.rateLimitBucket.create({ data: { key: `busy-test:held-${i}`, windowStart: new Date(), count: 1 } });
        ready();
        await released;
      },
      { maxWait: 120_000, timeout: 180_000 },
    );
  });
  const all = Promise.all(done);
  all.catch(() => {}); // awaited below, or by the caller
  // A holder that could not start (no connection) fails the test now, not at its timeout.
  await Promise.race([Promise.all(started), all]).catch((e) => {
    release();
    throw e;
  });
  return { release, done: all };
}

/** A form whose action writes in a transaction; `maxWait` overrides the app's (lib/db/client.ts). */
async function submitForm(db: Db, maxWait?: number) {
  const formData = new FormData();
  formData.set("title", "My talk");
  return handleForm(z.object({ title: z.string() }), { title: "My talk" }, formData, async () => {
    await db.$transaction(
      (tx) => tx.rateLimitBucket.create({ data: { key: "busy-test:mine", windowStart: new Date(), count: 1 } }),
      maxWait ? { maxWait } : undefined,
    );
    return { ok: true };
  });
}

const mine = (db: Db) => db.rateLimitBucket.count({ where: { key: "busy-test:mine" } });

describe("a transaction that cannot start in time", () => {
  it.runIf(isPostgresRun())("PostgreSQL, every connection taken: 'busy, not saved', the typed values kept, nothing written", async () => {
    const db = getDb();
    const held = await holdTransactions(db, POOL);
    const submitted = submitForm(db, 100);
    // Prisma notices maxWait only once the pool hands it a connection: let the
    // request wait well past its 100 ms (a busy machine only makes it longer), then free one.
    await new Promise((r) => setTimeout(r, 500));
    held.release();
    const state = await submitted;
    await held.done;
    expect(state).toEqual({ formError: BUSY_MESSAGE, values: { title: "My talk" } });
    expect(await mine(db)).toBe(0);
  });

  it.runIf(!isPostgresRun())("SQLite, the writer taken: the request waits its turn (up to the app's maxWait) and is saved", async () => {
    const db = getDb();
    const held = await holdTransactions(db, 1);
    const submitted = submitForm(db);
    // Let the request reach the held writer lock before the holder lets go.
    await new Promise((r) => setTimeout(r, 200));
    held.release();
    const state = await submitted;
    await held.done;
    expect(state).toEqual({ ok: true });
    expect(await mine(db)).toBe(1);
  });
});
