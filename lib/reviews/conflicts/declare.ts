import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { proposalForReviewer } from "@/lib/reviews/reviewer-access";
import { dropConflictedWork } from "./cleanup";

/**
 * A reviewer says "I have a conflict" with a proposal. From then on it is
 * gone from their queue and counts, and their review of it (if any) no
 * longer counts. Declaring twice is harmless.
 */
export async function declareOwnConflict(db: Db, actor: SignedIn, proposalId: string) {
  const { userId, proposal } = await proposalForReviewer(db, actor, proposalId);
  await db.$transaction(async (tx) => {
    await tx.proposalConflict.upsert({
      where: { proposalId_reviewerId: { proposalId, reviewerId: userId } },
      create: { eventId: proposal.eventId, proposalId, reviewerId: userId, source: "REVIEWER", createdById: userId },
      // A no-op update, not {}: Prisma then writes an atomic INSERT … ON CONFLICT (PostgreSQL races otherwise).
      update: { reviewerId: userId },
    });
    await dropConflictedWork(tx, proposal.eventId, userId);
  });
  return { eventId: proposal.eventId, eventSlug: proposal.event.slug };
}
