import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { recomputeProposalStats } from "@/lib/reviews/proposal-stats";
import { reviewScore } from "@/lib/reviews/stats";
import type { ReviewSettingsInput } from "./schemas";

type CriterionRow = ReviewSettingsInput["criteria"][number];

/**
 * Organizers change how their event is reviewed. Criteria that already have
 * scores keep their scale (changing it would silently change what reviewers
 * meant) and cannot be removed; names, descriptions and weights may change,
 * and a weight change recomputes every review's score in the same transaction.
 */
export async function updateReviewSettings(db: Db, actor: SignedIn, eventId: string, input: ReviewSettingsInput) {
  await authorizeEvent(db, actor, eventId, "review:manage");
  return db.$transaction(async (tx) => {
    await tx.event.update({
      where: { id: eventId },
      data: {
        blindReview: input.blindReview,
        reviewVisibility: input.reviewVisibility,
        reviewsPerProposal: input.reviewsPerProposal,
        ratingGuide: input.ratingGuide,
      },
    });
    const rescore = await syncCriteria(tx, eventId, input.criteria);
    if (rescore) await rescoreEvent(tx, eventId);
    return { rescored: rescore };
  });
}

/** Returns whether existing review scores must be recomputed. */
async function syncCriteria(tx: DbTx, eventId: string, items: CriterionRow[]): Promise<boolean> {
  const existing = await tx.reviewCriterion.findMany({ where: { eventId }, include: { _count: { select: { scores: true } } } });
  const byId = new Map(existing.map((c) => [c.id, c]));
  const kept = new Set(items.map((i) => i.id).filter((id): id is string => !!id && byId.has(id)));
  let rescore = false;
  for (const old of existing.filter((c) => !kept.has(c.id))) {
    if (old._count.scores > 0) throw conflict(`“${old.name}” has been scored in ${old._count.scores} review(s) and cannot be removed.`);
    await tx.reviewCriterion.delete({ where: { id: old.id } });
  }
  for (const item of items) {
    const old = item.id ? byId.get(item.id) : undefined;
    if (!old) continue;
    if (old._count.scores > 0 && (old.minScore !== item.minScore || old.maxScore !== item.maxScore)) {
      throw conflict(`“${old.name}” has been scored already, so its scale (${old.minScore}–${old.maxScore}) cannot change.`);
    }
    if (old.weight !== item.weight && old._count.scores > 0) rescore = true;
    // A placeholder name first, so swapped names never hit the unique index halfway (see syncList in update-event).
    await tx.reviewCriterion.update({ where: { id: old.id }, data: { name: `\u0001renaming-${old.id}` } });
  }
  for (const [position, item] of items.entries()) {
    const data = {
      name: item.name,
      description: item.description,
      minScore: item.minScore,
      maxScore: item.maxScore,
      weight: item.weight,
      position,
    };
    if (item.id && kept.has(item.id)) await tx.reviewCriterion.update({ where: { id: item.id }, data });
    else await tx.reviewCriterion.create({ data: { ...data, eventId } });
  }
  return rescore;
}

async function rescoreEvent(tx: DbTx, eventId: string) {
  const criteria = await tx.reviewCriterion.findMany({ where: { eventId } });
  const reviews = await tx.review.findMany({
    where: { proposal: { eventId } },
    select: { id: true, proposalId: true, scores: { select: { criterionId: true, value: true } } },
  });
  for (const r of reviews) {
    const score = reviewScore(criteria, Object.fromEntries(r.scores.map((s) => [s.criterionId, s.value])));
    if (score !== null) await tx.review.update({ where: { id: r.id }, data: { score } });
  }
  for (const proposalId of new Set(reviews.map((r) => r.proposalId))) await recomputeProposalStats(tx, proposalId);
}
