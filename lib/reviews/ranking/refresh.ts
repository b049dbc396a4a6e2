import type { Db } from "@/lib/db";
import { refreshEventStats } from "@/lib/reviews/proposal-stats";

/**
 * Brings the event's statistics up to date when some are visibly missing: a
 * reviewed proposal without a median, as stats written before a migration
 * added the column. One indexed probe when nothing is missing.
 *
 * A missing normalized score alone does not trigger it: keeping those fresh
 * is the review write path's job (refreshEventStats after saveReview), and a
 * refresh reads every review of the event, too slow for each page view.
 */
export async function refreshIfIncomplete(db: Db, eventId: string): Promise<boolean> {
  const incomplete = await db.proposalStats.findFirst({
    where: { eventId, reviewCount: { gt: 0 }, medianScore: null },
    select: { proposalId: true },
  });
  if (!incomplete) return false;
  await refreshEventStats(db, eventId);
  return true;
}
