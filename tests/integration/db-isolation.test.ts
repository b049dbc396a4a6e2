import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { setTimeout as delay } from "node:timers/promises";
import { isPostgresRun, useTestDb } from "@/tests/support/test-db";
import { addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/outbox";
import { deliverQueued } from "@/lib/email/deliver";
import { consume } from "@/lib/rate-limit/fixed-window";
import { SIGN_IN_EMAILS_PER_ADDRESS } from "@/lib/rate-limit/limits";
import { addDiscussionComment, discussionInput } from "@/lib/reviews/discussion";
import { updateProfile } from "@/lib/profile/profile";
import { profileInput } from "@/lib/profile/schemas";
import { randomCode } from "@/lib/identifiers/public-code";

// Issue 10, finding 16: on SQLite every query shared one connection, so a
// write made outside a transaction while another request's transaction was
// open ran inside it, was acknowledged, and vanished when that transaction
// rolled back (refused submissions at the deadline roll back all the time).

const getDb = useTestDb();

/** A transaction held open until `rollBack()`, then rolled back by a thrown error, as a refused submission is. */
async function openTransaction(db: Db, eventId: string) {
  let opened!: () => void;
  let rollBack!: () => void;
  const isOpen = new Promise<void>((r) => (opened = r));
  const release = new Promise<void>((r) => (rollBack = r));
  const done = db.$transaction(async (tx) => {
    await tx.event.update({ where: { id: eventId }, data: { name: "Uncommitted name" } });
    await tx.user.create({ data: { email: "uncommitted@example.com", code: randomCode() } });
    opened();
    await release;
    throw new Error("refused: the deadline passed");
  });
  done.catch(() => {});
  await isOpen;
  return { rollBack, done };
}

async function fixture(db: Db) {
  const event = await createEvent(db, { name: "Committed name" });
  const reviewer = await addReviewer(db, event);
  const proposal = await createProposal(db, { event, status: "submitted" });
  const speaker = await createUser(db);
  await enqueueEmail(db, { to: "queued@example.com", subject: "Queued before", kind: "sign-in", text: "Hello" });
  return { event, reviewer, proposal, speaker };
}

describe("writes outside a transaction while another one is open (issue 10, finding 16)", () => {
  it("keeps every acknowledged write when the other transaction rolls back, and reads see none of its data", async () => {
    const db = getDb();
    const { event, reviewer, proposal, speaker } = await fixture(db);
    const auth = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
    const sent: string[] = [];
    const transport = { sendMail: async (m: { to?: unknown }) => void sent.push(String(m.to)) };
    const expires = new Date(Date.now() + 86_400_000);

    const other = await openTransaction(db, event.id);
    // Every kind of write the app makes outside a transaction, plus two reads.
    const writes = {
      session: auth.createSession!({ sessionToken: "session-during-rollback", userId: speaker.id, expires }),
      verificationToken: auth.createVerificationToken!({ identifier: "someone@example.com", token: "token-during-rollback", expires }),
      rateLimit: consume(db, SIGN_IN_EMAILS_PER_ADDRESS, "someone@example.com"),
      outbox: enqueueEmail(db, { to: "someone@example.com", subject: "Sign in", kind: "sign-in", text: "Your link" }),
      delivery: deliverQueued(db, transport),
      comment: addDiscussionComment(db, signedInAs(reviewer.id), proposal.id, discussionInput.parse({ body: "Kept after the rollback" })),
      profile: updateProfile(
        db,
        signedInAs(speaker.id),
        profileInput.parse({ name: "Profile kept", bio: "", company: "Kept Inc", location: "", website: "", github: "", mastodon: "" }),
      ),
      plainCreate: db.user.create({ data: { email: "created-during-rollback@example.com", code: randomCode() } }),
      readEvent: db.event.findUniqueOrThrow({ where: { id: event.id }, select: { name: true } }),
      readGhost: db.user.findUnique({ where: { email: "uncommitted@example.com" } }),
    };
    // If a write can run while the transaction is open, let it finish in there (that was the bug).
    await Promise.race([Promise.allSettled(Object.values(writes)), delay(300)]);
    other.rollBack();
    await expect(other.done).rejects.toThrow("refused");
    const acknowledged = await Promise.all(Object.values(writes));
    expect(acknowledged).toHaveLength(10);

    expect(await db.session.findUnique({ where: { sessionToken: "session-during-rollback" } })).toMatchObject({ userId: speaker.id });
    expect(await db.verificationToken.count({ where: { token: "token-during-rollback" } })).toBe(1);
    expect(await db.rateLimitBucket.findMany({ select: { count: true } })).toEqual([{ count: 1 }]);
    const outbox = await db.outboxEmail.findMany({ select: { subject: true, status: true }, orderBy: { createdAt: "asc" } });
    expect(outbox).toContainEqual({ subject: "Sign in", status: expect.any(String) });
    expect(await writes.delivery).toMatchObject({ failed: 0 });
    // Each message the transport took is marked SENT; none is left claimed (SENDING) to be sent again.
    expect(await db.outboxEmail.count({ where: { status: "SENT" } })).toBe(sent.length);
    expect(await db.outboxEmail.count({ where: { status: "SENDING" } })).toBe(0);
    expect(sent.length).toBeGreaterThan(0);
    expect(await db.reviewComment.count({ where: { id: (await writes.comment).id } })).toBe(1);
    expect(
      await db.user.findUniqueOrThrow({ where: { id: speaker.id }, select: { name: true, profile: { select: { company: true } } } }),
    ).toEqual({
      name: "Profile kept",
      profile: { company: "Kept Inc" },
    });
    expect(await db.user.count({ where: { email: "created-during-rollback@example.com" } })).toBe(1);
    expect(await db.user.count({ where: { email: "uncommitted@example.com" } })).toBe(0);
    // Reads made meanwhile saw the committed data only.
    expect(await writes.readEvent).toEqual({ name: "Committed name" });
    expect(await writes.readGhost).toBeNull();
  });

  it("refuses a query sent through the client instead of tx inside a transaction callback, naming the mistake", async () => {
    const db = getDb();
    const extended = db.$extends({}) as unknown as Db;
    for (const client of [db, extended]) {
      const attempt = client.$transaction(async (tx) => {
        await tx.user.create({ data: { email: "inside@example.com", code: randomCode() } });
        await db.user.count(); // the mistake: on SQLite it would wait for its own transaction
      });
      await expect(attempt).rejects.toThrow(/use the transaction client `tx`/);
      expect(await db.user.count({ where: { email: "inside@example.com" } })).toBe(0);
    }
    // tx itself, and the client after the callback, work as before.
    await db.$transaction(async (tx) => tx.user.create({ data: { email: "through-tx@example.com", code: randomCode() } }));
    expect(await db.user.count({ where: { email: "through-tx@example.com" } })).toBe(1);
  });

  // SQLite only: on PostgreSQL a transaction holds its own pool connection, so nothing waits behind it.
  it.skipIf(isPostgresRun())(
    "SQLite: a transaction stuck past its timeout is rolled back and frees the connection: statements waiting behind it run",
    async () => {
      const db = getDb();
      const { event } = await fixture(db);
      let unstick!: () => void;
      let opened!: () => void;
      const isOpen = new Promise<void>((r) => (opened = r));
      const stuck = db.$transaction(
        async (tx) => {
          await tx.user.create({ data: { email: "stuck@example.com", code: randomCode() } });
          opened();
          await new Promise<void>((r) => (unstick = r)); // stuck until after the statement below ran
          await tx.user.count();
        },
        { timeout: 500 },
      );
      stuck.catch(() => {});
      await isOpen; // the transaction holds the connection (a barrier, not a sleep)
      const created = await db.user.create({ data: { email: "behind-the-stuck-one@example.com", code: randomCode() } });
      expect(created.email).toBe("behind-the-stuck-one@example.com");
      unstick();
      await expect(stuck).rejects.toThrow(/timeout|closed/i);
      expect(await db.user.count({ where: { email: "stuck@example.com" } })).toBe(0);
      expect(await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { name: true } })).toEqual({ name: "Committed name" });
    },
  );
});
