import type { Db } from "@/lib/db";
import type { WebhookDelivery } from "@/lib/generated/prisma/client";
import { signatureHeaders } from "./signature";
import type { WebhookPoster } from "./send";

export const WEBHOOK_MAX_ATTEMPTS = 8;
/** A sender that claimed a delivery and vanished loses it to another instance after this. */
export const WEBHOOK_LEASE_MS = 2 * 60_000;
/** Exponential backoff after each failed attempt: 30 s, 1, 2, 4, 8, 16, 32 min. */
export function backoffMs(attempts: number): number {
  return 30_000 * 2 ** Math.max(0, attempts - 1);
}

function claimableWhere(now: Date) {
  return {
    OR: [
      { status: "QUEUED" as const, nextAttemptAt: { lte: now } },
      { status: "SENDING" as const, claimedAt: { lt: new Date(now.getTime() - WEBHOOK_LEASE_MS) } },
    ],
  };
}

export type WebhookRound = { sent: number; failed: number };

/**
 * Posts due deliveries, oldest first. Each is claimed with a conditional
 * update (status and attempts as read), so two instances never post the same
 * attempt; a 2xx answer marks it delivered, anything else is retried with
 * backoff and marked FAILED after WEBHOOK_MAX_ATTEMPTS. Inactive endpoints'
 * deliveries wait. The webhook loop (lib/webhook-endpoints/loop-owner.ts) is the caller.
 */
export async function deliverWebhooks(
  db: Db,
  post: WebhookPoster,
  { limit = 20, now = new Date(), stopping = () => false }: { limit?: number; now?: Date; stopping?: () => boolean } = {},
): Promise<WebhookRound> {
  const result = { sent: 0, failed: 0 };
  const due = await db.webhookDelivery.findMany({
    where: { ...claimableWhere(now), endpoint: { active: true } },
    orderBy: { createdAt: "asc" },
    take: limit,
    include: { endpoint: { select: { url: true, secret: true } } },
  });
  for (const d of due) {
    // A server shutting down finishes the delivery in hand, and claims no other.
    if (stopping()) break;
    if (!(await claim(db, d, now))) continue;
    const ok = await attempt(db, post, d, d.endpoint, now);
    result[ok ? "sent" : "failed"]++;
  }
  return result;
}

async function claim(db: Db, d: WebhookDelivery, now: Date): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: d.id, status: d.status, attempts: d.attempts },
    data: { status: "SENDING", claimedAt: now, attempts: { increment: 1 } },
  });
  return count === 1;
}

async function attempt(
  db: Db,
  post: WebhookPoster,
  d: WebhookDelivery,
  endpoint: { url: string; secret: string },
  now: Date,
): Promise<boolean> {
  const answer = await post(endpoint.url, signatureHeaders(endpoint.secret, d.messageId, now, d.payload), d.payload);
  const attempts = d.attempts + 1;
  const status = "status" in answer ? answer.status : null;
  if (status !== null && status >= 200 && status < 300) {
    await db.webhookDelivery.update({
      where: { id: d.id },
      data: { status: "DELIVERED", responseStatus: status, lastError: null, deliveredAt: now },
    });
    return true;
  }
  await db.webhookDelivery.update({
    where: { id: d.id },
    data: {
      status: attempts >= WEBHOOK_MAX_ATTEMPTS ? "FAILED" : "QUEUED",
      responseStatus: status,
      lastError: ("error" in answer ? answer.error : `HTTP ${status}`).slice(0, 500),
      nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
    },
  });
  return false;
}
