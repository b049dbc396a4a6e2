import { db } from "@/lib/db";
import { defaultTransport } from "./deliver";
import { startDeliveryLoop, type DeliveryLoop } from "./delivery-loop";

// Survives Next.js dev hot reloads, so a process never runs two loops.
const owner = globalThis as unknown as { cfpDeliveryLoop?: DeliveryLoop | null };

/**
 * Starts this server process's delivery loop (once; instrumentation.ts calls
 * it at startup). Without SMTP_URL there is nothing to deliver to: messages
 * wait in the outbox, and the organizers' email pages say so.
 */
export function startEmailDelivery(): DeliveryLoop | null {
  if (owner.cfpDeliveryLoop !== undefined) return owner.cfpDeliveryLoop;
  const transport = defaultTransport();
  owner.cfpDeliveryLoop = transport ? startDeliveryLoop({ db, transport }) : null;
  return owner.cfpDeliveryLoop;
}
