import { afterEach, describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { simpleParser } from "mailparser";
import { useTestDb } from "@/tests/support/test-db";
import { startSmtpServer } from "@/tests/support/smtp-server";
import type { Db } from "@/lib/db/client";
import { createEvent, createProposal, createUser } from "@/tests/factories";
import { appUrl } from "@/lib/config";
import { publishDecisions, setPendingDecisions } from "@/lib/lifecycle/decide";
import { respondByLink } from "@/lib/lifecycle/respond";
import { readResponseToken } from "@/lib/lifecycle/response-token";
import { deliverQueued, MAX_ATTEMPTS } from "@/lib/email/deliver";
import { discardHeld, releaseHeld, retryFailed } from "@/lib/email/outbox-admin";

// Decisions end to end through a real SMTP server: the proposal changes and
// its email is written in one transaction; delivery happens afterwards.

const getDb = useTestDb();
let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;
afterEach(async () => {
  await smtp?.close();
  smtp = null;
});

const NAME = `Zoë "><img src=x onerror=alert(1)>`;
const TITLE = `<script>alert("x")</script> & {confirm_url}`;

/** An event and a submitted proposal the organizer has marked accepted, not yet published. */
async function pendingAcceptance(db: Db, { holdOutbox = false } = {}) {
  const event = await createEvent(db, { name: "Oxidize <Lisbon> 2027" });
  if (holdOutbox) await db.event.update({ where: { id: event.id }, data: { holdOutbox: true } });
  const speaker = await createUser(db, { name: NAME, email: "zoe@example.org" });
  const proposal = await createProposal(db, { event, speaker, title: TITLE });
  await setPendingDecisions(db, signedInAs(event.organizer.id), event.id, [proposal.id], "ACCEPTED");
  return { event, speaker, proposal, organizer: event.organizer.id };
}

/** Runs the sender until nothing is due, moving the clock past each backoff. */
async function deliverUntilSettled(db: Db, transport: Parameters<typeof deliverQueued>[1]) {
  let now = Date.now() + 1000;
  for (let round = 0; round < MAX_ATTEMPTS + 1; round++) {
    await deliverQueued(db, transport, { now: new Date(now) });
    now += 2 * 60 * 60_000;
  }
}

describe("decision emails through a real SMTP server", () => {
  it("the accepted speaker receives the acceptance with a working confirmation link and an escaped HTML part", async () => {
    const db = getDb();
    smtp = await startSmtpServer();
    const { event, speaker, proposal, organizer } = await pendingAcceptance(db);

    expect(await publishDecisions(db, signedInAs(organizer), event.id)).toEqual({ changed: 1, skipped: [] });
    expect(smtp.received).toHaveLength(0); // written to the outbox; nothing sent before delivery
    expect(await deliverQueued(db, smtp.transport(), { now: new Date(Date.now() + 1000) })).toEqual({ sent: 1, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(["zoe@example.org"]);
    const mail = await simpleParser(smtp.received[0].raw);
    expect(mail.subject).toBe(`Accepted: ${TITLE} at Oxidize <Lisbon> 2027`);
    expect(mail.text).toContain(`Hi ${NAME},`);
    expect(mail.text).toContain(`"${TITLE}" is accepted for Oxidize <Lisbon> 2027!`);

    const links = [...(mail.text ?? "").matchAll(/(https?:\/\/\S+)\/respond\/(\S+)/g)];
    expect(links).toHaveLength(1); // the title's "{confirm_url}" stayed text
    expect(links[0][1]).toBe(appUrl());
    const token = links[0][2];
    expect(readResponseToken(token)).toMatchObject({ ok: true, claim: { proposalId: proposal.id, userId: speaker.id } });

    const html = String(mail.html);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("Hi Zoë &quot;&gt;&lt;img src=x onerror=alert(1)&gt;,");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {confirm_url}");
    expect(html).toContain(`<a href="${appUrl()}/respond/${token}">`);

    // The link works: the speaker confirms without signing in.
    await respondByLink(db, token, "confirm");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("CONFIRMED");
  });

  it("when the SMTP server refuses, the acceptance stays published; the message is retried, then marked failed with the error", async () => {
    const db = getDb();
    smtp = await startSmtpServer({ refuse: true });
    const { event, proposal, organizer } = await pendingAcceptance(db);

    await publishDecisions(db, signedInAs(organizer), event.id);
    await deliverQueued(db, smtp.transport(), { now: new Date(Date.now() + 1000) });

    let msg = await db.outboxEmail.findFirstOrThrow({ where: { proposalId: proposal.id } });
    expect(msg).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(msg.lastError).toMatch(/Mailbox unavailable|550/);
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "ACCEPTED",
      pendingDecision: null,
    });

    await deliverUntilSettled(db, smtp.transport());
    msg = await db.outboxEmail.findUniqueOrThrow({ where: { id: msg.id } });
    expect(msg).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, sentAt: null });
    expect(msg.lastError).toMatch(/Mailbox unavailable|550/);
    expect(smtp.received).toHaveLength(0);
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: "ACCEPTED" });
    expect(await db.proposalActivity.count({ where: { proposalId: proposal.id, kind: "status" } })).toBe(1);

    // The mailbox comes back; an organizer retries the failed message.
    smtp.refuse(false);
    await retryFailed(db, signedInAs(organizer), event.id, msg.id);
    expect(await deliverQueued(db, smtp.transport(), { now: new Date(Date.now() + 1000) })).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.map((r) => r.to)).toEqual([["zoe@example.org"]]);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: msg.id } })).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("with the outbox held for review, nothing is sent until an organizer releases it", async () => {
    const db = getDb();
    smtp = await startSmtpServer();
    const { event, proposal, organizer } = await pendingAcceptance(db, { holdOutbox: true });

    await publishDecisions(db, signedInAs(organizer), event.id);
    expect(await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({ status: "ACCEPTED" });
    await deliverUntilSettled(db, smtp.transport());
    expect(smtp.received).toHaveLength(0);
    expect(await db.outboxEmail.findFirstOrThrow({ where: { proposalId: proposal.id } })).toMatchObject({ status: "HELD", attempts: 0 });

    expect(await releaseHeld(db, signedInAs(organizer), event.id)).toEqual({ released: 1 });
    expect(await deliverQueued(db, smtp.transport(), { now: new Date(Date.now() + 1000) })).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect((await simpleParser(smtp.received[0].raw)).subject).toBe(`Accepted: ${TITLE} at Oxidize <Lisbon> 2027`);
  });

  it("a discarded held message is never sent", async () => {
    const db = getDb();
    smtp = await startSmtpServer();
    const { event, organizer } = await pendingAcceptance(db, { holdOutbox: true });
    await publishDecisions(db, signedInAs(organizer), event.id);

    expect(await discardHeld(db, signedInAs(organizer), event.id)).toEqual({ discarded: 1 });
    await deliverUntilSettled(db, smtp.transport());
    expect(smtp.received).toHaveLength(0);
    expect(await db.outboxEmail.count()).toBe(0);
  });
});
