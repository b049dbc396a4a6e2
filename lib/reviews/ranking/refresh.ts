import type { Db } from "@/lib/db";
import { refreshEventStats } from "@/lib/reviews/proposal-stats";

/**
 * Brings the event's statistics up to date when some are visibly missing:
 * a reviewed proposal without a median (stats written before a migration
 * added the column) or without a normalized score (reviewed since the last
 * event-wide refresh). One indexed probe when nothing is missing.
 */
export async function refreshIfIncomplete(db: Db, eventId: string): Promise<boolean> {
  const incomplete = await db.proposalStats.findFirst({
    where: { eventId, reviewCount: { gt: 0 }, OR: [{ medianScore: null }, { normalizedScore: null }] },
    select: { proposalId: true },
  });
  if (!incomplete) return false;
  await refreshEventStats(db, eventId);
  return true;
}
