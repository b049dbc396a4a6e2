import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { conflict } from "@/lib/errors";
import { invitationOfSpeaker } from "./access";
import { dropHeldInvitationEmails, queueInvitationEmail } from "./email";
import { STALE_INVITATION } from "./errors";
import { isClosed, RESEND_COOLDOWN_MS } from "./rules";
import { newInvitationToken } from "./token";

const NOT_PENDING = (status: string) => `This invitation was ${status.toLowerCase()} already, so it cannot be changed.`;

/**
 * Sends a pending invitation again with a new token: the link in the earlier
 * email stops working (its hash is gone).
 */
export async function resendInvitation(db: Db, actor: SignedIn, invitationId: string, options: { now?: Date } = {}) {
  const { userId, invitation } = await invitationOfSpeaker(db, actor, invitationId);
  if (invitation.status !== "PENDING") throw conflict(NOT_PENDING(invitation.status));
  if (isClosed(invitation.proposal.status)) {
    throw conflict(`This proposal is ${invitation.proposal.status.toLowerCase()}, so it takes no new co-speakers.`);
  }
  const now = options.now ?? new Date();
  if (now.getTime() - invitation.lastSentAt.getTime() < RESEND_COOLDOWN_MS) {
    throw conflict("This invitation was sent less than a minute ago. Wait a minute before sending it again.");
  }
  const { token, tokenHash } = newInvitationToken();
  return db.$transaction(async (tx) => {
    const { count } = await tx.coSpeakerInvitation.updateMany({
      where: { id: invitation.id, status: "PENDING", tokenHash: invitation.tokenHash },
      data: { tokenHash, lastSentAt: now, invitedById: userId },
    });
    if (count === 0) throw conflict(STALE_INVITATION);
    const { held } = await queueInvitationEmail(tx, { to: invitation.email, token, inviterId: userId, proposal: invitation.proposal }, now);
    await recordActivity(tx, {
      proposalId: invitation.proposalId,
      actorId: userId,
      kind: "cospeaker",
      data: { email: invitation.email, status: "PENDING", resent: true },
    });
    return { id: invitation.id, email: invitation.email, status: "PENDING" as const, held };
  });
}

/**
 * Any speaker of the proposal withdraws a pending invitation; its link then
 * says so. Its email stays counted against the invitation limits; if it is
 * still held, it is dropped, never to be released.
 */
export async function revokeInvitation(db: Db, actor: SignedIn, invitationId: string) {
  const { userId, invitation } = await invitationOfSpeaker(db, actor, invitationId);
  if (invitation.status !== "PENDING") throw conflict(NOT_PENDING(invitation.status));
  return db.$transaction(async (tx) => {
    const { count } = await tx.coSpeakerInvitation.updateMany({
      where: { id: invitation.id, status: "PENDING" },
      data: { status: "REVOKED" },
    });
    if (count === 0) throw conflict(STALE_INVITATION);
    await dropHeldInvitationEmails(tx, invitation.proposalId, invitation.email);
    await recordActivity(tx, {
      proposalId: invitation.proposalId,
      actorId: userId,
      kind: "cospeaker",
      data: { email: invitation.email, status: "REVOKED" },
    });
    return { id: invitation.id, email: invitation.email, status: "REVOKED" as const };
  });
}
