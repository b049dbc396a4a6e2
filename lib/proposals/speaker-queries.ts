import type { DbTx } from "@/lib/db";
import { requireUser } from "@/lib/events/access";
import { proposalOfSpeaker } from "./speaker-access";

/** Everything a speaker has proposed, newest first, with the event's CFP window. */
export async function listSpeakerProposals(db: DbTx, actorId: string | null | undefined) {
  const userId = requireUser(actorId);
  return db.proposal.findMany({
    where: { speakers: { some: { userId } } },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      title: true,
      status: true,
      updatedAt: true,
      submittedAt: true,
      event: { select: { name: true, slug: true, cfpOpensAt: true, cfpClosesAt: true, timeZone: true } },
      sessionType: { select: { name: true } },
    },
  });
}

export async function getSpeakerProposal(db: DbTx, actorId: string | null | undefined, proposalId: string) {
  const { proposal } = await proposalOfSpeaker(db, actorId, proposalId);
  const [sessionTypes, tracks, speakers] = await Promise.all([
    db.sessionType.findMany({ where: { eventId: proposal.eventId }, orderBy: { position: "asc" } }),
    db.track.findMany({ where: { eventId: proposal.eventId }, orderBy: { position: "asc" } }),
    db.proposalSpeaker.findMany({
      where: { proposalId },
      select: { role: true, user: { select: { name: true, email: true } } },
    }),
  ]);
  return { proposal, sessionTypes, tracks, speakers };
}
