import { type SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { organizerScope, requireHandleable, type OrganizerScope } from "@/lib/auth/organizer-scope";
import { notFound } from "@/lib/errors";

async function requireEventTag(db: DbTx, scope: OrganizerScope, tagId: string) {
  const tag = await db.tag.findFirst({ where: { id: tagId, eventId: scope.eventId }, select: { id: true } });
  if (!tag) throw notFound("This tag");
  return tag;
}

/** The named proposals the organizer may handle (ADR 0015: bulk calls skip the rest). */
async function handleableIds(db: DbTx, scope: OrganizerScope, proposalIds: readonly string[]) {
  const rows = await db.proposal.findMany({ where: { AND: [scope.proposals, { id: { in: [...proposalIds] } }] }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Inserts (proposal, tag) pairs; a pair already there stays (the primary key, ON CONFLICT DO NOTHING on both databases). */
async function insertPairs(tx: DbTx, tagId: string, proposalIds: readonly string[]) {
  if (proposalIds.length === 0) return 0;
  const values = Prisma.join(proposalIds.map((id) => Prisma.sql`(${id}, ${tagId})`));
  return tx.$executeRaw`INSERT INTO "ProposalTag" ("proposalId", "tagId") VALUES ${values} ON CONFLICT DO NOTHING`;
}

/**
 * Adds or removes one tag on many proposals (the list's and the ranking's
 * checkboxes). Proposals outside the organizer's scope are skipped; the
 * answer says how many were changed and how many skipped.
 */
export async function bulkTag(
  db: Db,
  actor: SignedIn,
  eventId: string,
  input: { tagId: string; op: "add" | "remove"; proposalIds: readonly string[] },
) {
  const scope = await organizerScope(db, actor, eventId, "proposal:tag");
  return db.$transaction(async (tx) => {
    await requireEventTag(tx, scope, input.tagId);
    const ids = await handleableIds(tx, scope, [...new Set(input.proposalIds)]);
    const changed =
      input.op === "add"
        ? await insertPairs(tx, input.tagId, ids)
        : (await tx.proposalTag.deleteMany({ where: { tagId: input.tagId, proposalId: { in: ids } } })).count;
    return { changed, skipped: new Set(input.proposalIds).size - ids.length };
  });
}

/** Sets exactly these tags (of the event) on one proposal the organizer may handle: the proposal page's checkboxes. */
export async function setProposalTags(db: Db, actor: SignedIn, eventId: string, proposalId: string, tagIds: readonly string[]) {
  const scope = await organizerScope(db, actor, eventId, "proposal:tag");
  return db.$transaction(async (tx) => {
    await requireHandleable(tx, scope, proposalId, { id: true });
    const tags = await tx.tag.findMany({ where: { eventId, id: { in: [...tagIds] } }, select: { id: true } });
    if (tags.length !== new Set(tagIds).size) throw notFound("This tag");
    await tx.proposalTag.deleteMany({ where: { proposalId, tagId: { notIn: tags.map((t) => t.id) } } });
    for (const tag of tags) await insertPairs(tx, tag.id, [proposalId]);
  });
}
