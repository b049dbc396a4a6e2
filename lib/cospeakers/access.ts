import type { SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import { notFound } from "@/lib/errors";

/**
 * An invitation, if the actor speaks on its proposal; "not found" otherwise
 * (also for organizers and reviewers: inviting is the speakers' business).
 */
export async function invitationOfSpeaker(db: DbTx, actor: SignedIn, invitationId: string) {
  const userId = actor.userId;
  const invitation = await db.coSpeakerInvitation.findFirst({
    where: { id: invitationId, proposal: { speakers: { some: { userId } } } },
    include: { proposal: { select: { id: true, title: true, status: true, event: { select: { id: true, name: true } } } } },
  });
  if (!invitation) throw notFound("This invitation");
  return { userId, invitation };
}
