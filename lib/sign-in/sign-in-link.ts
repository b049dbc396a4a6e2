import { createHash, randomBytes } from "node:crypto";
import { newUserCode } from "@/lib/identifiers/public-code";
import type { Db } from "@/lib/db";
import { safeCallbackPath } from "./callback-path";

/** How long a session opened by a sign-in link lasts (next-auth's session.maxAge uses the same). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * The link we email: our confirmation page, never next-auth's callback, so
 * opening it (a person, a mail scanner prefetching links) consumes nothing.
 * Built from the configured app URL: nothing from the request's headers.
 * `callbackUrl` may be the absolute URL next-auth made; only its path is kept.
 */
export function signInLinkUrl(base: string, link: { email: string; token: string; callbackUrl: string | null }): string {
  const after = new URL(link.callbackUrl ?? "/", "http://path.invalid");
  const params = new URLSearchParams({
    email: link.email,
    token: link.token,
    callbackUrl: safeCallbackPath(`${after.pathname}${after.search}${after.hash}`),
  });
  return `${base}/signin/confirm?${params}`;
}

/** next-auth stores sha256(token + secret) in VerificationToken.token, never the token itself. */
export function storedToken(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}

export type OpenedSession = { sessionToken: string; expires: Date; userId: string };

/**
 * Spends a sign-in link (once: the token row is deleted by the one request
 * that wins) and opens a session for its address, creating the account on
 * first use as next-auth would. A session this browser already had (another
 * account, say) is ended. Null when the link is unknown, used or expired.
 */
export async function redeemSignInLink(
  db: Db,
  link: { email: string; token: string; secret: string; previousSessionToken?: string | null },
  now = new Date(),
): Promise<OpenedSession | null> {
  const where = { identifier: link.email, token: storedToken(link.token, link.secret) };
  return db.$transaction(async (tx) => {
    const spent = await tx.verificationToken.deleteMany({ where: { ...where, expires: { gt: now } } });
    if (spent.count !== 1) {
      await tx.verificationToken.deleteMany({ where }); // an expired one is no use to anyone
      return null;
    }
    const user = await tx.user.upsert({
      where: { email: link.email },
      create: { email: link.email, emailVerified: now, code: await newUserCode(tx) },
      update: {},
    });
    if (!user.emailVerified) await tx.user.update({ where: { id: user.id }, data: { emailVerified: now } });
    if (link.previousSessionToken) await tx.session.deleteMany({ where: { sessionToken: link.previousSessionToken } });
    const session = {
      sessionToken: randomBytes(32).toString("hex"),
      userId: user.id,
      expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    };
    await tx.session.create({ data: session });
    return session;
  });
}
