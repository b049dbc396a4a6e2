import type { DbTx } from "@/lib/db";
import { requireUser } from "@/lib/events/access";

/** Events with a CFP that is open or opens soon: the public landing list. */
export async function listPublicEvents(db: DbTx, now = new Date()) {
  return db.event.findMany({
    where: { cfpClosesAt: { gt: now } },
    orderBy: { cfpClosesAt: "asc" },
    select: { id: true, name: true, slug: true, description: true, cfpOpensAt: true, cfpClosesAt: true, timeZone: true },
    take: 50,
  });
}

export async function getPublicEvent(db: DbTx, slug: string) {
  return db.event.findUnique({
    where: { slug },
    include: {
      sessionTypes: { orderBy: { position: "asc" } },
      tracks: { orderBy: { position: "asc" } },
    },
  });
}

/** The events a user is on the team of, with their role. */
export async function listMyTeamEvents(db: DbTx, actorId: string | null | undefined) {
  const userId = requireUser(actorId);
  return db.eventMember.findMany({
    where: { userId },
    orderBy: { event: { cfpClosesAt: "desc" } },
    select: {
      role: true,
      event: { select: { id: true, name: true, slug: true, cfpOpensAt: true, cfpClosesAt: true, timeZone: true } },
    },
  });
}

/** The event by slug plus the actor's role on it (null if none). */
export async function getEventWithRole(db: DbTx, actorId: string | null | undefined, slug: string) {
  const event = await db.event.findUnique({
    where: { slug },
    include: { sessionTypes: { orderBy: { position: "asc" } }, tracks: { orderBy: { position: "asc" } } },
  });
  if (!event || !actorId) return { event, role: null };
  const m = await db.eventMember.findUnique({ where: { eventId_userId: { eventId: event.id, userId: actorId } } });
  return { event, role: m?.role ?? null };
}
