import type { Db, DbTx } from "@/lib/db";
import { requireUser } from "@/lib/events/access";
import { conflict } from "@/lib/errors";
import { DEFAULT_CRITERIA } from "@/lib/reviews/criteria/defaults";
import { companyKeyForNewMember } from "@/lib/reviews/conflicts/member-company";
import type { EventInput } from "./schemas";

/**
 * Any signed-in user may start an event: they become its organizer, under
 * their organization (created on first use).
 */
export async function createEvent(db: Db, actorId: string | null | undefined, input: EventInput) {
  const userId = requireUser(actorId);
  if (await db.event.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw conflict("That slug is taken. Choose another one.");
  }
  return db.$transaction(async (tx) => {
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
