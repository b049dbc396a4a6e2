import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { organizerScope, requireHandleable } from "@/lib/auth/organizer-scope";
import { conflict, invalid, notFound } from "@/lib/errors";
import { hasConflict } from "@/lib/reviews/conflicts/filter";

export type AssignmentTarget = { proposalId: string; reviewerId: string };

/**
 * An organizer assigns one reviewer (a REVIEWER member; caps are for
 * automatic assignment only) to one submitted proposal of their event that
 * they may handle (not one they speak on: "not found").
 */
export async function assignReviewer(db: Db, actor: SignedIn, eventId: string, target: AssignmentTarget) {
  const scope = await organizerScope(db, actor, eventId, "review:manage");
  const { proposalId, reviewerId } = target;
  const [proposal, member] = await Promise.all([
    requireHandleable(db, scope, proposalId, { status: true }),
    db.eventMember.findUnique({
      where: { eventId_userId: { eventId, userId: reviewerId } },
      select: { role: true, user: { select: { name: true, email: true } } },
    }),
  ]);
  if (!member) throw notFound("This reviewer");
  const who = member.user.name || member.user.email;
  if (member.role !== "REVIEWER") {
    throw invalid(`${who} is an organizer, not a reviewer of this event.`, { reviewerId: "Choose a reviewer." });
  }
  if (proposal.status !== "SUBMITTED") throw invalid("Only proposals under review (submitted, not decided) can be assigned.");
  try {
    await db.$transaction(async (tx) => {
      await tx.reviewAssignment.create({ data: { eventId, proposalId, reviewerId, source: "MANUAL" } });
      // Checked after the write, which holds SQLite's write lock: a conflict
      // declared or a decision taken meanwhile is seen, and rolls this back.
      const still = await tx.proposal.count({ where: { id: proposalId, status: "SUBMITTED" } });
      if (still === 0) throw conflict("This proposal was decided or withdrawn meanwhile.");
      if (await hasConflict(tx, eventId, reviewerId, proposalId)) {
        const message = `${who} has a conflict of interest with this proposal and cannot be assigned to it.`;
        throw invalid(message, { reviewerId: message });
      }
    });
  } catch (e) {
    if ((e as { code?: string } | null)?.code === "P2002") throw conflict(`${who} is already assigned to this proposal.`);
    throw e;
  }
}

/** Removes one assignment of the event on a proposal the organizer may handle (a review already written stays). */
export async function unassignReviewer(db: Db, actor: SignedIn, eventId: string, target: AssignmentTarget) {
  const scope = await organizerScope(db, actor, eventId, "review:manage");
  const { count } = await db.reviewAssignment.deleteMany({
    where: { eventId, proposalId: target.proposalId, reviewerId: target.reviewerId, proposal: scope.proposals },
  });
  if (count === 0) throw notFound("This assignment");
}
