import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { readClock, type ClockOptions } from "@/lib/clock";
import { conflict, DomainError, notFound } from "@/lib/errors";
import { allowPrivateNetworks, urlProblem } from "@/lib/webhooks/address-policy";
import { parseEventTypes } from "@/lib/webhooks/event-types";
import type { WebhookEndpointInput } from "./schemas";
import { newWebhookSecret } from "@/lib/webhooks/signature";

type PolicyOptions = { allowPrivate?: boolean };

/** Organizers of the event register an endpoint; the answer carries the secret, the only time it is shown. */
export async function createWebhookEndpoint(
  db: Db,
  actor: SignedIn,
  eventId: string,
  input: WebhookEndpointInput,
  options: PolicyOptions = {},
) {
  await authorizeEvent(db, actor, eventId, "event:edit");
  const problem = urlProblem(input.url, options.allowPrivate ?? allowPrivateNetworks());
  if (problem) throw new DomainError("invalid", problem, { url: problem });
  const secret = newWebhookSecret();
  const endpoint = await db.webhookEndpoint.create({
    data: { eventId, url: input.url, secret, eventTypes: [...new Set(input.eventTypes)].join(",") },
    select: { id: true },
  });
  return { id: endpoint.id, secret };
}

/** The endpoint, if the actor organizes its event (else not found: ids reveal nothing). */
async function endpointOf(db: Db, actor: SignedIn, endpointId: string) {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true, eventId: true } });
  if (!endpoint) throw notFound("This webhook");
  await authorizeEvent(db, actor, endpoint.eventId, "event:edit").catch((e: unknown) => {
    throw e instanceof DomainError && e.code === "not_found" ? notFound("This webhook") : e;
  });
  return endpoint;
}

export async function setWebhookEndpointActive(db: Db, actor: SignedIn, endpointId: string, active: boolean) {
  const endpoint = await endpointOf(db, actor, endpointId);
  await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { active } });
}

export async function deleteWebhookEndpoint(db: Db, actor: SignedIn, endpointId: string) {
  const endpoint = await endpointOf(db, actor, endpointId);
  await db.webhookEndpoint.delete({ where: { id: endpoint.id } });
}

/** The event's endpoints without their secrets, each with its latest deliveries (the log). */
export async function listWebhookEndpoints(db: Db, actor: SignedIn, eventId: string, logSize = 20) {
  await authorizeEvent(db, actor, eventId, "event:edit");
  const endpoints = await db.webhookEndpoint.findMany({
    where: { eventId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      url: true,
      eventTypes: true,
      active: true,
      createdAt: true,
      deliveries: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: logSize,
        select: {
          id: true,
          messageId: true,
          eventType: true,
          status: true,
          attempts: true,
          responseStatus: true,
          lastError: true,
          nextAttemptAt: true,
          createdAt: true,
          deliveredAt: true,
        },
      },
    },
  });
  return endpoints.map((e) => ({ ...e, eventTypes: parseEventTypes(e.eventTypes) }));
}

/**
 * Queues a delivery again, now, with its webhook-id unchanged (receivers
 * deduplicate on it). A delivery being posted right now cannot be resent.
 */
export async function resendWebhookDelivery(db: Db, actor: SignedIn, deliveryId: string, options: ClockOptions = {}) {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true, endpointId: true } });
  if (!delivery) throw notFound("This delivery");
  await endpointOf(db, actor, delivery.endpointId).catch((e: unknown) => {
    throw e instanceof DomainError && e.code === "not_found" ? notFound("This delivery") : e;
  });
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: delivery.id, status: { not: "SENDING" } },
    data: { status: "QUEUED", attempts: 0, nextAttemptAt: readClock(options), claimedAt: null },
  });
  if (count === 0) throw conflict("This delivery is being sent right now; try again in a moment.");
}
