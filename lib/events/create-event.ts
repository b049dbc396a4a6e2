import type { SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { consumeEventCreation } from "@/lib/rate-limit/events";
import { DEFAULT_CRITERIA } from "@/lib/events/default-criteria";
import { requireEventCreator, type EventCreators } from "./creators";
import { companyKeyForNewMember } from "@/lib/events/member-company-key";
import type { EventInput } from "./schemas";

/**
 * A signed-in user whom the instance lets create events (EVENT_CREATORS)
 * starts one: they become its organizer, under their organization (created
 * on first use). Counted against the per-user limit in the same transaction.
 */
export async function createEvent(db: Db, actor: SignedIn, input: EventInput, options: { now?: Date; creators?: EventCreators } = {}) {
  const userId = actor.userId;
  await requireEventCreator(db, userId, options.creators);
  if (await db.event.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw conflict("That slug is taken. Choose another one.");
  }
  return db.$transaction(async (tx) => {
    await consumeEventCreation(tx, userId, options.now);
    const organizationId = await ensureOrganization(tx, userId);
    const companyKey = await companyKeyForNewMember(tx, userId);
    return tx.event.create({
      data: {
        organizationId,
        name: input.name,
        slug: input.slug,
        description: input.description,
        timeZone: input.timeZone,
        cfpOpensAt: input.cfpOpensAt,
        cfpClosesAt: input.cfpClosesAt,
        sessionTypes: {
          create: input.sessionTypes.map((s, position) => ({ name: s.name, durationMinutes: s.durationMinutes, position })),
        },
        tracks: { create: input.tracks.map((t, position) => ({ name: t.name, position })) },
        members: { create: { userId, role: "ORGANIZER", companyKey } },
        criteria: { create: DEFAULT_CRITERIA.map((c, position) => ({ ...c, position })) },
      },
    });
  });
}

async function ensureOrganization(tx: DbTx, userId: string) {
  const owned = await tx.organizationMember.findFirst({ where: { userId, role: "OWNER" }, select: { organizationId: true } });
  if (owned) return owned.organizationId;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
  const org = await tx.organization.create({
    data: {
      name: `${user.name || user.email}'s organization`,
      slug: `org-${userId}`,
      members: { create: { userId, role: "OWNER" } },
    },
  });
  return org.id;
}
