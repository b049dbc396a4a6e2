// The fixed-window limiter (lib/rate-limit) against a real database: counts
// per window and subject, atomic under concurrent hits from several
// connections (several app instances), and old buckets cleaned as new ones
// are made. Then the submission limit where proposals are submitted.
import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { createDb } from "@/lib/db/client";
import { createProposal as createProposalInDomain } from "@/lib/proposals/create-proposal";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { updateProposal } from "@/lib/proposals/update-proposal";
import { clientAddress, trustedProxyHops } from "@/lib/rate-limit/client-address";
import { bucketKey, consume, deleteExpiredBuckets, peek, windowStartOf } from "@/lib/rate-limit/fixed-window";
import { LONGEST_WINDOW_MS, SIGN_IN_EMAILS_PER_ADDRESS, SUBMISSIONS_PER_USER, type RateLimit } from "@/lib/rate-limit/limits";
import { allowSignInEmail } from "@/lib/rate-limit/sign-in";
import { createEvent, createProposal, createUser } from "@/tests/factories";
import { barrier, expectDenied, proposalInput } from "@/tests/integration/helpers";
import { getTestDbUrl, useTestDb } from "@/tests/support/test-db";

const getDb = useTestDb();

const LIMIT: RateLimit = { name: "test", max: 3, windowMs: 60_000 };
const T0 = new Date("2027-03-01T10:00:00.000Z"); // the start of a window for every limit here

describe("the fixed-window counter", () => {
  it("allows max hits per window and subject, refuses the next, and starts again in the next window", async () => {
    const db = getDb();
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await consume(db, LIMIT, "alice", new Date(T0.getTime() + i * 1000)));
    expect(verdicts.map((v) => [v.count, v.allowed])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
    expect(verdicts[3].resetAt).toEqual(new Date(T0.getTime() + 60_000));
    // Another subject, another limit: their own counts.
    expect((await consume(db, LIMIT, "bob", T0)).count).toBe(1);
    expect((await consume(db, { ...LIMIT, name: "other" }, "alice", T0)).count).toBe(1);
    // The last millisecond of the window still counts in it; the next one is a new window.
    expect((await consume(db, LIMIT, "alice", new Date(T0.getTime() + 59_999))).allowed).toBe(false);
    expect(await consume(db, LIMIT, "alice", new Date(T0.getTime() + 60_000))).toMatchObject({ count: 1, allowed: true });
  });

  it("peek says whether the next hit would pass, without counting", async () => {
    const db = getDb();
    expect(await peek(db, LIMIT, "carol", T0)).toMatchObject({ count: 0, allowed: true });
    for (let i = 0; i < 3; i++) await consume(db, LIMIT, "carol", T0);
    expect(await peek(db, LIMIT, "carol", T0)).toMatchObject({ count: 3, allowed: false });
    expect(await peek(db, LIMIT, "carol", T0)).toMatchObject({ count: 3 });
  });

  it("stores a hash of the subject, never the address itself", async () => {
    const db = getDb();
    await consume(db, SIGN_IN_EMAILS_PER_ADDRESS, "someone@example.org", T0);
    const [row] = await db.rateLimitBucket.findMany();
    expect(row.key).toBe(bucketKey(SIGN_IN_EMAILS_PER_ADDRESS, "someone@example.org"));
    expect(row.key).not.toContain("someone");
    expect(row.windowStart).toEqual(windowStartOf(SIGN_IN_EMAILS_PER_ADDRESS, T0));
  });

  it("counts every one of 12 concurrent hits from 4 connections exactly once", async () => {
    const url = getTestDbUrl();
    const clients = [getDb(), createDb(url), createDb(url), createDb(url)];
    try {
      const meet = barrier(12);
      const counts = await Promise.all(
        Array.from({ length: 12 }, async (_, i) => {
          await meet();
          return (await consume(clients[i % clients.length], { ...LIMIT, max: 5 }, "dave", T0)).count;
        }),
      );
      expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(counts.filter((c) => c <= 5)).toHaveLength(5);
      expect(await getDb().rateLimitBucket.findMany()).toMatchObject([{ count: 12 }]);
    } finally {
      await Promise.all(clients.slice(1).map((c) => c.$disconnect()));
    }
  });

  it("deletes buckets older than the longest window when a new bucket is made, and keeps the recent ones", async () => {
    const db = getDb();
    const old = new Date(T0.getTime() - LONGEST_WINDOW_MS - 60_000);
    const recent = new Date(T0.getTime() - LONGEST_WINDOW_MS + 60_000);
    await db.rateLimitBucket.createMany({
      data: [
        { key: "test:old", windowStart: old, count: 4 },
        { key: "test:recent", windowStart: recent, count: 2 },
      ],
    });
    // A hit in an existing bucket does not clean...
    await db.rateLimitBucket.create({ data: { key: bucketKey(LIMIT, "erin"), windowStart: T0, count: 1 } });
    await consume(db, LIMIT, "erin", T0);
    expect((await db.rateLimitBucket.findMany()).map((b) => b.key)).toContain("test:old");
    // ...the first hit of a new bucket does.
    await consume(db, LIMIT, "frank", T0);
    expect((await db.rateLimitBucket.findMany({ orderBy: { key: "asc" } })).map((b) => b.key)).toEqual(
      [bucketKey(LIMIT, "erin"), bucketKey(LIMIT, "frank"), "test:recent"].sort(),
    );
    expect(await deleteExpiredBuckets(db, new Date(T0.getTime() + LONGEST_WINDOW_MS + 60_001))).toBe(3);
  });
});

describe("who is one client", () => {
  const headers = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

  it("ignores X-Forwarded-For unless TRUST_PROXY says how many proxies append to it", () => {
    expect(clientAddress(headers("203.0.113.7"), {})).toBeNull();
    expect(clientAddress(headers("203.0.113.7"), { TRUST_PROXY: "0" })).toBeNull();
    expect(clientAddress(headers("203.0.113.7"), { TRUST_PROXY: "yes" })).toBeNull();
    expect(trustedProxyHops({ TRUST_PROXY: " 2 " })).toBe(2);
  });

  it("takes the entry the outermost trusted proxy wrote: whatever the client prepends is ignored", () => {
    expect(clientAddress(headers("203.0.113.7"), { TRUST_PROXY: "1" })).toBe("203.0.113.7");
    expect(clientAddress(headers("1.1.1.1, 6.6.6.6, 203.0.113.7"), { TRUST_PROXY: "1" })).toBe("203.0.113.7");
    expect(clientAddress(headers("1.1.1.1, 203.0.113.7, 10.0.0.2"), { TRUST_PROXY: "2" })).toBe("203.0.113.7");
    expect(clientAddress(headers("2001:DB8::1"), { TRUST_PROXY: "1" })).toBe("2001:db8::1");
    expect(clientAddress(headers(), { TRUST_PROXY: "1" })).toBeNull();
  });
});

describe("sign-in emails", () => {
  it("are counted per address: the sixth within 15 minutes is not sent, another address is", async () => {
    const db = getDb();
    const sent = [];
    for (let i = 0; i < 6; i++) sent.push(await allowSignInEmail(db, { email: "gina@example.org", client: null }, T0));
    expect(sent).toEqual([true, true, true, true, true, false]);
    expect(await allowSignInEmail(db, { email: "hank@example.org", client: null }, T0)).toBe(true);
    expect(await allowSignInEmail(db, { email: "gina@example.org", client: null }, new Date(T0.getTime() + 15 * 60_000))).toBe(true);
  });

  it("are counted per client when the client is known: the 21st from one client is not sent, whatever the address", async () => {
    const db = getDb();
    const sent = [];
    for (let i = 0; i < 21; i++) sent.push(await allowSignInEmail(db, { email: `person${i}@example.org`, client: "203.0.113.7" }, T0));
    expect(sent.slice(0, 20).every(Boolean)).toBe(true);
    expect(sent[20]).toBe(false);
    expect(await allowSignInEmail(db, { email: "person99@example.org", client: "198.51.100.1" }, T0)).toBe(true);
  });
});

describe("proposal submissions", () => {
  it(`allow ${SUBMISSIONS_PER_USER.max} per user per hour, counting new and draft-then-submitted proposals alike; the next is refused and changes nothing`, async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const now = new Date();
    for (let i = 0; i < SUBMISSIONS_PER_USER.max - 1; i++) {
      await createProposalInDomain(db, signedInAs(speaker.id), event.id, proposalInput(event, { title: `Talk ${i}`, intent: "submit" }), {
        now,
      });
    }
    const draft = await createProposal(db, { event, speaker, status: "draft" });
    await transitionProposal(db, signedInAs(speaker.id), draft.id, "submit", { now });
    // Drafts are not submissions.
    await createProposalInDomain(db, signedInAs(speaker.id), event.id, proposalInput(event, { title: "Still a draft", intent: "draft" }), {
      now,
    });

    const refused = await expectDenied(db, "rate_limited", () =>
      createProposalInDomain(db, signedInAs(speaker.id), event.id, proposalInput(event, { title: "One too many", intent: "submit" }), {
        now,
      }),
    );
    expect(refused.message).toMatch(/Save this one as a draft/);
    const another = await createProposal(db, { event, speaker, status: "draft" });
    await expectDenied(db, "rate_limited", () => transitionProposal(db, signedInAs(speaker.id), another.id, "submit", { now }));
    // Editing and submitting is one step: refused, the edit is not saved either (the form keeps the text).
    await expectDenied(db, "rate_limited", () =>
      updateProposal(
        db,
        signedInAs(speaker.id),
        another.id,
        proposalInput(event, { title: "Edited while over the limit", intent: "submit" }),
        { now },
      ),
    );

    // Someone else is not affected, and the speaker can submit again in the next window.
    await createProposalInDomain(db, signedInAs((await createUser(db)).id), event.id, proposalInput(event, { intent: "submit" }), { now });
    const nextHour = new Date(windowStartOf(SUBMISSIONS_PER_USER, now).getTime() + SUBMISSIONS_PER_USER.windowMs);
    await expect(transitionProposal(db, signedInAs(speaker.id), another.id, "submit", { now: nextHour })).resolves.toMatchObject({
      status: "SUBMITTED",
    });
  });

  it("hold under concurrency: of 14 simultaneous submissions by one speaker, exactly the limit succeed", async () => {
    // One client, as in the app's process: better-sqlite3 waits for a lock
    // synchronously, so two connections in one process would block each other
    // (the limiter's single-statement upsert is tested across connections above).
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const meet = barrier(14);
    const results = await Promise.allSettled(
      Array.from({ length: 14 }, async (_, i) => {
        await meet();
        return createProposalInDomain(
          db,
          signedInAs(speaker.id),
          event.id,
          proposalInput(event, { title: `Parallel ${i}`, intent: "submit" }),
        );
      }),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(SUBMISSIONS_PER_USER.max);
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refusals.map((r) => (r.reason as { code?: string }).code)).toEqual(Array(14 - SUBMISSIONS_PER_USER.max).fill("rate_limited"));
    expect(await db.proposal.count({ where: { status: "SUBMITTED", speakers: { some: { userId: speaker.id } } } })).toBe(
      SUBMISSIONS_PER_USER.max,
    );
  });
});
