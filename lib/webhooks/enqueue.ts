import { randomBytes } from "node:crypto";
import type { DbTx } from "@/lib/db";
import { buildProposalPayload, buildSchedulePayload, type ProposalChange, type ScheduleRelease } from "./payload";
import type { WebhookEventType } from "./event-types";

/**
 * Queues one delivery per active endpoint of the event that chose `type`.
 * Call it with the transaction that makes the change: the deliveries exist
 * if and only if the change committed (as the email outbox). The background
 * sender (lib/webhooks/deliver.ts) posts them later.
 */
export async function queueWebhooks(
  tx: DbTx,
  input: { eventId: string; proposalId: string; type: WebhookEventType; change: ProposalChange; now: Date },
): Promise<number> {
  return queueDeliveries(tx, input, () => buildProposalPayload(tx, input));
}

/** `schedule.released`: a new programme release (lib/programme/release.ts), in its transaction. */
export async function queueScheduleReleased(tx: DbTx, input: ScheduleRelease & { eventId: string }): Promise<number> {
  return queueDeliveries(tx, { eventId: input.eventId, type: "schedule.released", now: input.publishedAt }, async () =>
    buildSchedulePayload(input),
  );
}

async function queueDeliveries(
  tx: DbTx,
  input: { eventId: string; type: WebhookEventType; now: Date },
  payloadOf: () => Promise<unknown>,
): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { eventId: input.eventId, active: true },
    select: { id: true, eventTypes: true },
  });
  const targets = endpoints.filter((e) => e.eventTypes.split(",").includes(input.type));
  if (targets.length === 0) return 0;
  const payload = JSON.stringify(await payloadOf());
  await tx.webhookDelivery.createMany({
    data: targets.map((e) => ({
      endpointId: e.id,
      messageId: newMessageId(),
      eventType: input.type,
      payload,
      nextAttemptAt: input.now,
    })),
  });
  return targets.length;
}

export function newMessageId(): string {
  return `msg_${randomBytes(16).toString("base64url")}`;
}
