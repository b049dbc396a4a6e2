import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

export const webhookEndpointInput = z.object({
  url: z.string().trim().min(1, "Enter the URL that receives the webhooks.").max(2000, "Keep the URL under 2,000 characters."),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, "Choose at least one event."),
});
export type WebhookEndpointInput = z.infer<typeof webhookEndpointInput>;
