import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { conflict } from "@/lib/errors";
import type { EventInput } from "./schemas";

type Named = { id?: string; name: string };

/** Organizers change an event's settings, session types and tracks in one transaction. */
export async function updateEvent(db: Db, actor: SignedIn, eventId: string, input: EventInput) {
  await authorizeEvent(db, actor, eventId, "event:edit");
  const taken = await db.event.findFirst({ where: { slug: input.slug, NOT: { id: eventId } }, select: { id: true } });
  if (taken) throw conflict("That slug is taken. Choose another one.");

  return db.$transaction(async (tx) => {
    await tx.event.update({
      where: { id: eventId },
      data: {
        name: input.name,
        slug: input.slug,
        description: input.description,
        timeZone: input.timeZone,
        cfpOpensAt: input.cfpOpensAt,
        cfpClosesAt: input.cfpClosesAt,
      },
    });
    await syncList(tx, "sessionType", eventId, input.sessionTypes, (s, position) => ({
      name: s.name,
      durationMinutes: (s as { durationMinutes: number }).durationMinutes,
      position,
    }));
    await syncList(tx, "track", eventId, input.tracks, (t, position) => ({ name: t.name, position }));
  });
}

/** Updates listed items, creates new ones, deletes missing ones unless a proposal uses them. */
async function syncList<T extends Named>(
  tx: DbTx,
  model: "sessionType" | "track",
  eventId: string,
  items: T[],
  data: (item: T, position: number) => Record<string, unknown>,
) {
  // Prisma's delegates share no common type; this narrow cast keeps one code path for both lists.
  const delegate = tx[model] as unknown as {
    findMany(a: object): Promise<{ id: string; name: string; _count: { proposals: number } }[]>;
    update(a: object): Promise<unknown>;
    create(a: object): Promise<unknown>;
    delete(a: object): Promise<unknown>;
  };
  const existing = await delegate.findMany({
    where: { eventId },
    select: { id: true, name: true, _count: { select: { proposals: true } } },
  });
  const keep = new Set(items.map((i) => i.id).filter(Boolean));
  for (const old of existing.filter((e) => !keep.has(e.id))) {
    if (old._count.proposals > 0) {
      throw conflict(`"${old.name}" is used by ${old._count.proposals} proposal(s) and cannot be removed.`);
    }
    await delegate.delete({ where: { id: old.id } });
  }
  const ids = new Set(existing.map((e) => e.id));
  // Kept rows first take a placeholder name, so renames that swap or reuse
  // names never collide with the unique (eventId, name) index halfway through.
  // The control character cannot come from a form (lib/text/fields strips it).
  for (const item of items) {
    if (item.id && ids.has(item.id)) await delegate.update({ where: { id: item.id }, data: { name: `\u0001renaming-${item.id}` } });
  }
  for (const [position, item] of items.entries()) {
    if (item.id && ids.has(item.id)) await delegate.update({ where: { id: item.id }, data: data(item, position) });
    else await delegate.create({ data: { ...data(item, position), eventId } });
  }
}
