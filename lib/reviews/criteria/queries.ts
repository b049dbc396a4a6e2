import type { DbTx } from "@/lib/db";

/** An event's review criteria in order. Not secret; callers have checked access to the event. */
export function eventCriteria(db: DbTx, eventId: string) {
  return db.reviewCriterion.findMany({ where: { eventId }, orderBy: { position: "asc" } });
}
