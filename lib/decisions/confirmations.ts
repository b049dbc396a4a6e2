import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { queueSpeakerEmails } from "@/lib/lifecycle/notify";

/**
 * The programme as it stands, for organizers: who has confirmed, who has
 * not answered yet, who declined, and the waitlist per session type; among
 * the proposals the organizer may handle (lib/auth/organizer-scope.ts).
 */
export async function programmeStatus(db: Db, actor: SignedIn, eventId: string) {
  const scope = await organizerScope(db, actor, eventId, "proposal:decide");
  const rows = await db.proposal.findMany({
    where: { AND: [scope.proposals, { status: { in: ["ACCEPTED", "CONFIRMED", "DECLINED", "WAITLISTED"] } }] },
    orderBy: [{ status: "asc" }, { decidedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      status: true,
      pendingDecision: true,
      decidedAt: true,
      respondedAt: true,
      sessionTypeId: true,
      sessionType: { select: { id: true, name: true } },
      stats: { select: { avgScore: true } },
      speakers: { select: { user: { select: { name: true, email: true } } } },
      activities: {
        where: { kind: "email", data: { contains: '"confirmation-reminder"' } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { createdAt: true },
      },
    },
  });
  const group = (status: string) => rows.filter((r) => r.status === status);
  return { unconfirmed: group("ACCEPTED"), confirmed: group("CONFIRMED"), declined: group("DECLINED"), waitlisted: group("WAITLISTED") };
}

/** Emails a reminder to the speakers of accepted proposals that have not answered (all, or the given ones). */
export async function sendConfirmationReminders(db: Db, actor: SignedIn, eventId: string, proposalIds?: string[]) {
  const scope = await organizerScope(db, actor, eventId, "proposal:decide");
  const waiting = await db.proposal.findMany({
    where: { AND: [scope.proposals, { status: "ACCEPTED" }, proposalIds ? { id: { in: proposalIds } } : {}] },
    select: { id: true },
  });
  await db.$transaction(async (tx) => {
    for (const p of waiting) await queueSpeakerEmails(tx, { proposalId: p.id, kind: "confirmation-reminder", actorId: actor.userId });
  });
  return { reminded: waiting.length };
}

/** Unpublished decisions by kind, for the "publish all" summary. */
export async function pendingSummary(db: Db, actor: SignedIn, eventId: string) {
  const scope = await organizerScope(db, actor, eventId, "proposal:decide");
  const groups = await db.proposal.groupBy({
    by: ["pendingDecision", "status"],
    where: { AND: [scope.proposals, { pendingDecision: { not: null }, status: { in: ["SUBMITTED", "WAITLISTED"] } }] },
    _count: { _all: true },
  });
  const count = (d: string) => groups.filter((g) => g.pendingDecision === d).reduce((n, g) => n + g._count._all, 0);
  return { ACCEPTED: count("ACCEPTED"), WAITLISTED: count("WAITLISTED"), REJECTED: count("REJECTED") };
}
