import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssignPair } from "./auto-assign";
import { loadConflictSet, type ConflictSet } from "./conflict-set";

export type AssignmentReviewer = {
  /** The user id, as in ReviewAssignment.reviewerId. */
  id: string;
  memberId: string;
  cap: number | null;
  preferredTrackIds: string[];
};

export type AssignmentInputs = {
  /** N: reviewers each proposal should have, assigned or having reviewed it. */
  reviewersPerProposal: number;
  /** The event's SUBMITTED proposals: the only ones under review. */
  proposals: { id: string; trackId: string | null; submittedAt: Date | null }[];
  /** Team members with the REVIEWER role; organizers are never assigned automatically. */
  reviewers: AssignmentReviewer[];
  /**
   * Who already covers which proposal: an assignment or a review (by anyone
   * on the team), without the pairs that are now conflicted, whose opinion
   * would not count.
   */
  existing: AssignPair[];
  conflicts: ConflictSet;
  /** The raw rows behind `existing`, conflicted ones included. */
  assigned: AssignPair[];
  reviewed: AssignPair[];
};

/**
 * Everything automatic assignment and the coverage figures need, in a fixed
 * number of queries, for the submitted proposals among `handleable` (the
 * organizer's scope, lib/auth/organizer-scope.ts: none they speak on).
 */
export async function loadAssignmentInputs(db: DbTx, eventId: string, handleable: Prisma.ProposalWhereInput): Promise<AssignmentInputs> {
  const submitted: Prisma.ProposalWhereInput = { AND: [handleable, { eventId, status: "SUBMITTED" }] };
  const pair = { select: { proposalId: true, reviewerId: true } } as const;
  const [event, proposals, members, assignments, reviews, conflicts] = await Promise.all([
    db.event.findUniqueOrThrow({ where: { id: eventId }, select: { reviewsPerProposal: true } }),
    db.proposal.findMany({ where: submitted, select: { id: true, trackId: true, submittedAt: true }, orderBy: { id: "asc" } }),
    db.eventMember.findMany({
      where: { eventId, role: "REVIEWER" },
      select: { id: true, userId: true, reviewCap: true, preferredTracks: { select: { trackId: true } } },
      orderBy: { userId: "asc" },
    }),
    db.reviewAssignment.findMany({ where: { eventId, proposal: submitted }, ...pair }),
    db.review.findMany({ where: { proposal: submitted }, ...pair }),
    loadConflictSet(db, eventId, submitted),
  ]);
  const seen = new Set<string>();
  const existing: AssignPair[] = [];
  for (const p of [...assignments, ...reviews]) {
    const k = `${p.proposalId}\u0000${p.reviewerId}`;
    if (seen.has(k) || conflicts.isConflicted(p.reviewerId, p.proposalId)) continue;
    seen.add(k);
    existing.push({ proposalId: p.proposalId, reviewerId: p.reviewerId });
  }
  return {
    reviewersPerProposal: event.reviewsPerProposal,
    proposals,
    reviewers: members.map((m) => ({
      id: m.userId,
      memberId: m.id,
      cap: m.reviewCap,
      preferredTrackIds: m.preferredTracks.map((t) => t.trackId),
    })),
    existing,
    conflicts,
    assigned: assignments,
    reviewed: reviews,
  };
}
