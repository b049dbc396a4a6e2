import type { DbTx } from "@/lib/db";
import type { OrganizerScope } from "@/lib/auth/organizer-scope";
import type { ReviewerScore } from "@/lib/reviews/stats";

/**
 * Every review score of the event's proposals the scope may handle, as
 * (reviewer, score) pairs. Counted by the database per reviewer and distinct score (a
 * few values per reviewer, as scores are weighted means of small integer
 * scales), then expanded: far fewer rows to read than one per review.
 */
export async function eventReviewScores(db: DbTx, scope: OrganizerScope): Promise<ReviewerScore[]> {
  const groups = await db.review.groupBy({
    by: ["reviewerId", "score"],
    where: { proposal: scope.proposals },
    _count: { _all: true },
    orderBy: [{ reviewerId: "asc" }, { score: "asc" }],
  });
  return groups.flatMap((g) => Array.from({ length: g._count._all }, () => ({ reviewerId: g.reviewerId, score: g.score })));
}

/**
 * Reviewer id → assignments on proposals still open for review (SUBMITTED)
 * that the reviewer has not reviewed, among the proposals the scope may
 * handle (the last NOT EXISTS is handleableBy in SQL; the organizer-scope
 * test table checks both agree). Raw SQL because the "no review by the same reviewer" condition pairs
 * two columns of the assignment, which Prisma's filters cannot express; the
 * Review (proposalId, reviewerId) unique index answers it.
 */
export async function openAssignments(db: DbTx, scope: OrganizerScope): Promise<Map<string, number>> {
  const { eventId, actorId } = scope;
  const rows = await db.$queryRaw<{ reviewerId: string; open: number | bigint }[]>`
    SELECT a."reviewerId" AS "reviewerId", COUNT(*) AS "open"
    FROM "ReviewAssignment" a
    JOIN "Proposal" p ON p."id" = a."proposalId"
    WHERE a."eventId" = ${eventId}
      AND p."status" = 'SUBMITTED'
      AND NOT EXISTS (SELECT 1 FROM "Review" r WHERE r."proposalId" = a."proposalId" AND r."reviewerId" = a."reviewerId")
      AND NOT EXISTS (SELECT 1 FROM "ProposalSpeaker" s WHERE s."proposalId" = a."proposalId" AND s."userId" = ${actorId})
    GROUP BY a."reviewerId"`;
  return new Map(rows.map((r) => [r.reviewerId, Number(r.open)]));
}
