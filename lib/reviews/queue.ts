import { authorizeEvent, type EventActor, type SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { conflictedProposalIds } from "./conflicts/filter";
import { searchWhere } from "@/lib/search/where";
import { queueReach } from "@/lib/search/reach";
import { taggedWith, tagsOfRow } from "@/lib/tags/queries";

export const QUEUE_PAGE_SIZE = 50;

/** tagId: a public tag (reviewers filter by public tags only); q: the search box (lib/search). */
export type QueueFilter = { trackId?: string; sessionTypeId?: string; todo?: boolean; tagId?: string; q?: string };

// The queue's order: proposals assigned to the reviewer first, then the
// rest; oldest submission first within each group. Every query below keeps
// to it, so "review next" and previous/next agree with the list.
const ORDER = [{ submittedAt: "asc" }, { id: "asc" }] satisfies Prisma.ProposalOrderByWithRelationInput[];
const REVERSED = [{ submittedAt: "desc" }, { id: "desc" }] satisfies Prisma.ProposalOrderByWithRelationInput[];

/**
 * A reviewer's standing on an event, resolved once: the capability checked
 * and the conflicted proposal ids computed. A page that asks several queue
 * questions (the review page: "review next" and previous/next) resolves it
 * once with reviewerScope and passes it where the functions below take an
 * actor id; each function resolves it itself when given an id.
 */
export type ReviewerScope = EventActor & {
  /** The same as userId. */
  readonly reviewerId: string;
  readonly conflictedIds: readonly string[];
};
type Actor = SignedIn | ReviewerScope;

export async function reviewerScope(db: DbTx, actor: SignedIn, eventId: string): Promise<ReviewerScope> {
  const reviewer = await authorizeEvent(db, actor, eventId, "proposal:review");
  return { ...reviewer, reviewerId: reviewer.userId, conflictedIds: await conflictedProposalIds(db, eventId, reviewer.userId) };
}

async function queueWhere(db: DbTx, actor: Actor, eventId: string, filter: QueueFilter = {}) {
  const scope = "conflictedIds" in actor ? actor : await reviewerScope(db, actor, eventId);
  if (scope.eventId !== eventId) throw forbidden();
  const { role, reviewerId } = scope;
  const all = { eventId, AND: [{ id: { notIn: [...scope.conflictedIds] } }], status: "SUBMITTED" } satisfies Prisma.ProposalWhereInput;
  const search = filter.q ? await searchWhere(db, eventId, filter.q, queueReach(role, await isBlind(db, eventId))) : null;
  const filtered: Prisma.ProposalWhereInput = {
    ...all,
    AND: [...all.AND, ...(filter.tagId ? [taggedWith(filter.tagId, true)] : []), ...(search ? [search] : [])],
    ...(filter.trackId ? { trackId: filter.trackId } : {}),
    ...(filter.sessionTypeId ? { sessionTypeId: filter.sessionTypeId } : {}),
    ...(filter.todo ? { reviews: { none: { reviewerId } } } : {}),
  };
  const assigned = { assignments: { some: { reviewerId } } } satisfies Prisma.ProposalWhereInput;
  const unassigned = { assignments: { none: { reviewerId } } } satisfies Prisma.ProposalWhereInput;
  return { role, reviewerId, all, filtered, assigned, unassigned };
}

async function isBlind(db: DbTx, eventId: string) {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { blindReview: true } });
  return event?.blindReview ?? true;
}

/**
 * One page of the proposals a reviewer may review, with their own score and
 * whether it is assigned to them, plus their progress over the whole event
 * (conflicted proposals are in neither the list nor the counts).
 */
export async function reviewerQueue(db: DbTx, actor: Actor, eventId: string, filter: QueueFilter = {}, page = 1) {
  const q = await queueWhere(db, actor, eventId, filter);
  // Counted from the reviewer's side (their reviews, their assignments), so
  // the cost follows what they did, not the event's size. Without a track or
  // session filter the matching counts follow from these.
  const mine = { reviewerId: q.reviewerId, proposal: q.all } satisfies Prisma.ReviewWhereInput;
  const theirs = { eventId, reviewerId: q.reviewerId, proposal: q.all } satisfies Prisma.ReviewAssignmentWhereInput;
  const [total, reviewed, assignedTotal, assignedDone] = await Promise.all([
    db.proposal.count({ where: q.all }),
    db.review.count({ where: mine }),
    db.reviewAssignment.count({ where: theirs }),
    db.reviewAssignment.count({ where: { ...theirs, proposal: { ...q.all, reviews: { some: { reviewerId: q.reviewerId } } } } }),
  ]);
  const narrowed = !!(filter.trackId || filter.sessionTypeId || filter.tagId || filter.q);
  const [matching, assignedMatching] = narrowed
    ? await Promise.all([db.proposal.count({ where: q.filtered }), db.proposal.count({ where: { ...q.filtered, ...q.assigned } })])
    : filter.todo
      ? [total - reviewed, assignedTotal - assignedDone]
      : [total, assignedTotal];
  const pages = Math.max(1, Math.ceil(matching / QUEUE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const skip = (current - 1) * QUEUE_PAGE_SIZE;
  const select = {
    id: true,
    title: true,
    level: true,
    sessionType: { select: { name: true } },
    track: { select: { name: true } },
    reviews: { where: { reviewerId: q.reviewerId }, select: { score: true } },
    tags: tagsOfRow(true),
  } satisfies Prisma.ProposalSelect;
  const fromAssigned = Math.max(0, Math.min(QUEUE_PAGE_SIZE, assignedMatching - skip));
  const [assignedRows, otherRows] = await Promise.all([
    fromAssigned > 0
      ? db.proposal.findMany({ where: { ...q.filtered, ...q.assigned }, orderBy: ORDER, skip, take: fromAssigned, select })
      : [],
    fromAssigned < QUEUE_PAGE_SIZE
      ? db.proposal.findMany({
          where: { ...q.filtered, ...q.unassigned },
          orderBy: ORDER,
          skip: Math.max(0, skip - assignedMatching),
          take: QUEUE_PAGE_SIZE - fromAssigned,
          select,
        })
      : [],
  ]);
  const item =
    (assigned: boolean) =>
    ({ reviews, ...p }: (typeof assignedRows)[number]) => ({
      ...p,
      assigned,
      myScore: reviews[0]?.score ?? null,
    });
  return {
    role: q.role,
    items: [...assignedRows.map(item(true)), ...otherRows.map(item(false))],
    progress: { reviewed, total, assignedTotal, assignedDone },
    matching,
    page: current,
    pages,
  };
}

/**
 * The next proposal the reviewer has not scored: assigned ones first, then
 * the oldest submission, in at most two indexed queries.
 */
export async function nextUnreviewed(db: DbTx, actor: Actor, eventId: string, exceptId?: string, filter: QueueFilter = {}) {
  const q = await queueWhere(db, actor, eventId, { ...filter, todo: true });
  const where = { ...q.filtered, ...(exceptId ? { id: { not: exceptId } } : {}) };
  return (
    (await db.proposal.findFirst({ where: { ...where, ...q.assigned }, orderBy: ORDER, select: { id: true } })) ??
    (await db.proposal.findFirst({ where: { ...where, ...q.unassigned }, orderBy: ORDER, select: { id: true } }))
  );
}

/** The proposals before and after this one in the reviewer's (filtered) queue. */
export async function queueNeighbours(db: DbTx, actor: Actor, eventId: string, proposalId: string, filter: QueueFilter = {}) {
  const q = await queueWhere(db, actor, eventId, filter);
  const here = await db.proposal.findFirst({
    where: { id: proposalId, eventId },
    select: { id: true, submittedAt: true, assignments: { where: { reviewerId: q.reviewerId }, select: { id: true } } },
  });
  if (!here?.submittedAt) return { previousId: null, nextId: null };
  const group = here.assignments.length > 0 ? q.assigned : q.unassigned;
  const after = { OR: [{ submittedAt: { gt: here.submittedAt } }, { submittedAt: here.submittedAt, id: { gt: here.id } }] };
  const before = { OR: [{ submittedAt: { lt: here.submittedAt } }, { submittedAt: here.submittedAt, id: { lt: here.id } }] };
  const first = (where: Prisma.ProposalWhereInput, orderBy: typeof ORDER | typeof REVERSED) =>
    db.proposal.findFirst({ where: { ...q.filtered, ...where }, orderBy, select: { id: true } });

  const isAssigned = group === q.assigned;
  const [next, previous] = await Promise.all([
    first({ ...group, ...after }, ORDER).then((p) => p ?? (isAssigned ? first(q.unassigned, ORDER) : null)),
    first({ ...group, ...before }, REVERSED).then((p) => p ?? (isAssigned ? null : first(q.assigned, REVERSED))),
  ]);
  return { previousId: previous?.id ?? null, nextId: next?.id ?? null };
}

/**
 * Where this proposal sits in the reviewer's (filtered) queue, for "3 of 8": its place in the queue's order
 * (assigned first, then the oldest submission) and the queue's length. Null when it is not in that queue
 * (scored while the to-review filter is on, or outside the filter).
 */
export async function queuePosition(db: DbTx, actor: Actor, eventId: string, proposalId: string, filter: QueueFilter = {}) {
  const q = await queueWhere(db, actor, eventId, filter);
  const here = await db.proposal.findFirst({
    where: { AND: [q.filtered, { id: proposalId }] },
    select: { id: true, submittedAt: true, assignments: { where: { reviewerId: q.reviewerId }, select: { id: true } } },
  });
  if (!here?.submittedAt) return null;
  const isAssigned = here.assignments.length > 0;
  const before = { OR: [{ submittedAt: { lt: here.submittedAt } }, { submittedAt: here.submittedAt, id: { lt: here.id } }] };
  const [assigned, unassigned, ahead] = await Promise.all([
    db.proposal.count({ where: { AND: [q.filtered, q.assigned] } }),
    db.proposal.count({ where: { AND: [q.filtered, q.unassigned] } }),
    db.proposal.count({ where: { AND: [q.filtered, isAssigned ? q.assigned : q.unassigned, before] } }),
  ]);
  return { position: (isAssigned ? 0 : assigned) + ahead + 1, total: assigned + unassigned };
}
