import type { SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import { organizerScope, requireHandleable } from "@/lib/auth/organizer-scope";
import { redactSecrets } from "@/lib/text/secret-links";
import { describeActivity, type ActivityEntry } from "./describe";

export const ACTIVITY_PAGE_SIZE = 50;

export type ActivityPage = { entries: ActivityEntry[]; page: number; pages: number; total: number };

/**
 * A proposal's activity log for the organizers of its event, newest first,
 * one page of 50. Like the organizer's proposal page: no drafts, and an
 * organizer who speaks on the proposal gets "not found".
 */
export async function proposalActivity(db: DbTx, actor: SignedIn, eventId: string, proposalId: string, page = 1): Promise<ActivityPage> {
  const scope = await organizerScope(db, actor, eventId, "proposal:view-reviews");
  const proposal = await requireHandleable(db, scope, proposalId, { id: true });

  const current = Number.isSafeInteger(page) && page >= 1 ? page : 1;
  const [total, rows] = await Promise.all([
    db.proposalActivity.count({ where: { proposalId: proposal.id } }),
    db.proposalActivity.findMany({
      where: { proposalId: proposal.id },
      // Lines written in one transaction can share a millisecond; ids (cuids) grow with time within a process.
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (current - 1) * ACTIVITY_PAGE_SIZE,
      take: ACTIVITY_PAGE_SIZE,
      select: { id: true, kind: true, data: true, createdAt: true, actor: { select: { name: true, email: true } } },
    }),
  ]);
  return {
    entries: rows.map((r) => describeActivity({ ...r, data: redactSecrets(r.data) })),
    page: current,
    pages: Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE)),
    total,
  };
}
