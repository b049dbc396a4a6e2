import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import { z } from "zod";
import type { Db, DbTx } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { text } from "@/lib/text/fields";
import { COMMENT_BODY_MAX } from "./discussion-limits";
import { proposalForReviewer, type ReviewerAccess } from "./reviewer-access";

export const discussionInput = z.object({ body: text("Comment", COMMENT_BODY_MAX).refine((s) => s.length > 0, "Write a comment first.") });
export type DiscussionInput = z.infer<typeof discussionInput>;

/**
 * The review team's discussion of a proposal. The same door as reviewing:
 * a member of the event's team with no conflict of interest with it.
 */
async function discussionAccess(db: DbTx, actor: SignedIn, proposalId: string) {
  const access = await proposalForReviewer(db, actor, proposalId);
  await authorizeEvent(db, actor, access.proposal.eventId, "proposal:discuss");
  return access;
}

/**
 * The discussion, for a signed-in actor, or for the access to this proposal the
 * page already resolved (proposalForReviewer, through reviewerView): then the
 * same door is checked without asking the database again.
 */
export async function listDiscussion(db: DbTx, actor: SignedIn | ReviewerAccess, proposalId: string) {
  if ("proposal" in actor) {
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

export async function addDiscussionComment(db: Db, actor: SignedIn, proposalId: string, input: DiscussionInput) {
  const { userId } = await discussionAccess(db, actor, proposalId);
  return db.reviewComment.create({ data: { proposalId, authorId: userId, body: input.body }, select: { id: true } });
}
