import type { Db } from "@/lib/db";
import { requireUser } from "@/lib/events/access";
import { companyKey } from "./company-key";
import type { ProfileInput } from "./schemas";

export async function getProfile(db: Db, actorId: string | null | undefined) {
  const userId = requireUser(actorId);
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, email: true, profile: true },
  });
}

export async function updateProfile(db: Db, actorId: string | null | undefined, input: ProfileInput) {
  const userId = requireUser(actorId);
  const { name, ...fields } = input;
  const profile = { ...fields, companyKey: companyKey(fields.company) };
  await db.user.update({
    where: { id: userId },
    data: { name, profile: { upsert: { create: profile, update: profile } } },
  });
}
