import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { followCompanyChange } from "@/lib/reviews/conflicts/member-company";
import { companyKey } from "./company-key";
import type { ProfileInput } from "./schemas";

export async function getProfile(db: Db, actor: SignedIn) {
  const userId = actor.userId;
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, email: true, profile: true },
  });
}

/**
 * Saves the profile. A new company also reaches the events the person is on,
 * in the same transaction: followCompanyChange says what it may and may not change.
 */
export async function updateProfile(db: Db, actor: SignedIn, input: ProfileInput) {
  const userId = actor.userId;
  const { name, ...fields } = input;
  const profile = { ...fields, companyKey: companyKey(fields.company) };
  await db.$transaction(async (tx) => {
    const before = await tx.speakerProfile.findUnique({ where: { userId }, select: { companyKey: true } });
    await tx.user.update({
      where: { id: userId },
      data: { name, profile: { upsert: { create: profile, update: profile } } },
    });
    if ((before?.companyKey ?? "") !== profile.companyKey) await followCompanyChange(tx, userId, profile.companyKey);
  });
}
