import { eventRole, type SignedIn } from "@/lib/auth/actor";
import { z } from "zod";
import type { DbTx } from "@/lib/db";

export const PUBLIC_EVENTS_PAGE_SIZE = 20;

/** The home page's ?page=: anything else is page 1. */
export const publicEventsQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

/**
 * Events with a CFP that is open or opens later: the public landing list, one
 * page at a time, in the order the events were created (ADR 0012). Nothing a
 * stranger sets (a closing date, a name) decides the order, so creating events
 * only ever adds to the last page: it cannot push an existing event off the
 * first. A page past the last one shows the last.
 */
export async function listPublicEvents(db: DbTx, options: { page?: number; now?: Date } = {}) {
  const where = { cfpClosesAt: { gt: options.now ?? new Date() } };
  const total = await db.event.count({ where });
  const pages = Math.max(1, Math.ceil(total / PUBLIC_EVENTS_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const events = await db.event.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * PUBLIC_EVENTS_PAGE_SIZE,
    take: PUBLIC_EVENTS_PAGE_SIZE,
    select: { id: true, name: true, slug: true, description: true, cfpOpensAt: true, cfpClosesAt: true, timeZone: true },
  });
  return { events, page, pages, total };
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
export async function listMyTeamEvents(db: DbTx, actor: SignedIn) {
  const userId = actor.userId;
  return db.eventMember.findMany({
    where: { userId },
    orderBy: { event: { cfpClosesAt: "desc" } },
    select: {
      role: true,
      event: { select: { id: true, name: true, slug: true, cfpOpensAt: true, cfpClosesAt: true, timeZone: true } },
    },
  });
}

/**
 * The event by slug and the actor's role on its team (null for anyone not on
 * it, or nobody signed in): pages ask the permission table what that role may
 * do (`can(role, capability)`), never compare role names.
 */
export async function getEventWithRole(db: DbTx, actor: SignedIn | null, slug: string) {
  const event = await db.event.findUnique({
    where: { slug },
    include: { sessionTypes: { orderBy: { position: "asc" } }, tracks: { orderBy: { position: "asc" } } },
  });
  const role = event && actor ? await eventRole(db, actor.userId, event.id) : null;
  return { event, role };
}
