import type { SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import { proposalOfSpeaker } from "@/lib/auth/speaker-access";

/** Everything a speaker has proposed, newest first, with the event's CFP window. */
export async function listSpeakerProposals(db: DbTx, actor: SignedIn) {
  const userId = actor.userId;
  // From the speaker's rows (ProposalSpeaker(userId)), then their proposals by id: a
  // `speakers: { some }` filter on Proposal scans every proposal of every event.
  const roles = await db.proposalSpeaker.findMany({ where: { userId }, select: { proposalId: true } });
  if (roles.length === 0) return [];
  return db.proposal.findMany({
    where: { id: { in: roles.map((r) => r.proposalId) } },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      title: true,
      status: true,
      updatedAt: true,
      submittedAt: true,
      decidedAt: true,
      event: { select: { name: true, slug: true, cfpOpensAt: true, cfpClosesAt: true, timeZone: true, confirmationDeadline: true } },
      sessionType: { select: { name: true } },
    },
  });
}

export async function getSpeakerProposal(db: DbTx, actor: SignedIn, proposalId: string) {
  const { proposal } = await proposalOfSpeaker(db, actor, proposalId);
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
