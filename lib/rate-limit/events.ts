import { systemClock } from "@/lib/clock";
import type { DbTx } from "@/lib/db";
import { rateLimited } from "@/lib/errors";
import { consume, waitText } from "./fixed-window";
import { EVENTS_PER_USER } from "./limits";

/**
 * Counts an event created by `userId` inside the creating transaction; over
 * the limit it throws, which rolls back the event and the count.
 */
export async function consumeEventCreation(tx: DbTx, userId: string, now = systemClock.now()): Promise<void> {
  const verdict = await consume(tx, EVENTS_PER_USER, userId, now);
  if (!verdict.allowed) {
    throw rateLimited(
      `You have created ${EVENTS_PER_USER.max} events today, the most we allow. You can create another in ${waitText(verdict.resetAt, now)}.`,
    );
  }
}
