import type { SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import { proposalForReviewer } from "./reviewer-access";
import { seesOtherReviews, seesSpeakers } from "@/lib/auth/visibility";

/** The actor's own review of a proposal, if any (scoped to them by construction). */
export function ownReview(db: DbTx, reviewerId: string, proposalId: string) {
  return db.review.findUnique({
    where: { proposalId_reviewerId: { proposalId, reviewerId } },
    select: { score: true, comment: true, updatedAt: true, scores: { select: { criterionId: true, value: true } } },
  });
}

/**
 * What someone on the review team may see of a proposal beyond its text:
 * their own review; the others' reviews and totals when the event's
 * visibility rule allows; the speakers when review is not blind. Data a
 * rule hides is never loaded, so it cannot reach the page or its payload.
 */
export async function reviewerView(db: DbTx, actor: SignedIn, proposalId: string) {
  const { userId, role, proposal } = await proposalForReviewer(db, actor, proposalId);
  const mine = await ownReview(db, userId, proposalId);
  const othersVisible = seesOtherReviews(role, proposal.event.reviewVisibility, mine !== null);
  const [others, stats, speakers] = await Promise.all([
    othersVisible
      ? db.review.findMany({
          where: { proposalId, reviewerId: { not: userId } },
          orderBy: { updatedAt: "desc" },
          select: {
            id: true,
            score: true,
            comment: true,
            updatedAt: true,
            reviewer: { select: { name: true, email: true } },
            scores: { select: { criterionId: true, value: true } },
          },
        })
      : null,
    othersVisible ? db.proposalStats.findUnique({ where: { proposalId }, select: { avgScore: true, reviewCount: true } }) : null,
    seesSpeakers(role, proposal.event.blindReview)
      ? db.proposalSpeaker
          .findMany({ where: { proposalId }, select: { id: true, role: true, user: { select: { name: true, profile: true } } } })
          // Owner first. Not orderBy role: enums sort as text on SQLite and by declaration on PostgreSQL.
          .then((rows) => rows.sort((a, b) => Number(b.role === "OWNER") - Number(a.role === "OWNER") || a.id.localeCompare(b.id)))
      : null,
  ]);
  return { userId, role, proposal, mine, others, stats, speakers };
}
