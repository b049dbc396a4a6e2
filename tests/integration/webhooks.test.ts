import { signedInAs } from "@/lib/auth/actor";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Webhook } from "standardwebhooks";
import { useTestDb } from "@/tests/support/test-db";
import { startWebhookReceiver } from "@/tests/support/webhook-receiver";
import { createEvent, createProposal, createUser, type EventFixture } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { createProposal as proposeTalk } from "@/lib/proposals/create-proposal";
import { updateProposal } from "@/lib/proposals/update-proposal";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { publishDecisions, setPendingDecisions } from "@/lib/lifecycle/decide";
import { promoteFromWaitlist } from "@/lib/lifecycle/waitlist";
import { createWebhookEndpoint, resendWebhookDelivery } from "@/lib/webhook-endpoints/endpoints";
import { deliverWebhooks, WEBHOOK_MAX_ATTEMPTS } from "@/lib/webhooks/deliver";
import { postJson } from "@/lib/webhooks/send";
import { startRoundLoop } from "@/lib/email/delivery-loop";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/event-types";
import { proposalInput } from "./helpers";
import { programmeEvent } from "./programme-fixture";
import { publishRelease } from "@/lib/programme/release";

const getDb = useTestDb();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function receiver(status?: number) {
  const r = await startWebhookReceiver({ status });
  cleanups.push(r.close);
  return r;
}

const post = postJson({ allowPrivate: true });

async function endpointFor(db: Db, event: EventFixture, url: string, eventTypes: WebhookEventType[] = [...WEBHOOK_EVENT_TYPES]) {
  return createWebhookEndpoint(db, signedInAs(event.organizer.id), event.id, { url, eventTypes }, { allowPrivate: true });
}

/**
 * Checks a received message with the reference library as its receiver would
 * have at the moment it was sent (attempts made at a later "now" carry that
 * time, beyond the library's 5-minute tolerance from the wall clock).
 */
function verifyAsSent(secret: string, m: { headers: Record<string, string>; body: string }) {
  vi.useFakeTimers({ toFake: ["Date"], now: Number(m.headers["webhook-timestamp"]) * 1000 });
  try {
    return new Webhook(secret).verify(m.body, m.headers);
  } finally {
    vi.useRealTimers();
  }
}

/** Delivers what is due and checks every body received with the reference library; answers the parsed payloads. */
async function deliverAndVerify(db: Db, r: Awaited<ReturnType<typeof receiver>>, secret: string) {
  await deliverWebhooks(db, post, { now: new Date() });
  const wh = new Webhook(secret);
  return r.received.map((m) => wh.verify(m.body, m.headers) as { type: string; data: { proposal: { id: string; state: string } } });
}

describe("webhooks: every event type, signed and verified", () => {
  it("emits proposal.submitted, proposal.updated and proposal.withdrawn from the speaker's actions, once each", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const r = await receiver();
    const { secret } = await endpointFor(db, event, r.url);
    const speaker = await createUser(db);
    const created = await proposeTalk(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }));
    await updateProposal(db, signedInAs(speaker.id), created.id, proposalInput(event, { title: "A new title for the talk" }));
    await transitionProposal(db, signedInAs(speaker.id), created.id, "withdraw");

    const payloads = await deliverAndVerify(db, r, secret);
    expect(payloads.map((p) => p.type)).toEqual(["proposal.submitted", "proposal.updated", "proposal.withdrawn"]);
    expect(payloads.every((p) => p.data.proposal.id === created.id)).toBe(true);
    expect(payloads[2].data.proposal.state).toBe("withdrawn");
    // The check is real: a changed body or another endpoint's secret fails it.
    const tampered = { ...r.received[0], body: r.received[0].body.replace("submitted", "accepted") };
    expect(() => new Webhook(secret).verify(tampered.body, tampered.headers)).toThrow();
    const other = await endpointFor(db, event, r.url, ["proposal.confirmed"]);
    expect(() => new Webhook(other.secret).verify(r.received[0].body, r.received[0].headers)).toThrow();
    expect(r.received[0].headers["webhook-id"]).toMatch(/^msg_/);
    expect(r.received[0].headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    // Delivered once: a second round sends nothing more.
    await deliverWebhooks(db, post, { now: new Date() });
    expect(r.received).toHaveLength(3);
    expect(await db.webhookDelivery.count({ where: { status: "DELIVERED", responseStatus: 204 } })).toBe(3);
  });

  it("emits decision.published, proposal.confirmed and proposal.declined", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const a = await createProposal(db, { event });
    const b = await createProposal(db, { event });
    const r = await receiver();
    const { secret } = await endpointFor(db, event, r.url);
    await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [a.id, b.id], "ACCEPTED");
    await publishDecisions(db, signedInAs(event.organizer.id), event.id);
    await transitionProposal(db, signedInAs(a.speaker.id), a.id, "confirm");
    await transitionProposal(db, signedInAs(b.speaker.id), b.id, "decline");

    const payloads = await deliverAndVerify(db, r, secret);
    expect(payloads.map((p) => p.type).sort()).toEqual(
      ["decision.published", "decision.published", "proposal.confirmed", "proposal.declined"].sort(),
    );
    expect(payloads.find((p) => p.type === "proposal.confirmed")?.data.proposal).toMatchObject({ id: a.id, state: "confirmed" });
  });

  it("emits waitlist.promoted when an organizer promotes", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const w = await createProposal(db, { event, status: "waitlisted" });
    const r = await receiver();
    const { secret } = await endpointFor(db, event, r.url, ["waitlist.promoted"]);
    await promoteFromWaitlist(db, signedInAs(event.organizer.id), event.id, w.sessionTypeId!);
    const payloads = await deliverAndVerify(db, r, secret);
    expect(payloads).toEqual([expect.objectContaining({ type: "waitlist.promoted" })]);
    expect(payloads[0].data.proposal).toMatchObject({ id: w.id, state: "accepted" });
    // The stable identifiers (ADR 0021) travel with every payload.
    const stored = await db.proposal.findUniqueOrThrow({ where: { id: w.id }, select: { code: true, number: true, guid: true } });
    expect(payloads[0].data.proposal).toMatchObject(stored);
  });

  it("emits schedule.released when organizers publish a programme release, with what changed", async () => {
    const db = getDb();
    const { event, organizer, items } = await programmeEvent(db, { placed: true });
    const r = await receiver();
    const { secret } = await endpointFor(db, event, r.url, ["schedule.released"]);
    // Published a moment ago: the delivery is due when the sender runs (deliverAndVerify sends at the wall clock).
    const now = new Date(Date.now() - 60_000);
    await publishRelease(db, signedInAs(organizer), event.id, { note: "First programme" }, { now });
    const [first] = (await deliverAndVerify(db, r, secret)) as unknown as {
      type: string;
      data: {
        event: string;
        release: { version: number; note: string };
        changes: { kind: string; guid: string }[];
        schedule: { json: string };
      };
    }[];
    expect(first).toMatchObject({
      type: "schedule.released",
      data: { event: event.slug, release: { version: 1, note: "First programme" } },
    });
    const placed = await db.scheduleItem.findMany({ where: { eventId: event.id }, select: { guid: true } });
    expect(first.data.changes.map((c) => c.guid).sort()).toEqual(placed.map((i) => i.guid).sort());
    expect(first.data.changes.every((c) => c.kind === "added")).toBe(true);
    expect(first.data.schedule.json).toMatch(new RegExp(`/events/${event.slug}/schedule\\.json$`));
    // Nothing changed: no release, no delivery.
    await expect(publishRelease(db, signedInAs(organizer), event.id, { note: "" }, { now })).rejects.toThrow(/Nothing changed/);
    expect(await db.webhookDelivery.count({ where: { eventType: "schedule.released" } })).toBe(1);
    expect(items.pin).toBeTruthy();
  });

  it("sends only the chosen events, nothing to inactive endpoints, nothing for other events", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const r = await receiver();
    await endpointFor(db, event, r.url, ["decision.published"]);
    const inactive = await endpointFor(db, event, r.url, ["proposal.submitted"]);
    await db.webhookEndpoint.update({ where: { id: inactive.id }, data: { active: false } });
    await endpointFor(db, other, r.url);
    const speaker = await createUser(db);
    await proposeTalk(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }));
    expect(await db.webhookDelivery.count()).toBe(0);
  });

  it("queues nothing when the change is refused (same transaction)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const p = await createProposal(db, { event, status: "rejected" });
    const r = await receiver();
    await endpointFor(db, event, r.url);
    await expect(transitionProposal(db, signedInAs(p.speaker.id), p.id, "confirm")).rejects.toThrow();
    expect(await db.webhookDelivery.count()).toBe(0);
  });
});

describe("webhooks: retries, lease, resend", () => {
  it("stopped mid-round (SIGTERM): the delivery in hand is posted and marked, no other is claimed", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const r = await receiver();
    const { secret } = await endpointFor(db, event, r.url, ["proposal.submitted"]);
    const speaker = await createUser(db);
    for (let i = 0; i < 3; i++) await proposeTalk(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }));
    let inHand!: () => void;
    const held = new Promise<void>((res) => (inHand = res));
    let release!: () => void;
    const slowPost: typeof post = async (url, headers, body) => {
      inHand();
      await new Promise<void>((res) => (release = res));
      return post(url, headers, body);
    };
    // The loop as the server runs it, with timers run by hand.
    const scheduled: (() => Promise<void>)[] = [];
    const loop = startRoundLoop((limit, now, stopping) => deliverWebhooks(db, slowPost, { limit, now, stopping }), {
      timers: { set: (run) => scheduled.push(run), clear: () => {} },
      onError: (e) => {
        throw e;
      },
    });
    const round = scheduled.shift()!();
    await held;
    const stopped = loop.stop();
    release();
    await Promise.all([round, stopped]);

    expect(r.received).toHaveLength(1);
    verifyAsSent(secret, r.received[0]);
    expect(await db.webhookDelivery.count({ where: { status: "DELIVERED" } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { status: "QUEUED", attempts: 0 } })).toBe(2);
    expect(scheduled).toHaveLength(0);
  });

  it("retries a failed delivery with exponential backoff and keeps its webhook-id, then gives up", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const r = await receiver(500);
    const { secret } = await endpointFor(db, event, r.url);
    const speaker = await createUser(db);
    await proposeTalk(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }));
    let now = new Date();
    await deliverWebhooks(db, post, { now });
    let d = await db.webhookDelivery.findFirstOrThrow();
    expect(d).toMatchObject({ status: "QUEUED", attempts: 1, responseStatus: 500, lastError: "HTTP 500" });
    expect(d.nextAttemptAt.getTime() - now.getTime()).toBe(30_000);

    // Not due yet: nothing is posted.
    await deliverWebhooks(db, post, { now: new Date(now.getTime() + 29_000) });
    expect(r.received).toHaveLength(1);
    now = new Date(now.getTime() + 30_000);
    await deliverWebhooks(db, post, { now });
    d = await db.webhookDelivery.findFirstOrThrow();
    expect(d.attempts).toBe(2);
    expect(d.nextAttemptAt.getTime() - now.getTime()).toBe(60_000);
    expect(new Set(r.received.map((m) => m.headers["webhook-id"])).size).toBe(1);

    for (let i = 2; i < WEBHOOK_MAX_ATTEMPTS; i++) {
      now = d.nextAttemptAt;
      await deliverWebhooks(db, post, { now });
      d = await db.webhookDelivery.findFirstOrThrow();
    }
    expect(d).toMatchObject({ status: "FAILED", attempts: WEBHOOK_MAX_ATTEMPTS });
    expect(r.received).toHaveLength(WEBHOOK_MAX_ATTEMPTS);
    // Every attempt is signed afresh with its own timestamp, and each signature holds.
    for (const m of r.received) expect(verifyAsSent(secret, m)).toMatchObject({ type: "proposal.submitted" });
    expect(new Set(r.received.map((m) => m.headers["webhook-timestamp"])).size).toBe(WEBHOOK_MAX_ATTEMPTS);
  });

  it("two senders sharing the queue post each delivery once", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const r = await receiver();
    const { secret } = await endpointFor(db, event, r.url);
    for (let i = 0; i < 3; i++) {
      const speaker = await createUser(db);
      await proposeTalk(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }));
    }
    const now = new Date();
    await Promise.all([deliverWebhooks(db, post, { now }), deliverWebhooks(db, post, { now })]);
    expect(r.received).toHaveLength(3);
    expect(new Set(r.received.map((m) => m.headers["webhook-id"])).size).toBe(3);
    for (const m of r.received) expect(verifyAsSent(secret, m)).toMatchObject({ type: "proposal.submitted" });
  });

  it("a sender that vanished loses its claim after the lease", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const r = await receiver();
    const { secret } = await endpointFor(db, event, r.url);
    const speaker = await createUser(db);
    await proposeTalk(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }));
    const now = new Date();
    await db.webhookDelivery.updateMany({ data: { status: "SENDING", claimedAt: now, attempts: 1 } });
    await deliverWebhooks(db, post, { now: new Date(now.getTime() + 60_000) });
    expect(r.received).toHaveLength(0);
    await deliverWebhooks(db, post, { now: new Date(now.getTime() + 3 * 60_000) });
    expect(r.received).toHaveLength(1);
    expect(verifyAsSent(secret, r.received[0])).toMatchObject({ type: "proposal.submitted" });
  });

  it("resend queues a delivered message again with the same id", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const r = await receiver();
    const { secret } = await endpointFor(db, event, r.url);
    const speaker = await createUser(db);
    await proposeTalk(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }));
    await deliverWebhooks(db, post, { now: new Date() });
    const d = await db.webhookDelivery.findFirstOrThrow();
    await resendWebhookDelivery(db, signedInAs(event.organizer.id), d.id);
    expect(await db.webhookDelivery.findFirstOrThrow()).toMatchObject({ status: "QUEUED", attempts: 0 });
    const payloads = await deliverAndVerify(db, r, secret);
    expect(payloads).toHaveLength(2);
    expect(r.received[1].headers["webhook-id"]).toBe(r.received[0].headers["webhook-id"]);
  });
});

describe("webhooks: private addresses (SSRF)", () => {
  it("refuses loopback, private and link-local URLs when private networks are not allowed", async () => {
    const db = getDb();
    const event = await createEvent(db);
    for (const url of [
      "http://127.0.0.1/x",
      "http://localhost:8080/",
      "http://10.0.0.5/",
      "http://169.254.169.254/latest",
      "http://[::1]/",
      "ftp://example.org/",
    ]) {
      await expect(
        createWebhookEndpoint(
          db,
          signedInAs(event.organizer.id),
          event.id,
          { url, eventTypes: ["proposal.submitted"] },
          { allowPrivate: false },
        ),
      ).rejects.toMatchObject({ code: "invalid" });
    }
    expect(await db.webhookEndpoint.count()).toBe(0);
  });

  it("checks the address a delivery connects to: a name resolving to loopback is refused at delivery", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const r = await receiver();
    // Saved while allowed (or a name that resolved publicly then), refused when it connects.
    await endpointFor(db, event, `http://localhost:${r.port}/hooks`);
    const speaker = await createUser(db);
    await proposeTalk(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }));
    await deliverWebhooks(db, postJson({ allowPrivate: false }), { now: new Date() });
    expect(r.received).toHaveLength(0);
    const d = await db.webhookDelivery.findFirstOrThrow();
    expect(d.status).toBe("QUEUED");
    expect(d.lastError).toMatch(/refused.*private address/);
    // A literal loopback address is refused the same way.
    expect(await postJson({ allowPrivate: false })(r.url, {}, "{}")).toEqual({ error: expect.stringMatching(/refused/) });
    expect(r.received).toHaveLength(0);
  });
});
