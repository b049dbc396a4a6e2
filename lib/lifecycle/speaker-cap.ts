import type { DbTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { providerOf } from "@/lib/db/provider";
import { conflict } from "@/lib/errors";

/** What counts against the cap: everything a speaker submitted and did not withdraw. */
export const COUNTED_STATUSES = ["SUBMITTED", "ACCEPTED", "WAITLISTED", "REJECTED", "CONFIRMED", "DECLINED"] as const;

/**
 * The event's cap on proposals per speaker (Event.maxProposalsPerSpeaker),
 * checked for every speaker of the proposal being submitted, inside the
 * submitting transaction (applyTransition). Atomic on both databases: SQLite
 * runs one transaction at a time (ADR 0013); on PostgreSQL the speakers'
 * User rows are locked first, in id order, so a concurrent submission by the
 * same speaker waits for this one to commit and then counts it.
 */
export async function assertUnderSpeakerCap(tx: DbTx, proposalId: string, eventId: string, actorId: string): Promise<void> {
  const event = await tx.event.findUnique({ where: { id: eventId }, select: { maxProposalsPerSpeaker: true } });
  const cap = event?.maxProposalsPerSpeaker;
  if (cap == null) return;
  const speakers = await tx.proposalSpeaker.findMany({
    where: { proposalId },
    orderBy: { userId: "asc" },
    select: { userId: true, user: { select: { name: true } } },
  });
  if (speakers.length === 0) return;
  if (providerOf(tx) === "postgresql") {
    const ids = Prisma.join(speakers.map((s) => s.userId));
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" IN (${ids}) ORDER BY "id" FOR UPDATE`;
  }
  for (const s of speakers) {
    const already = await tx.proposal.count({
      where: { eventId, id: { not: proposalId }, status: { in: [...COUNTED_STATUSES] }, speakers: { some: { userId: s.userId } } },
    });
    if (already >= cap) {
      const who = s.userId === actorId ? "You already have" : `${s.user.name || "A co-speaker"} already has`;
      throw conflict(
        `${who} ${already} proposal${already === 1 ? "" : "s"} submitted to this event, the most it accepts per speaker (${cap}). ` +
          "Withdraw one to submit this one; it stays saved as a draft.",
      );
    }
  }
}
