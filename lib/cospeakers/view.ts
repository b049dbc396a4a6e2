import type { SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import { normalizeEmail } from "@/lib/auth/email-address";
import { isClosed } from "./rules";
import { invitationToken } from "./schemas";
import { hashInvitationToken } from "./token";

/**
 * What an invitation link's page may show. Only a pending invitation names
 * the event, the talk and the inviter; every other state says only what it
 * is. An accepted one links to the proposal for its speakers alone.
 */
export type InvitationView =
  | { state: "invalid" }
  | { state: "revoked" }
  | { state: "declined" }
  | { state: "closed" }
  | { state: "accepted"; proposalId: string | null }
  | {
      state: "pending";
      eventName: string;
      talkTitle: string;
      inviterName: string;
      /** Whether the viewer can answer: not signed in, signed in as the invitee, or as someone else. */
      viewer: "anonymous" | "invitee" | "other-account";
    };

export async function findByToken(db: DbTx, token: string) {
  if (!invitationToken.safeParse(token).success) return null;
  return db.coSpeakerInvitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: {
      proposal: { select: { id: true, eventId: true, title: true, status: true, event: { select: { name: true } } } },
      invitedBy: { select: { name: true, email: true } },
    },
  });
}

/** Whether the user's account address is the invited one (both normalized). */
export async function isInvitedAddress(db: DbTx, userId: string, invitedEmail: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) return false;
  try {
    return normalizeEmail(user.email) === normalizeEmail(invitedEmail);
  } catch {
    return false;
  }
}

export async function invitationForToken(db: DbTx, token: string, viewer?: SignedIn | null): Promise<InvitationView> {
  const viewerId = viewer?.userId;
  const invitation = await findByToken(db, token);
  if (!invitation) return { state: "invalid" };
  switch (invitation.status) {
    case "REVOKED":
      return { state: "revoked" };
    case "DECLINED":
      return { state: "declined" };
    case "ACCEPTED": {
      const speaks = viewerId ? await db.proposalSpeaker.count({ where: { proposalId: invitation.proposalId, userId: viewerId } }) : 0;
      return { state: "accepted", proposalId: speaks > 0 ? invitation.proposalId : null };
    }
    case "PENDING": {
      if (isClosed(invitation.proposal.status)) return { state: "closed" };
      const seenBy = !viewerId ? "anonymous" : (await isInvitedAddress(db, viewerId, invitation.email)) ? "invitee" : "other-account";
      return {
        state: "pending",
        eventName: invitation.proposal.event.name,
        talkTitle: invitation.proposal.title,
        inviterName: invitation.invitedBy.name || invitation.invitedBy.email,
        viewer: seenBy,
      };
    }
  }
}
