import type { DbTx } from "@/lib/db";
import { requireEventCapability } from "@/lib/events/access";

/**
 * The proposals a reviewer can review on an event, with their own score.
 * Proposals they speak on are left out entirely.
 */
export async function reviewerQueue(db: DbTx, actorId: string | null | undefined, eventId: string) {
  const { role } = await requireEventCapability(db, actorId, eventId, "proposal:review");
  const userId = actorId!;
  const proposals = await db.proposal.findMany({
    where: { eventId, status: "SUBMITTED", speakers: { none: { userId } } },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      title: true,
      level: true,
      sessionType: { select: { name: true } },
      track: { select: { name: true } },
      reviews: { where: { reviewerId: userId }, select: { score: true, updatedAt: true } },
    },
  });
  const items = proposals.map(({ reviews, ...p }) => ({ ...p, myScore: reviews[0]?.score ?? null }));
  return { role, items, reviewed: items.filter((i) => i.myScore !== null).length, total: items.length };
}

/**
 * The next proposal the reviewer has not scored yet, oldest submission first,
 * in one indexed query (the page must not load the whole queue for it).
 */
export async function nextUnreviewed(db: DbTx, actorId: string | null | undefined, eventId: string, exceptId?: string) {
  await requireEventCapability(db, actorId, eventId, "proposal:review");
  const userId = actorId!;
  return db.proposal.findFirst({
    where: {
      eventId,
      status: "SUBMITTED",
      speakers: { none: { userId } },
      reviews: { none: { reviewerId: userId } },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
}
