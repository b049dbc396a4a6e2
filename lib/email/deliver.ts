import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/lib/db";
import { mailFrom, smtpUrl } from "@/lib/config";

export const MAX_ATTEMPTS = 5;
const LEASE_MS = 5 * 60_000;
const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000];

export type SendResult = { sent: number; failed: number };

/**
 * Sends queued messages through SMTP. Each one is first claimed with a
 * conditional update, so two senders never deliver the same message.
 * Failures are retried with backoff, then marked FAILED with the error.
 */
export async function deliverQueued(
  db: Db,
  transport: Pick<Transporter, "sendMail"> | null = defaultTransport(),
  { limit = 50, now = new Date() }: { limit?: number; now?: Date } = {},
): Promise<SendResult> {
  const result = { sent: 0, failed: 0 };
  if (!transport) return result; // No SMTP configured: messages wait in the outbox (see the mailbox page).

  const leaseExpired = new Date(now.getTime() - LEASE_MS);
  const candidates = await db.outboxEmail.findMany({
    where: {
      OR: [
        { status: "QUEUED", nextAttemptAt: { lte: now } },
        { status: "SENDING", claimedAt: { lt: leaseExpired } },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: limit,
  });

  for (const msg of candidates) {
    const claimed = await db.outboxEmail.updateMany({
      where: { id: msg.id, status: msg.status, attempts: msg.attempts },
      data: { status: "SENDING", claimedAt: now, attempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue; // another sender has it
    try {
      await transport.sendMail({ from: mailFrom(), to: msg.to, subject: msg.subject, text: msg.text, html: msg.html || undefined, messageId: outboxMessageId(msg.id) });
      await db.outboxEmail.update({ where: { id: msg.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
      result.sent++;
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
      result.failed++;
    }
  }
  return result;
}

/** One Message-ID per outbox message, whatever the attempt: a resend is recognizably the same email. */
export function outboxMessageId(outboxId: string): string {
  const domain = /@([^>\s]+)/.exec(mailFrom())?.[1] ?? "localhost";
  return `<outbox-${outboxId}@${domain}>`;
}

export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

let cached: Transporter | null | undefined;
function defaultTransport(): Transporter | null {
  if (cached === undefined) {
    const url = smtpUrl();
    cached = url ? smtpTransport(url) : null;
  }
  return cached;
}
