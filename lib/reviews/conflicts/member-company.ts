import type { DbTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { dropConflictedWork } from "./cleanup";

/**
 * What a change of someone's company does, in the transaction that wrote it
 * to their profile (ADR 0009):
 * - As a team member: only events with no submitted proposal yet take the
 *   new key. Elsewhere the event keeps the key it knew, so a reviewer's own
 *   company never changes what they can see (no oracle for who works where,
 *   no blank-company bypass); organizers see the new match as a flag.
 * - As a speaker: reviewers of the events they speak at whose key is the
 *   new one are now in conflict with them, unless an organizer dismissed the
 *   match. Their reviews and assignments of those proposals go, with the
 *   statistics. The proposals' rows are locked first (a no-op update), so a
 *   review saved concurrently either sees the new company or is removed here.
 */
export async function followCompanyChange(tx: DbTx, userId: string, key: string) {
  await tx.eventMember.updateMany({
    where: { userId, companyKey: { not: key }, event: { proposals: { none: { status: { not: "DRAFT" } } } } },
    data: { companyKey: key },
  });
  if (!key) return;
  const spoken = await tx.proposalSpeaker.findMany({
    where: { userId, proposal: { status: "SUBMITTED" } },
    select: { proposal: { select: { id: true, eventId: true } } },
  });
  if (spoken.length === 0) return;
  const colleagues = await tx.eventMember.findMany({
    where: { eventId: { in: [...new Set(spoken.map((s) => s.proposal.eventId))] }, companyKey: key, userId: { not: userId } },
    select: { eventId: true, userId: true },
  });
  if (colleagues.length === 0) return;
  const locked = spoken.filter((s) => colleagues.some((c) => c.eventId === s.proposal.eventId)).map((s) => s.proposal.id);
  await tx.$executeRaw`UPDATE "Proposal" SET "status" = "status" WHERE "id" IN (${Prisma.join(locked)})`;
  for (const c of colleagues) await dropConflictedWork(tx, c.eventId, c.userId);
}
