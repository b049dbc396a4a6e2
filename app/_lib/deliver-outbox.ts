import { after } from "next/server";
import { db } from "@/lib/db";
import { deliverQueued } from "@/lib/email/deliver";

/**
 * After the response is sent (so after the change committed), hand queued
 * messages to SMTP. Without SMTP_URL this does nothing; failures stay in the
 * outbox with their error and are retried by the next delivery.
 */
export function deliverOutboxAfterResponse(): void {
  after(async () => {
    try {
      await deliverQueued(db);
    } catch (e) {
      console.error("Outbox delivery failed", e);
    }
  });
}
