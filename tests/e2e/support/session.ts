// Signing in without the email round trip (ADR 0004: sessions live in the
// database, so a test may create the row and set the cookie itself). One
// spec, security-sign-in, goes through the real email link.
import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "@playwright/test";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { sessionCookieName } from "@/lib/sign-in/demo-session";
import { E2E_BASE_URL } from "./env";
import { newUserCode } from "@/lib/identifiers/public-code";

/** A user, or an address: a new one becomes a user as a first email sign-in would make them (no name). */
export type Who = Pick<User, "id"> | string;

/** The user with that address, created (no name, verified) when there is none. */
export async function userFor(db: Db, who: Who): Promise<User> {
  if (typeof who !== "string") return db.user.findUniqueOrThrow({ where: { id: who.id } });
  const email = who.trim().toLowerCase();
  // Not an upsert: SQLite refuses at once a transaction that read before another process wrote.
  return (
    (await db.user.findUnique({ where: { email } })) ??
    (await db.user.create({ data: { email, code: await newUserCode(db), emailVerified: new Date() } }))
  );
}

/** Opens a database session for `who` and puts its cookie in the browser context of `target`. */
export async function signInWithSession(db: Db, target: Page | BrowserContext, who: Who): Promise<User> {
  const user = await userFor(db, who);
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) } });
  const context = "context" in target ? target.context() : target;
  await context.addCookies([
    { name: sessionCookieName(E2E_BASE_URL), value: sessionToken, url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" },
  ]);
  return user;
}
