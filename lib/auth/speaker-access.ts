import type { SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import { notFound } from "@/lib/errors";

/**
 * The proposal, if the actor speaks on it; "not found" otherwise, so ids
 * reveal nothing. Never the organizers' unpublished decision.
 */
export async function proposalOfSpeaker(db: DbTx, actor: SignedIn, proposalId: string) {
  const userId = actor.userId;
  const proposal = await db.proposal.findFirst({
    where: { id: proposalId, speakers: { some: { userId } } },
    include: { event: true },
    omit: { pendingDecision: true },
  });
  if (!proposal) throw notFound("This proposal");
  return { userId, proposal };
}
