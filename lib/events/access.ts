import type { DbTx } from "@/lib/db";
import { can, type Capability, type Role } from "@/lib/auth/permissions";
import { forbidden, notFound, unauthenticated } from "@/lib/errors";

export type EventRole = Extract<Role, "ORGANIZER" | "REVIEWER">;

export async function eventRole(db: DbTx, userId: string, eventId: string): Promise<EventRole | null> {
  const m = await db.eventMember.findUnique({ where: { eventId_userId: { eventId, userId } }, select: { role: true } });
  return m?.role ?? null;
}

/**
 * Resolves the actor's role on an event and checks one capability. Someone
 * with no role on the event gets "not found", so event ids reveal nothing.
 */
export async function requireEventCapability(
  db: DbTx,
  userId: string | null | undefined,
  eventId: string,
  capability: Capability,
): Promise<{ role: EventRole }> {
  if (!userId) throw unauthenticated();
  const role = await eventRole(db, userId, eventId);
  if (!role) throw notFound("This event");
  if (!can(role, capability)) throw forbidden();
  return { role };
}

export function requireUser(userId: string | null | undefined): string {
  if (!userId) throw unauthenticated();
  return userId;
}
