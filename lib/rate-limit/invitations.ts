import { systemClock } from "@/lib/clock";
import type { DbTx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { consume, waitText, type Verdict } from "./fixed-window";
import {
  COSPEAKER_INVITES_PER_EVENT,
  COSPEAKER_INVITES_PER_PROPOSAL,
  COSPEAKER_INVITES_PER_USER,
  TEAM_INVITES_PER_EVENT,
  TEAM_INVITES_PER_USER,
  type RateLimit,
} from "./limits";

// Invitation emails go to addresses the sender typed: the way to make the
// platform mail strangers. Each is counted inside the transaction that queues
// it, so a refusal rolls back the invitation, the email and the counts, and
// exactly `max` invitations pass per window. Counted when sent, so revoking
// an invitation gives nothing back.

type Check = { limit: RateLimit; subject: string; message: (max: number, wait: string) => string };

async function consumeAll(tx: DbTx, checks: readonly Check[], now: Date): Promise<void> {
  // One query at a time: a transaction is one connection.
  for (const check of checks) {
    const verdict: Verdict = await consume(tx, check.limit, check.subject, now);
    if (!verdict.allowed) {
      const message = check.message(check.limit.max, waitText(verdict.resetAt, now));
      // Shown next to the email field, so the typed address stays where it was.
      throw new DomainError("rate_limited", message, { email: message });
    }
  }
}

/** One co-speaker invitation email (invite or resend) by `userId` for a proposal of an event. */
export function consumeCoSpeakerInvitation(
  tx: DbTx,
  who: { userId: string; proposalId: string; eventId: string },
  now = systemClock.now(),
) {
  return consumeAll(
    tx,
    [
      {
        limit: COSPEAKER_INVITES_PER_PROPOSAL,
        subject: who.proposalId,
        message: (max, wait) =>
          `This proposal has sent ${max} invitation emails today (withdrawn ones count), the most we allow. You can invite again in ${wait}.`,
      },
      {
        limit: COSPEAKER_INVITES_PER_USER,
        subject: who.userId,
        message: (max, wait) => `You have sent ${max} co-speaker invitations today, the most we allow. You can invite again in ${wait}.`,
      },
      {
        limit: COSPEAKER_INVITES_PER_EVENT,
        subject: who.eventId,
        message: (_max, wait) => `This event has sent as many co-speaker invitations as it may this hour. You can invite again in ${wait}.`,
      },
    ],
    now,
  );
}

/** One team invitation email by `userId` for an event. */
export function consumeTeamInvitation(tx: DbTx, who: { userId: string; eventId: string }, now = systemClock.now()) {
  return consumeAll(
    tx,
    [
      {
        limit: TEAM_INVITES_PER_USER,
        subject: who.userId,
        message: (max, wait) => `You have sent ${max} team invitations today, the most we allow. You can invite again in ${wait}.`,
      },
      {
        limit: TEAM_INVITES_PER_EVENT,
        subject: who.eventId,
        message: (max, wait) => `This event has sent ${max} team invitations today, the most we allow. You can invite again in ${wait}.`,
      },
    ],
    now,
  );
}
