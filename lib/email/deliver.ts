import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/lib/db";
import type { OutboxEmail } from "@/lib/generated/prisma/client";
import { mailFrom, smtpUrl } from "@/lib/config";

export const MAX_ATTEMPTS = 5;
/** A sender that claimed a message and vanished (a crashed instance) loses it to another after this. */
export const LEASE_MS = 5 * 60_000;
const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000];

export type SendResult = { sent: number; failed: number };
export type Transport = Pick<Transporter, "sendMail">;

/** Messages a sender may claim now: queued and due, or claimed by a sender whose lease ran out. */
function claimableWhere(now: Date) {
  return {
    OR: [
      { status: "QUEUED" as const, nextAttemptAt: { lte: now } },
      { status: "SENDING" as const, claimedAt: { lt: new Date(now.getTime() - LEASE_MS) } },
    ],
  };
}

/**
 * Sends queued messages through SMTP, oldest first. Each one is first claimed
 * with a conditional update, so two senders never deliver the same message.
 * Failures are retried with backoff, then marked FAILED with the error.
 * The delivery loop (lib/email/delivery-loop.ts) is the one caller in the app.
 */
export async function deliverQueued(
  db: Db,
  transport: Transport | null = defaultTransport(),
  { limit = 50, now = new Date(), stopping = () => false }: { limit?: number; now?: Date; stopping?: () => boolean } = {},
): Promise<SendResult> {
  const result = { sent: 0, failed: 0 };
  if (!transport) return result; // No SMTP configured: messages wait in the outbox (see the mailbox page).

  const candidates = await db.outboxEmail.findMany({ where: claimableWhere(now), orderBy: { createdAt: "asc" }, take: limit });
  for (const msg of candidates) {
    // A server shutting down finishes the message in hand, and claims no other.
    if (stopping()) break;
    if (!(await claim(db, msg, now))) continue; // another sender has it
    count(result, await send(db, transport, msg, now));
  }
  return result;
}

/**
 * Sends one message now if it is claimable, whatever else is queued: a
 * sign-in link goes out in its own request, not behind a backlog. The same
 * lease as deliverQueued, so the delivery loop never sends it a second time.
 */
export async function deliverOne(
  db: Db,
  id: string,
  transport: Transport | null = defaultTransport(),
  now = new Date(),
): Promise<SendResult> {
  const result = { sent: 0, failed: 0 };
  if (!transport) return result;
  // Never tried yet: its first attempt owes nothing to the clock (nextAttemptAt is the retry backoff).
  const msg = await db.outboxEmail.findFirst({ where: { id, OR: [{ status: "QUEUED", attempts: 0 }, ...claimableWhere(now).OR] } });
  if (msg && (await claim(db, msg, now))) count(result, await send(db, transport, msg, now));
  return result;
}

/** Claims a message read as `msg`: it must still be exactly as read (status and attempts). */
async function claim(db: Db, msg: OutboxEmail, now: Date): Promise<boolean> {
  const claimed = await db.outboxEmail.updateMany({
    where: { id: msg.id, status: msg.status, attempts: msg.attempts },
    data: { status: "SENDING", claimedAt: now, attempts: { increment: 1 } },
  });
  return claimed.count === 1;
}

async function send(db: Db, transport: Transport, msg: OutboxEmail, now: Date): Promise<"sent" | "failed"> {
  try {
    await transport.sendMail({
      from: mailFrom(),
      to: msg.to,
      subject: msg.subject,
      text: msg.text,
      html: msg.html || undefined,
      messageId: outboxMessageId(msg.id),
    });
    await db.outboxEmail.update({ where: { id: msg.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
    return "sent";
  } catch (e) {
    const attempts = msg.attempts + 1;
    const giveUp = attempts >= MAX_ATTEMPTS;
    await db.outboxEmail.update({
      where: { id: msg.id },
      data: {
        status: giveUp ? "FAILED" : "QUEUED",
        lastError: e instanceof Error ? e.message.slice(0, 500) : String(e).slice(0, 500),
        nextAttemptAt: new Date(now.getTime() + BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)]),
      },
    });
    return "failed";
  }
}

function count(result: SendResult, outcome: "sent" | "failed") {
  result[outcome]++;
}

/** A stable Message-ID per outbox row: a receiver (and the load run) can tell a resend from a second message. */
export function outboxMessageId(outboxId: string): string {
  const domain = /@([^>\s]+)/.exec(mailFrom())?.[1] ?? "localhost";
  return `<outbox-${outboxId}@${domain}>`;
}

export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

let cached: Transporter | null | undefined;
/** The SMTP transport from SMTP_URL, or null when delivery is not configured. */
export function defaultTransport(): Transporter | null {
  if (cached === undefined) {
    const url = smtpUrl();
    cached = url ? smtpTransport(url) : null;
  }
  return cached;
}
