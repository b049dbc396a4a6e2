import type { DbTx } from "@/lib/db";

/**
 * The company key someone joins an event's team with: their profile's ("" without one).
 * From the event's first submitted proposal on, it stays: see followCompanyChange.
 */
export async function companyKeyForNewMember(tx: DbTx, userId: string): Promise<string> {
  const profile = await tx.speakerProfile.findUnique({ where: { userId }, select: { companyKey: true } });
  return profile?.companyKey ?? "";
}
