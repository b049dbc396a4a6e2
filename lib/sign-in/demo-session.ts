import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import { isDemoMode } from "@/lib/config";

export const DEMO_SESSION_DAYS = 7;

/**
 * Demo mode only: opens a database session for a seeded demo account, as
 * clicking its email link would. Returns the session token for the cookie.
 */
export async function createDemoSession(db: Db, email: string): Promise<{ token: string; expires: Date }> {
  if (!isDemoMode()) throw forbidden("Demo sign-in is only available in demo mode.");
  const user = await db.user.findFirst({ where: { email, isDemo: true } });
  if (!user) throw forbidden("That is not a demo account.");
  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + DEMO_SESSION_DAYS * 86_400_000);
  await db.session.create({ data: { sessionToken: token, userId: user.id, expires } });
  return { token, expires };
}

export function sessionCookieName(url: string): string {
  return url.startsWith("https://") ? "__Secure-authjs.session-token" : "authjs.session-token";
}
