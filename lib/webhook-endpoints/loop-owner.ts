import { db } from "@/lib/db";
import { startRoundLoop, type DeliveryLoop } from "@/lib/email/delivery-loop";
import { allowPrivateNetworks } from "@/lib/webhooks/address-policy";
import { deliverWebhooks } from "@/lib/webhooks/deliver";
import { postJson } from "@/lib/webhooks/send";
import { stopBeforeExit } from "@/lib/shutdown";

// Survives Next.js dev hot reloads, so a process never runs two loops.
const owner = globalThis as unknown as { cfpWebhookLoop?: DeliveryLoop };

/**
 * Starts this server process's webhook sender (once; instrumentation.ts):
 * the email loop's round loop over the webhook queue. Several instances
 * share the queue through each delivery's lease. On SIGTERM the loop
 * finishes the delivery in hand before the process exits.
 */
export function startWebhookDelivery(): DeliveryLoop {
  if (owner.cfpWebhookLoop) return owner.cfpWebhookLoop;
  const post = postJson({ allowPrivate: allowPrivateNetworks() });
  owner.cfpWebhookLoop = startRoundLoop((limit, now, stopping) => deliverWebhooks(db, post, { limit, now, stopping }), {
    intervalMs: Number(process.env.WEBHOOK_INTERVAL_MS) || 5_000,
    batch: 20,
    onError: (e) => console.error("Webhook delivery round failed", e),
  });
  const loop = owner.cfpWebhookLoop;
  stopBeforeExit(process, () => loop.stop());
  return loop;
}
