import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { dropConflictedWork, dropConflictedWorkOn } from "@/lib/reviews/conflicts/cleanup";
import { recordActivity } from "@/lib/activity/record";
import { assertMayJoin } from "@/lib/lifecycle/speaker-cap";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { isClosed } from "./rules";
import type { InvitationAnswer } from "./schemas";
import { findByToken, isInvitedAddress } from "./view";

export const WRONG_ACCOUNT =
  "This invitation was sent to a different email address than the one you are signed in with. Sign out, then sign in with the address the invitation was sent to.";

const ANSWERED: Record<string, string> = {
  ACCEPTED: "This invitation was already accepted.",
  DECLINED: "This invitation was already declined.",
  REVOKED: "This invitation was withdrawn by the speaker.",
};

/**
 * The invitee accepts or declines, signed in with the invited address. The
 * write is conditional on PENDING (count 0 = answered or revoked meanwhile);
 * accepting adds them as COSPEAKER in the same transaction, after checking
 * the event's cap on proposals per speaker for them (a refusal leaves the
 * invitation pending).
 */
export async function respondToInvitation(db: Db, actor: SignedIn, token: string, answer: InvitationAnswer, options: { now?: Date } = {}) {
  const userId = actor.userId;
  const invitation = await findByToken(db, token);
  if (!invitation) throw notFound("This invitation");
  if (!(await isInvitedAddress(db, userId, invitation.email))) throw forbidden(WRONG_ACCOUNT);
  if (invitation.status !== "PENDING") throw conflict(ANSWERED[invitation.status]);
  if (answer === "accept" && isClosed(invitation.proposal.status)) {
    throw conflict(`This proposal is ${invitation.proposal.status.toLowerCase()}, so it takes no new co-speakers.`);
  }
  const status = answer === "accept" ? "ACCEPTED" : "DECLINED";
  const now = options.now ?? new Date();

  return db.$transaction(async (tx) => {
    const { count } = await tx.coSpeakerInvitation.updateMany({
      where: { id: invitation.id, status: "PENDING", tokenHash: invitation.tokenHash },
      data: { status, respondedAt: now },
    });
    if (count === 0) throw conflict("This invitation was answered or withdrawn in the meantime. Reload the page.");
    if (status === "ACCEPTED") {
      await assertMayJoin(tx, invitation.proposalId, userId);
      // Upsert: already on the proposal (in whatever role) stays as it is.
      await tx.proposalSpeaker.upsert({
        where: { proposalId_userId: { proposalId: invitation.proposalId, userId } },
        create: { proposalId: invitation.proposalId, userId, role: "COSPEAKER" },
        // A no-op update, not {}: Prisma then writes an atomic INSERT … ON CONFLICT (PostgreSQL races otherwise).
        update: { userId },
      });
      // A reviewer of the event who joins a proposal must not keep a review of it (or of a fellow speaker's),
      // nor may the reviewers the newcomer is in conflict with (past co-speakers, colleagues).
      await dropConflictedWork(tx, invitation.proposal.eventId, userId);
      await dropConflictedWorkOn(tx, invitation.proposalId);
    }
    await recordActivity(tx, {
      proposalId: invitation.proposalId,
      actorId: userId,
      kind: "cospeaker",
      data: { email: invitation.email, status },
    });
    return { proposalId: invitation.proposalId, status };
  });
}
