import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";
import { hasConflict } from "./conflicts/filter";

/**
 * The proposal, for someone allowed to review on its event and free of any
 * conflict of interest with it. Drafts and withdrawn proposals are not
 * visible to the review team at all. Speaker identities are not loaded:
 * pages ask reviewerSpeakers() for them, which obeys blind review.
 */
export async function proposalForReviewer(db: DbTx, actor: SignedIn, proposalId: string) {
  const userId = actor.userId;
  const proposal = await db.proposal.findFirst({
    where: { id: proposalId, status: { notIn: ["DRAFT", "WITHDRAWN"] } },
    include: { event: true, sessionType: true, track: true },
  });
  if (!proposal) throw notFound("This proposal");
  const { role } = await authorizeEvent(db, actor, proposal.eventId, "proposal:review").catch((e) => {
    throw e?.code === "forbidden" ? e : notFound("This proposal");
  });
  if (await hasConflict(db, proposal.eventId, userId, proposal.id)) {
    throw forbidden("You have a conflict of interest with this proposal, so you cannot see or review it.");
  }
  return { userId, role, proposal };
}

/** What proposalForReviewer resolved: who, with which role, for which proposal. */
export type ReviewerAccess = Awaited<ReturnType<typeof proposalForReviewer>>;
