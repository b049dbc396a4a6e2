import type { SignedIn } from "@/lib/auth/actor";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { hiddenFromOutbox, organizerScope } from "@/lib/auth/organizer-scope";
import { conflict, notFound } from "@/lib/errors";
import type { EmailStatus, Prisma } from "@/lib/generated/prisma/client";
import { redactSecrets } from "@/lib/text/secret-links";

// The organizers' view of an event's outbox: what was sent, what failed and
// why, and (for events that hold email for review) what waits for release.

export const OUTBOX_PAGE_SIZE = 50;
export const OUTBOX_TABS = ["all", "held", "queued", "sent", "failed"] as const;
export type OutboxTab = (typeof OUTBOX_TABS)[number];

/** A message being handed to SMTP right now is still "queued" to the organizers. */
const STATUSES: Record<Exclude<OutboxTab, "all">, EmailStatus[]> = {
  held: ["HELD"],
  queued: ["QUEUED", "SENDING"],
  sent: ["SENT"],
  failed: ["FAILED"],
};

export const outboxQuery = z.object({
  status: z.enum(OUTBOX_TABS).catch("all"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type OutboxQuery = z.infer<typeof outboxQuery>;

const CHANGED = "Some of these messages changed meanwhile (another organizer may have released or discarded them). Reload and try again.";

/**
 * The event's messages an organizer may see: none about a proposal they
 * speak on, none about a draft (organizer-scope.ts). Outbox rows hold the
 * proposal id without a relation, hence the id list.
 */
async function visibleMail(db: Db, actor: SignedIn, eventId: string): Promise<Prisma.OutboxEmailWhereInput> {
  const scope = await organizerScope(db, actor, eventId, "proposal:decide");
  const hidden = await hiddenFromOutbox(db, scope);
  return { eventId, ...(hidden.length > 0 ? { OR: [{ proposalId: null }, { proposalId: { notIn: hidden } }] } : {}) };
}

/**
 * One page of the event's outbox, newest first, with the number of messages
 * per tab. Links that act for someone are shown redacted, subject and body.
 */
export async function listOutbox(db: Db, actor: SignedIn, eventId: string, query: OutboxQuery) {
  const visible = await visibleMail(db, actor, eventId);
  const where: Prisma.OutboxEmailWhereInput = { ...visible, ...(query.status === "all" ? {} : { status: { in: STATUSES[query.status] } }) };
  const [groups, rows] = await Promise.all([
    db.outboxEmail.groupBy({ by: ["status"], where: visible, _count: { _all: true } }),
    db.outboxEmail.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        to: true,
        subject: true,
        text: true,
        kind: true,
        status: true,
        attempts: true,
        lastError: true,
        proposalId: true,
        createdAt: true,
        sentAt: true,
        nextAttemptAt: true,
      },
    }),
  ]);
  const count = (statuses: readonly EmailStatus[]) =>
    groups.filter((g) => statuses.includes(g.status)).reduce((n, g) => n + g._count._all, 0);
  const counts = {
    all: count(Object.values(STATUSES).flat()),
    held: count(STATUSES.held),
    queued: count(STATUSES.queued),
    sent: count(STATUSES.sent),
    failed: count(STATUSES.failed),
  } satisfies Record<OutboxTab, number>;
  const total = counts[query.status];
  return {
    rows: rows.map((r) => ({ ...r, subject: redactSecrets(r.subject), text: redactSecrets(r.text) })),
    counts,
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
  };
}
export type OutboxRow = Awaited<ReturnType<typeof listOutbox>>["rows"][number];

/**
 * The event's messages with the given ids (or every one in `status` when no
 * ids are given). An id that is not a message of this event is "not found",
 * whatever it is elsewhere; one that is no longer in `status` is a conflict.
 */
async function targets(db: Db, visible: Prisma.OutboxEmailWhereInput, status: EmailStatus, ids?: string[]) {
  const rows = await db.outboxEmail.findMany({
    where: { ...visible, ...(ids ? { id: { in: ids } } : { status }) },
    select: { id: true, status: true, to: true, subject: true, proposalId: true },
  });
  if (ids) {
    if (new Set(ids).size !== rows.length) throw notFound("This message");
    if (rows.some((r) => r.status !== status)) throw conflict(CHANGED);
  }
  return rows;
}

/** Sends held messages (the given ones, or all): HELD → QUEUED, all or none. */
export async function releaseHeld(db: Db, actor: SignedIn, eventId: string, ids?: string[]): Promise<{ released: number }> {
  const held = await targets(db, await visibleMail(db, actor, eventId), "HELD", ids);
  if (held.length === 0) return { released: 0 };
  return db.$transaction(async (tx) => {
    const { count } = await tx.outboxEmail.updateMany({
      where: { id: { in: held.map((m) => m.id) }, eventId, status: "HELD" },
      data: { status: "QUEUED", nextAttemptAt: new Date() },
    });
    if (count !== held.length) throw conflict(CHANGED);
    return { released: count };
  });
}

/**
 * Drops held messages (the given ones, or all) for good: they are deleted,
 * and the proposal each was about records that it was never sent.
 */
export async function discardHeld(db: Db, actor: SignedIn, eventId: string, ids?: string[]): Promise<{ discarded: number }> {
  const held = await targets(db, await visibleMail(db, actor, eventId), "HELD", ids);
  if (held.length === 0) return { discarded: 0 };
  return db.$transaction(async (tx) => {
    const { count } = await tx.outboxEmail.deleteMany({ where: { id: { in: held.map((m) => m.id) }, eventId, status: "HELD" } });
    if (count !== held.length) throw conflict(CHANGED);
    // proposalId is not a foreign key: a message may outlive its proposal.
    const about = held.flatMap((m) => (m.proposalId ? [m.proposalId] : []));
    const existing = new Set(
      (await tx.proposal.findMany({ where: { id: { in: about }, eventId }, select: { id: true } })).map((p) => p.id),
    );
    for (const m of held) {
      if (!m.proposalId || !existing.has(m.proposalId)) continue;
      // No "kind" here: the decisions page finds sent reminders by their kind in this data.
      await recordActivity(tx, {
        proposalId: m.proposalId,
        actorId: actor.userId,
        kind: "email",
        data: { to: m.to, subject: redactSecrets(m.subject), discarded: true },
      });
    }
    return { discarded: count };
  });
}

/** Tries a failed message again from scratch: FAILED → QUEUED with its attempts reset (the last error stays until the next try). */
export async function retryFailed(db: Db, actor: SignedIn, eventId: string, id: string): Promise<void> {
  await targets(db, await visibleMail(db, actor, eventId), "FAILED", [id]);
  const { count } = await db.outboxEmail.updateMany({
    where: { id, eventId, status: "FAILED" },
    data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), claimedAt: null },
  });
  if (count === 0) throw conflict("This message is no longer failed. Reload to see where it is.");
}
