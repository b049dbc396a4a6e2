import type { TransitionName } from "@/lib/lifecycle/state-machine";

/** The events an endpoint may subscribe to (the `type` of each payload). */
export const WEBHOOK_EVENT_TYPES = [
  "proposal.submitted",
  "proposal.updated",
  "proposal.withdrawn",
  "decision.published",
  "proposal.confirmed",
  "proposal.declined",
  "waitlist.promoted",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The event each status change emits: every transition emits exactly one. */
export const EVENT_FOR_TRANSITION: Readonly<Record<TransitionName, WebhookEventType>> = {
  submit: "proposal.submitted",
  withdraw: "proposal.withdrawn",
  publishAccepted: "decision.published",
  publishWaitlisted: "decision.published",
  publishRejected: "decision.published",
  promote: "waitlist.promoted",
  confirm: "proposal.confirmed",
  decline: "proposal.declined",
};

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** Endpoint.eventTypes is stored comma-separated. */
export function parseEventTypes(stored: string): WebhookEventType[] {
  return stored.split(",").filter(isWebhookEventType);
}
