import type { DbTx } from "@/lib/db";
import { requireEventCapability, requireUser } from "@/lib/events/access";
import { forbidden, notFound } from "@/lib/errors";

/**
 * The proposal, for someone allowed to review on its event. A reviewer never
 * reviews a proposal they speak on; drafts and withdrawn proposals are not
 * visible to the review team at all.
 */
export async function proposalForReviewer(db: DbTx, actorId: string | null | undefined, proposalId: string) {
  const userId = requireUser(actorId);
  const proposal = await db.proposal.findFirst({
    where: { id: proposalId, status: { notIn: ["DRAFT", "WITHDRAWN"] } },
    include: { event: true, sessionType: true, track: true, speakers: { select: { userId: true } } },
  });
  if (!proposal) throw notFound("This proposal");
  const { role } = await requireEventCapability(db, userId, proposal.eventId, "proposal:review").catch((e) => {
    throw e?.code === "forbidden" ? e : notFound("This proposal");
  });
  if (proposal.speakers.some((s) => s.userId === userId)) {
    throw forbidden("You speak on this proposal, so you cannot review it.");
  }
  return { userId, role, proposal };
}
