import { db } from "@/lib/db";
import { startRoundLoop, type DeliveryLoop } from "@/lib/email/delivery-loop";
import { allowPrivateNetworks } from "@/lib/webhooks/address-policy";
import { deliverWebhooks } from "@/lib/webhooks/deliver";
import { postJson } from "@/lib/webhooks/send";

// Survives Next.js dev hot reloads, so a process never runs two loops.
const owner = globalThis as unknown as { cfpWebhookLoop?: DeliveryLoop };

/**
 * Starts this server process's webhook sender (once; instrumentation.ts):
 * the email loop's round loop over the webhook queue. Several instances
 * share the queue through each delivery's lease.
 */
export function startWebhookDelivery(): DeliveryLoop {
  if (owner.cfpWebhookLoop) return owner.cfpWebhookLoop;
  const post = postJson({ allowPrivate: allowPrivateNetworks() });
  owner.cfpWebhookLoop = startRoundLoop((limit, now) => deliverWebhooks(db, post, { limit, now }), {
    intervalMs: Number(process.env.WEBHOOK_INTERVAL_MS) || 5_000,
    batch: 20,
    onError: (e) => console.error("Webhook delivery round failed", e),
  });
  return owner.cfpWebhookLoop;
}
