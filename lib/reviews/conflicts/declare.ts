import type { SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { fingerprintOf } from "@/lib/forms/fingerprint";
import { proposalForReviewer } from "@/lib/reviews/reviewer-access";
import { dropConflictedWork } from "./cleanup";

/** What declaring a conflict takes from the reviewer on this proposal. */
export type OwnConflictPlan = {
  /** Their review, deleted with the declaration (score 0..1 as stored). */
  review: { score: number; comment: string; updatedAt: Date } | null;
  /** Whether they were assigned to it (the assignment is removed). */
  assigned: boolean;
  fingerprint: string;
};

export const OWN_CONFLICT_CHANGED =
  "Your review of this proposal changed since this preview was made (perhaps in another tab). Nothing was declared: check what would be removed and confirm again.";

/** The reviewer's work on a proposal that a declaration removes; the dry run and the declaration read it alike. */
async function ownWork(db: DbTx, reviewerId: string, proposalId: string) {
  const review = await db.review.findUnique({
    where: { proposalId_reviewerId: { proposalId, reviewerId } },
    select: { id: true, score: true, comment: true, updatedAt: true },
  });
  const assignment = await db.reviewAssignment.findFirst({ where: { proposalId, reviewerId }, select: { id: true } });
  // A reviewer's new review or edit changes it; an assignment coming or going does not take their words.
  const fingerprint = fingerprintOf([review ? `review:${review.id}:${review.updatedAt.toISOString()}` : "no-review"]);
  return { review, assigned: !!assignment, fingerprint };
}

/** The dry run of "Declare a conflict and leave": what would be removed. Writes nothing. */
export async function planOwnConflict(db: Db, actor: SignedIn, proposalId: string): Promise<OwnConflictPlan> {
  const { userId } = await proposalForReviewer(db, actor, proposalId);
  const { review, assigned, fingerprint } = await ownWork(db, userId, proposalId);
  return { review: review && { score: review.score, comment: review.comment, updatedAt: review.updatedAt }, assigned, fingerprint };
}

/**
 * A reviewer says "I have a conflict" with a proposal. From then on it is
 * gone from their queue and counts, and their review of it (if any) no
 * longer counts. Declaring twice is harmless. With `asPreviewed` (the dry
 * run's fingerprint), their review must be as previewed, checked in the
 * declaring transaction: a review written or edited since is never deleted unseen.
 */
export async function declareOwnConflict(db: Db, actor: SignedIn, proposalId: string, options: { asPreviewed?: string } = {}) {
  const { userId, proposal } = await proposalForReviewer(db, actor, proposalId);
  const removed = await db.$transaction(async (tx) => {
    const work = await ownWork(tx, userId, proposalId);
    if (options.asPreviewed !== undefined && options.asPreviewed !== work.fingerprint) throw conflict(OWN_CONFLICT_CHANGED);
    await tx.proposalConflict.upsert({
      where: { proposalId_reviewerId: { proposalId, reviewerId: userId } },
      create: { eventId: proposal.eventId, proposalId, reviewerId: userId, source: "REVIEWER", createdById: userId },
      // A no-op update, not {}: Prisma then writes an atomic INSERT … ON CONFLICT (PostgreSQL races otherwise).
      update: { reviewerId: userId },
    });
    await dropConflictedWork(tx, proposal.eventId, userId);
    return { review: !!work.review };
  });
  return { eventId: proposal.eventId, eventSlug: proposal.event.slug, removedReview: removed.review };
}
