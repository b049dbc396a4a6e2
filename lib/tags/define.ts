import { authorizeEvent, type SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { invalid, notFound } from "@/lib/errors";
import { tagNameKey } from "./name-key";
import type { TagInput } from "./schemas";

/** At most this many tags per event: a filter menu stays readable. */
export const TAGS_PER_EVENT = 50;

const taken = () => invalid("A tag with this name already exists.", { name: "A tag with this name already exists." });

/** An organizer defines a tag for their event; the name is unique in the event (Tag's unique nameKey). */
export async function createTag(db: DbTx, actor: SignedIn, eventId: string, input: TagInput) {
  await authorizeEvent(db, actor, eventId, "proposal:tag");
  if ((await db.tag.count({ where: { eventId } })) >= TAGS_PER_EVENT) throw invalid(`An event has at most ${TAGS_PER_EVENT} tags.`);
  try {
    return await db.tag.create({
      data: { eventId, name: input.name, nameKey: tagNameKey(input.name), color: input.color, public: input.public },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
}

/** Renames, recolours or changes who sees a tag of the organizer's event. */
export async function updateTag(db: DbTx, actor: SignedIn, eventId: string, tagId: string, input: TagInput) {
  await authorizeEvent(db, actor, eventId, "proposal:tag");
  try {
    const { count } = await db.tag.updateMany({
      where: { id: tagId, eventId },
      data: { name: input.name, nameKey: tagNameKey(input.name), color: input.color, public: input.public },
    });
    if (count === 0) throw notFound("This tag");
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
}

/** Deletes a tag of the organizer's event, and with it every proposal's use of it (cascade). */
export async function deleteTag(db: DbTx, actor: SignedIn, eventId: string, tagId: string) {
  await authorizeEvent(db, actor, eventId, "proposal:tag");
  const { count } = await db.tag.deleteMany({ where: { id: tagId, eventId } });
  if (count === 0) throw notFound("This tag");
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}
