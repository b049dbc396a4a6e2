import type { Adapter, AdapterUser } from "next-auth/adapters";
import { normalizedOrNull, normalizeEmail } from "./email-address";

/**
 * Every email next-auth stores or looks up goes through normalizeEmail, so a
 * GitHub profile's `Ada@Example.ORG` finds the account that the email link
 * made for `ada@example.org` instead of becoming a second one.
 */
export function normalizingAdapter(base: Adapter): Adapter {
  const { getUserByEmail, createUser, updateUser } = base;
  if (!getUserByEmail || !createUser || !updateUser) throw new Error("The adapter lacks user methods.");
  return {
    ...base,
    getUserByEmail: (email: string) => getUserByEmail(normalizedOrNull(email) ?? email),
    createUser: (user: AdapterUser) => createUser({ ...user, email: normalizeEmail(user.email) }),
    updateUser: (user) => updateUser(user.email ? { ...user, email: normalizeEmail(user.email) } : user),
  };
}
