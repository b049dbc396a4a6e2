/** The events an endpoint may subscribe to (the `type` of each payload). */
export const WEBHOOK_EVENT_TYPES = [
  "proposal.submitted",
  "proposal.updated",
  "proposal.withdrawn",
  "decision.published",
  "proposal.confirmed",
  "proposal.declined",
  "waitlist.promoted",
  "schedule.released",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** Endpoint.eventTypes is stored comma-separated. */
export function parseEventTypes(stored: string): WebhookEventType[] {
  return stored.split(",").filter(isWebhookEventType);
}
