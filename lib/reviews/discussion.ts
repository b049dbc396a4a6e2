import { z } from "zod";
import type { Db, DbTx } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { requireEventCapability } from "@/lib/events/access";
import { text } from "@/lib/text/fields";
import { COMMENT_BODY_MAX } from "./discussion-limits";
import { proposalForReviewer, type ReviewerAccess } from "./reviewer-access";

export const discussionInput = z.object({ body: text("Comment", COMMENT_BODY_MAX).refine((s) => s.length > 0, "Write a comment first.") });
export type DiscussionInput = z.infer<typeof discussionInput>;

/**
 * The review team's discussion of a proposal. The same door as reviewing:
 * a member of the event's team with no conflict of interest with it.
 */
async function discussionAccess(db: DbTx, actorId: string | null | undefined, proposalId: string) {
  const access = await proposalForReviewer(db, actorId, proposalId);
  await requireEventCapability(db, access.userId, access.proposal.eventId, "proposal:discuss");
  return access;
}

/**
 * The discussion, for an actor id, or for the access to this proposal the
 * page already resolved (proposalForReviewer, through reviewerView): then the
 * same door is checked without asking the database again.
 */
export async function listDiscussion(db: DbTx, actor: string | null | undefined | ReviewerAccess, proposalId: string) {
  if (typeof actor === "object" && actor !== null) {
    if (actor.proposal.id !== proposalId || !can(actor.role, "proposal:discuss")) throw forbidden();
  } else {
    await discussionAccess(db, actor, proposalId);
  }
  return db.reviewComment.findMany({
    where: { proposalId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true, email: true } } },
  });
}

export async function addDiscussionComment(db: Db, actorId: string | null | undefined, proposalId: string, input: DiscussionInput) {
  const { userId } = await discussionAccess(db, actorId, proposalId);
  return db.reviewComment.create({ data: { proposalId, authorId: userId, body: input.body }, select: { id: true } });
}
