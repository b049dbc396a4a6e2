import type { DbTx } from "@/lib/db";
import { systemClock } from "@/lib/clock";
import { rateLimited } from "@/lib/errors";
import { consume, waitText } from "./fixed-window";
import { SUBMISSIONS_PER_USER } from "./limits";

/**
 * Counts a submission by `userId` inside the transaction that submits; over
 * the limit it throws, which rolls the submission and the count back, so
 * exactly SUBMISSIONS_PER_USER.max submissions succeed per window.
 */
export async function consumeSubmission(tx: DbTx, userId: string, now = systemClock.now()): Promise<void> {
  const verdict = await consume(tx, SUBMISSIONS_PER_USER, userId, now);
  if (!verdict.allowed) {
    throw rateLimited(
      `You have submitted ${SUBMISSIONS_PER_USER.max} proposals in the last hour, the most we accept. Save this one as a draft and submit it in ${waitText(verdict.resetAt, now)}.`,
    );
  }
}
