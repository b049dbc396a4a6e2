import type { SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { conflict } from "@/lib/errors";
import { proposalOfSpeaker } from "@/lib/auth/speaker-access";
import { queueInvitationEmail } from "./email";
import { emailRefused, isUniqueViolation, normalizedEmailOrInvalid, STALE_INVITATION } from "./errors";
import { isClosed, MAX_SPEAKERS, RESEND_COOLDOWN_MS } from "./rules";
import { newInvitationToken } from "./token";

/**
 * A speaker of the proposal invites someone by email. The (proposal, address)
 * row is created, or reused when that address declined or was revoked
 * before; either way it ends PENDING with a fresh token, and the email (held
 * when the event holds email), its rate-limit counts and the activity line
 * are written in the same transaction.
 */
export async function inviteCoSpeaker(db: Db, actor: SignedIn, proposalId: string, rawEmail: string, options: { now?: Date } = {}) {
  const { userId, proposal } = await proposalOfSpeaker(db, actor, proposalId);
  if (isClosed(proposal.status)) {
    throw conflict(`This proposal is ${proposal.status.toLowerCase()}, so it takes no new co-speakers.`);
  }
  const email = normalizedEmailOrInvalid(rawEmail);
  const now = options.now ?? new Date();
  const { token, tokenHash } = newInvitationToken();

  return db.$transaction(async (tx) => {
    const existing = await existingInvitable(tx, proposal.id, email, now);
    const fresh = { status: "PENDING" as const, tokenHash, invitedById: userId, lastSentAt: now, respondedAt: null };
    let invitationId: string;
    if (existing) {
      const { count } = await tx.coSpeakerInvitation.updateMany({
        where: { id: existing.id, status: existing.status, tokenHash: existing.tokenHash },
        data: fresh,
      });
      if (count === 0) throw conflict(STALE_INVITATION);
      invitationId = existing.id;
    } else {
      invitationId = await tx.coSpeakerInvitation
        .create({ data: { proposalId: proposal.id, email, ...fresh }, select: { id: true } })
        .then((row) => row.id)
        .catch((e: unknown) => {
          if (isUniqueViolation(e)) throw conflict(STALE_INVITATION);
          throw e;
        });
    }
    const { held } = await queueInvitationEmail(tx, { to: email, token, inviterId: userId, proposal }, now);
    await recordActivity(tx, { proposalId: proposal.id, actorId: userId, kind: "cospeaker", data: { email, status: "PENDING" } });
    return { id: invitationId, email, status: "PENDING" as const, held };
  });
}

/**
 * The address's earlier invitation (declined or revoked), if any, once the
 * address may be invited. Read inside the writing transaction, so the limit
 * holds under concurrent invitations.
 */
async function existingInvitable(tx: DbTx, proposalId: string, email: string, now: Date) {
  // Lock the proposal row first (PostgreSQL), so concurrent invitations count each other; then one query at a time.
  await tx.$executeRaw`UPDATE "Proposal" SET "status" = "status" WHERE "id" = ${proposalId}`;
  const alreadySpeaker = await tx.proposalSpeaker.count({ where: { proposalId, user: { email } } });
  const existing = await tx.coSpeakerInvitation.findUnique({ where: { proposalId_email: { proposalId, email } } });
  const speakers = await tx.proposalSpeaker.count({ where: { proposalId } });
  const pendingOthers = await tx.coSpeakerInvitation.count({ where: { proposalId, status: "PENDING", email: { not: email } } });
  if (alreadySpeaker > 0) throw emailRefused("conflict", "This person already speaks on this proposal.");
  if (existing?.status === "PENDING") {
    throw emailRefused("conflict", "This address is already invited. Use “Resend” in the list to send the email again.");
  }
  if (speakers + pendingOthers >= MAX_SPEAKERS) {
    throw emailRefused("conflict", `A proposal can have at most ${MAX_SPEAKERS} speakers, pending invitations included. Revoke one first.`);
  }
  if (existing && now.getTime() - existing.lastSentAt.getTime() < RESEND_COOLDOWN_MS) {
    throw emailRefused("conflict", "An invitation went to this address less than a minute ago. Wait a minute before sending another.");
  }
  return existing;
}
