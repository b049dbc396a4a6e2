import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { newUserCode } from "@/lib/identifiers/public-code";
import { appUrl } from "@/lib/config";
import { conflict, notFound } from "@/lib/errors";
import { enqueueEmail } from "@/lib/email/outbox";
import { teamInvitationEmail } from "@/lib/email/messages/team-invitation";
import { consumeTeamInvitation } from "@/lib/rate-limit/invitations";
import { companyKeyForNewMember } from "@/lib/events/member-company-key";
import type { InviteInput } from "./schemas";

/**
 * Adds someone to an event's team by email (creating their account if they
 * have none yet) or changes their role, and emails them: counted against the
 * team-invitation limits, and held when the event holds email (ADR 0012).
 */
export async function inviteTeamMember(db: Db, actor: SignedIn, eventId: string, input: InviteInput, options: { now?: Date } = {}) {
  await authorizeEvent(db, actor, eventId, "team:manage");
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    await lockEventTeam(tx, eventId);
    await consumeTeamInvitation(tx, { userId: actor.userId, eventId }, now);
    // One query at a time: a transaction is one connection (pg refuses parallel queries on it).
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { name: true, slug: true, holdOutbox: true } });
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true } });
    const user = await tx.user.upsert({
      where: { email: input.email },
      create: { email: input.email, code: await newUserCode(tx) },
      update: { email: input.email },
    });
    const member = await tx.eventMember.upsert({
      where: { eventId_userId: { eventId, userId: user.id } },
      // A role change keeps the company key the event knows (ADR 0009).
      create: { eventId, userId: user.id, role: input.role, companyKey: await companyKeyForNewMember(tx, user.id) },
      update: { role: input.role },
    });
    await assertHasOrganizer(tx, eventId);
    const path = input.role === "ORGANIZER" ? `/organize/${event.slug}` : `/review/${event.slug}`;
    const mail = teamInvitationEmail({
      eventName: event.name,
      role: input.role,
      inviterName: inviter.name || inviter.email,
      url: `${appUrl()}/signin?callbackUrl=${encodeURIComponent(path)}`,
    });
    // With the event's id, so the organizers' outbox lists it (and can release it when held).
    await enqueueEmail(tx, { to: input.email, kind: "team-invitation", ...mail, eventId, hold: event.holdOutbox });
    return { ...member, held: event.holdOutbox };
  });
}

export async function removeTeamMember(db: Db, actor: SignedIn, eventId: string, memberId: string) {
  await authorizeEvent(db, actor, eventId, "team:manage");
  return db.$transaction(async (tx) => {
    await lockEventTeam(tx, eventId);
    const member = await tx.eventMember.findFirst({ where: { id: memberId, eventId } });
    if (!member) throw notFound("This team member");
    await tx.eventMember.delete({ where: { id: member.id } });
    await assertHasOrganizer(tx, eventId);
  });
}

/**
 * Serializes team changes of one event: on PostgreSQL two organizers removing
 * each other at once would otherwise both see the other still there. (SQLite
 * serializes writers anyway.)
 */
async function lockEventTeam(tx: DbTx, eventId: string) {
  await tx.$executeRaw`UPDATE "Event" SET "updatedAt" = "updatedAt" WHERE "id" = ${eventId}`;
}

/** Called inside the transaction that changed the team: throwing rolls the change back. */
async function assertHasOrganizer(tx: DbTx, eventId: string) {
  const organizers = await tx.eventMember.count({ where: { eventId, role: "ORGANIZER" } });
  if (organizers === 0) throw conflict("An event needs at least one organizer.");
}

export async function listTeam(db: Db, actor: SignedIn, eventId: string) {
  await authorizeEvent(db, actor, eventId, "team:manage");
  return db.eventMember.findMany({
    where: { eventId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: { id: true, role: true, user: { select: { id: true, name: true, email: true } } },
  });
}
