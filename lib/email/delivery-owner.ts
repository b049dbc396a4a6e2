import { db } from "@/lib/db";
import { defaultTransport } from "./deliver";
import { startDeliveryLoop, type DeliveryLoop } from "./delivery-loop";
import { stopBeforeExit } from "@/lib/shutdown";

// Survives Next.js dev hot reloads, so a process never runs two loops.
const owner = globalThis as unknown as { cfpDeliveryLoop?: DeliveryLoop | null };

/**
 * Starts this server process's delivery loop (once; instrumentation.ts calls
 * it at startup). Without SMTP_URL there is nothing to deliver to: messages
 * wait in the outbox, and the organizers' email pages say so. On SIGTERM the
 * loop finishes the message in hand before the process exits.
 */
export function startEmailDelivery(): DeliveryLoop | null {
  if (owner.cfpDeliveryLoop !== undefined) return owner.cfpDeliveryLoop;
  const transport = defaultTransport();
  const loop = transport ? startDeliveryLoop({ db, transport }) : null;
  owner.cfpDeliveryLoop = loop;
  if (loop) stopBeforeExit(process, () => loop.stop());
  return loop;
}
