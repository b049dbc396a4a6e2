import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import { signedInAs, type SignedIn } from "@/lib/auth/actor";

/** `actor` is what domain functions take (ADR 0016): built here, from the session, for the whole app. */
export type CurrentUser = { id: string; name: string | null; email: string; actor: SignedIn };

/** The signed-in user, or null. Cached per request. */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const u = session?.user;
  if (!u?.id || !u.email) return null;
  return { id: u.id, name: u.name ?? null, email: u.email, actor: signedInAs(u.id) };
});

/** For pages: the user, or a redirect to sign in and back. */
export async function requirePageUser(callbackPath: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return user;
}
