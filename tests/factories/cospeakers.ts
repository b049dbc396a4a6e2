import type { Db, DbTx } from "@/lib/db/client";
import type { CoSpeakerInvitation, Proposal, User } from "@/lib/generated/prisma/client";
import { newInvitationToken } from "@/lib/cospeakers/token";
import { nextSeq, distinct } from "./sequence";

export type InvitationTraits = {
  proposal: Pick<Proposal, "id">;
  /** Who sent it; default the proposal's OWNER. */
  invitedBy?: Pick<User, "id">;
  /** Default a new address nobody has an account for. */
  email?: string;
  /** Default "PENDING". */
  status?: "PENDING" | "ACCEPTED" | "DECLINED" | "REVOKED";
  /** Default now. */
  lastSentAt?: Date;
};

/**
 * A stored invitation and the raw token of its link (what the email would
 * carry). No email and no speaker row: answered traits are just the status.
 */
export async function createInvitation(
  db: Db | DbTx,
  traits: InvitationTraits,
): Promise<{ invitation: CoSpeakerInvitation; token: string }> {
  const inviterId =
    traits.invitedBy?.id ??
    (await db.proposalSpeaker.findFirstOrThrow({ where: { proposalId: traits.proposal.id, role: "OWNER" } })).userId;
  const { token, tokenHash } = newInvitationToken();
  const status = traits.status ?? "PENDING";
  const invitation = await db.coSpeakerInvitation.create({
    data: {
      proposalId: traits.proposal.id,
      email: traits.email ?? `invitee.${distinct(nextSeq())}@example.net`,
      invitedById: inviterId,
      status,
      tokenHash,
      lastSentAt: traits.lastSentAt ?? new Date(),
      respondedAt: status === "ACCEPTED" || status === "DECLINED" ? new Date() : null,
    },
  });
  return { invitation, token };
}
