import { z } from "zod";
import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireEventCapability } from "@/lib/events/access";
import { PROPOSAL_STATUSES, type ProposalStatus } from "./state-machine";

export const PAGE_SIZE = 50;
export const SORT_KEYS = ["score", "reviews", "title", "submitted", "status"] as const;

export const listQuery = z.object({
  sort: z.enum(SORT_KEYS).catch("score"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  // Drafts are the speaker's business: they cannot be asked for.
  status: z.enum(PROPOSAL_STATUSES.filter((s) => s !== "DRAFT") as [ProposalStatus, ...ProposalStatus[]]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ListQuery = z.infer<typeof listQuery>;

function orderBy(q: ListQuery): Prisma.ProposalOrderByWithRelationInput[] {
  const dir = q.dir;
  const nulls = dir === "desc" ? "last" : "first";
  switch (q.sort) {
    case "score":
      return [{ stats: { avgScore: { sort: dir, nulls } } }, { id: "asc" }];
    case "reviews":
      return [{ stats: { reviewCount: dir } }, { id: "asc" }];
    case "title":
      return [{ title: dir }, { id: "asc" }];
    case "submitted":
      return [{ submittedAt: { sort: dir, nulls } }, { id: "asc" }];
    case "status":
      return [{ status: dir }, { id: "asc" }];
  }
}

/**
 * The organizer's proposal list: one page, sorted and counted in the
 * database. Drafts are the speaker's business and are not listed.
 */
export async function listEventProposals(db: DbTx, actorId: string | null | undefined, eventId: string, q: ListQuery) {
  await requireEventCapability(db, actorId, eventId, "proposal:list-all");
  const where: Prisma.ProposalWhereInput = {
    eventId,
    status: q.status && q.status !== "DRAFT" ? q.status : { not: "DRAFT" },
  };
  const [total, rows] = await Promise.all([
    db.proposal.count({ where }),
    db.proposal.findMany({
      where,
      orderBy: orderBy(q),
      skip: (q.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        title: true,
        status: true,
        pendingDecision: true,
        submittedAt: true,
        sessionType: { select: { name: true } },
        track: { select: { name: true } },
        stats: { select: { reviewCount: true, avgScore: true } },
        speakers: { select: { user: { select: { name: true, email: true } } } },
      },
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), rows };
}

/** A proposal with all its reviews, for an organizer of its event. */
export async function getProposalForOrganizer(db: DbTx, actorId: string | null | undefined, eventId: string, proposalId: string) {
  await requireEventCapability(db, actorId, eventId, "proposal:view-reviews");
  const proposal = await db.proposal.findFirst({
    // An organizer who speaks on a proposal sees neither it nor its reviews here.
    where: { id: proposalId, eventId, status: { not: "DRAFT" }, speakers: { none: { userId: actorId! } } },
    include: {
      sessionType: true,
      track: true,
      stats: true,
      speakers: { include: { user: { include: { profile: true } } } },
      reviews: {
        orderBy: { updatedAt: "desc" },
        include: { reviewer: { select: { name: true, email: true } }, scores: { select: { criterionId: true, value: true } } },
      },
    },
  });
  return proposal;
}
