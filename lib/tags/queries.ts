import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TagView = { id: string; name: string; color: string; public: boolean };
export const TAG_SELECT = { id: true, name: true, color: true, public: true } satisfies Prisma.TagSelect;

/** A proposal's tags for a list row: organizers see all, reviewers only public ones. */
export function tagsOfRow(forReviewer = false) {
  return {
    where: forReviewer ? { tag: { public: true } } : {},
    orderBy: { tag: { nameKey: "asc" } },
    select: { tag: { select: TAG_SELECT } },
  } satisfies Prisma.Proposal$tagsArgs;
}

/** The event's tags, by name, for an organizer (filters, bulk menus, the tag page). */
export async function eventTags(db: DbTx, actor: SignedIn, eventId: string): Promise<TagView[]> {
  await authorizeEvent(db, actor, eventId, "proposal:tag");
  return db.tag.findMany({ where: { eventId }, orderBy: { nameKey: "asc" }, select: TAG_SELECT });
}

/** The event's public tags, for a reviewer's queue filter (the caller has checked the reviewer). */
export function publicEventTags(db: DbTx, eventId: string): Promise<TagView[]> {
  return db.tag.findMany({ where: { eventId, public: true }, orderBy: { nameKey: "asc" }, select: TAG_SELECT });
}

/** "Has this tag": a filter any proposal list adds to its where. Reviewers filter by public tags only. */
export function taggedWith(tagId: string, publicOnly = false): Prisma.ProposalWhereInput {
  return { tags: { some: { tagId, ...(publicOnly ? { tag: { public: true } } : {}) } } };
}
