import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordActivity } from "@/lib/activity/record";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { DomainError } from "@/lib/errors";
import { applyTransition } from "@/lib/lifecycle/transition";
import { DECIDABLE, publishTransition, type PendingDecision, type ProposalStatus } from "@/lib/lifecycle/state-machine";

export type BulkResult = { changed: number; skipped: { id: string; reason: string }[] };

/** Why a proposal outside the organizer's scope was skipped: the same words whether it is elsewhere or theirs. */
const NOT_YOURS = "not found, or you speak on it";

/**
 * Organizers mark proposals accepted, waitlisted or rejected (or undecided).
 * Internal until published: speakers see nothing. Each write is conditional
 * on the status read. Only proposals the organizer may handle
 * (lib/auth/organizer-scope.ts); the others are skipped as not found.
 */
export async function setPendingDecisions(
  db: Db,
  actor: SignedIn,
  eventId: string,
  proposalIds: string[],
  decision: PendingDecision | null,
): Promise<BulkResult> {
  const scope = await organizerScope(db, actor, eventId, "proposal:decide");
  const rows = await db.proposal.findMany({
    where: { AND: [scope.proposals, { id: { in: proposalIds } }] },
    select: { id: true, status: true, pendingDecision: true, updatedAt: true },
  });
  const result: BulkResult = {
    changed: 0,
    skipped: proposalIds.filter((id) => !rows.some((r) => r.id === id)).map((id) => ({ id, reason: NOT_YOURS })),
  };
  for (const p of rows) {
    const allowed = DECIDABLE[p.status as ProposalStatus];
    if (!allowed || (decision && !allowed.includes(decision))) result.skipped.push({ id: p.id, reason: `it is ${p.status.toLowerCase()}` });
    else if (p.pendingDecision === decision) continue;
    else {
      const changed = await db.$transaction(async (tx) => {
        // updatedAt is the speaker's edit version and "last updated" date: an internal decision must not move it.
        const { count } = await tx.proposal.updateMany({
          where: { AND: [scope.proposals, { id: p.id, status: p.status }] },
          data: { pendingDecision: decision, updatedAt: p.updatedAt },
        });
        if (count === 0) return false;
        await recordActivity(tx, {
          proposalId: p.id,
          actorId: actor.userId,
          kind: "pending-decision",
          data: { from: p.pendingDecision, to: decision },
        });
        return true;
      });
      if (changed) result.changed++;
      else result.skipped.push({ id: p.id, reason: "it changed meanwhile" });
    }
  }
  return result;
}

/**
 * Publishes pending decisions (the given proposals, or every pending one of
 * the event): each becomes the speaker-visible status and its email, in one
 * transaction per proposal, so a failure never half-publishes one.
 */
export async function publishDecisions(db: Db, actor: SignedIn, eventId: string, proposalIds?: string[]): Promise<BulkResult> {
  const scope = await organizerScope(db, actor, eventId, "proposal:decide");
  return publishRows(db, actor, eventId, await pendingRows(db, scope.proposals, proposalIds));
}

export type PendingRow = { id: string; title: string; status: string; pendingDecision: string | null };

/** The proposals publishDecisions would publish (or skip), in its order; its dry run reads the same rows (publish-plan.ts). */
export function pendingRows(db: Db, scoped: Prisma.ProposalWhereInput, proposalIds?: string[]): Promise<PendingRow[]> {
  return db.proposal.findMany({
    where: { AND: [scoped, { pendingDecision: { not: null } }, proposalIds ? { id: { in: proposalIds } } : {}] },
    select: { id: true, title: true, status: true, pendingDecision: true },
    orderBy: { id: "asc" },
  });
}

/** Each row published only from the status and pending decision it was read with. */
export async function publishRows(db: Db, actor: SignedIn, eventId: string, rows: PendingRow[]): Promise<BulkResult> {
  const result: BulkResult = { changed: 0, skipped: [] };
  for (const p of rows) {
    const from = p.status as ProposalStatus;
    const pending = p.pendingDecision as PendingDecision;
    const name = publishTransition(from, pending);
    if (!name) {
      result.skipped.push({ id: p.id, reason: `it is ${from.toLowerCase()}` });
      continue;
    }
    try {
      await db.$transaction((tx) =>
        applyTransition(tx, { proposalId: p.id, eventId, from, name, actorId: actor.userId, expectPending: pending }),
      );
      result.changed++;
    } catch (e) {
      if (!(e instanceof DomainError && e.code === "conflict")) throw e;
      result.skipped.push({ id: p.id, reason: "it changed meanwhile" });
    }
  }
  return result;
}
