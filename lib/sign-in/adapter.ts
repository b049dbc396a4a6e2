import type { Adapter, AdapterUser } from "next-auth/adapters";
import { normalizedOrNull, normalizeEmail } from "@/lib/auth/email-address";

/**
 * Every email next-auth stores or looks up goes through normalizeEmail, so a
 * GitHub profile's `Ada@Example.ORG` finds the account that the email link
 * made for `ada@example.org` instead of becoming a second one. Every user
 * next-auth creates gets a public code (lib/identifiers/public-code.ts):
 * Prisma's adapter passes the extra field on to `user.create`.
 */
export function normalizingAdapter(base: Adapter, newUserCode: () => Promise<string>): Adapter {
  const { getUserByEmail, createUser, updateUser } = base;
  if (!getUserByEmail || !createUser || !updateUser) throw new Error("The adapter lacks user methods.");
  return {
    ...base,
    getUserByEmail: (email: string) => getUserByEmail(normalizedOrNull(email) ?? email),
    createUser: async (user: AdapterUser) =>
      createUser({ ...user, email: normalizeEmail(user.email), code: await newUserCode() } as AdapterUser),
    updateUser: (user) => updateUser(user.email ? { ...user, email: normalizeEmail(user.email) } : user),
  };
}
