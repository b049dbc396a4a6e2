import type { DbTx } from "@/lib/db";
import { requireUser } from "@/lib/events/access";
import { notFound } from "@/lib/errors";

/**
 * An invitation, if the actor speaks on its proposal; "not found" otherwise
 * (also for organizers and reviewers: inviting is the speakers' business).
 */
export async function invitationOfSpeaker(db: DbTx, actorId: string | null | undefined, invitationId: string) {
  const userId = requireUser(actorId);
  const invitation = await db.coSpeakerInvitation.findFirst({
    where: { id: invitationId, proposal: { speakers: { some: { userId } } } },
    include: { proposal: { select: { id: true, title: true, status: true, event: { select: { id: true, name: true } } } } },
  });
  if (!invitation) throw notFound("This invitation");
  return { userId, invitation };
}
