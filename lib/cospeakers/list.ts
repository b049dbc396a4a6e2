import type { SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import { proposalOfSpeaker } from "@/lib/auth/speaker-access";
import { isClosed, MAX_SPEAKERS } from "./rules";

/**
 * The proposal's speakers and every invitation sent for it, for its
 * speakers only. Token hashes never leave the database.
 */
export async function listInvitations(db: DbTx, actor: SignedIn, proposalId: string) {
  const { userId, proposal } = await proposalOfSpeaker(db, actor, proposalId);
  const [speakers, invitations] = await Promise.all([
    db.proposalSpeaker.findMany({
      where: { proposalId: proposal.id },
      orderBy: { id: "asc" },
      select: { role: true, user: { select: { id: true, name: true, email: true } } },
    }),
    db.coSpeakerInvitation.findMany({
      where: { proposalId: proposal.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        email: true,
        status: true,
        createdAt: true,
        lastSentAt: true,
        respondedAt: true,
        invitedBy: { select: { name: true, email: true } },
      },
    }),
  ]);
  const pending = invitations.filter((i) => i.status === "PENDING").length;
  return {
    viewerId: userId,
    // Owner first; enums sort differently in SQLite (text) and PostgreSQL (declaration order).
    speakers: speakers
      .sort((a, b) => Number(b.role === "OWNER") - Number(a.role === "OWNER"))
      .map((s) => ({ userId: s.user.id, name: s.user.name, email: s.user.email, role: s.role })),
    invitations: invitations.map(({ invitedBy, ...i }) => ({ ...i, invitedByName: invitedBy.name || invitedBy.email })),
    /** Whether the invite form is offered: the proposal is still in the running and there is room. */
    canInvite: !isClosed(proposal.status) && speakers.length + pending < MAX_SPEAKERS,
    closed: isClosed(proposal.status),
    maxSpeakers: MAX_SPEAKERS,
  };
}
