import type { Db } from "@/lib/db";
import { canonicalMailbox } from "@/lib/auth/email-address";
import { systemClock } from "@/lib/clock";
import { consume, peek, type Verdict } from "./fixed-window";
import { SIGN_IN_EMAILS_PER_ADDRESS, SIGN_IN_EMAILS_PER_CLIENT } from "./limits";

// Sign-in emails, limited per inbox (someone flooding one: `inbox+1@`,
// `inbox+2@` count as one, see canonicalMailbox) and per
// client (someone using us to mail many inboxes). The sign-in answer never
// changes with the address: "check your email" whether the account exists,
// is new, or is over its limit; an address over its limit just gets no more
// email this window. Only the per-client refusal is shown, because it says
// something about the asker, not about the address.

/**
 * Counts one sign-in email for the address (and the client, when known) and
 * says whether to send it. Called where the email is sent (next-auth's
 * sendVerificationRequest), so the action and the raw /api/auth route are
 * limited alike.
 */
export async function allowSignInEmail(db: Db, who: { email: string; client: string | null }, now = systemClock.now()): Promise<boolean> {
  const verdicts = await Promise.all([
    consume(db, SIGN_IN_EMAILS_PER_ADDRESS, canonicalMailbox(who.email), now),
    who.client ? consume(db, SIGN_IN_EMAILS_PER_CLIENT, who.client, now) : null,
  ]);
  return verdicts.every((v) => v === null || v.allowed);
}

/** For the sign-in form: has this client already used up its sign-in emails? (Counts nothing.) */
export async function signInClientVerdict(db: Db, client: string | null, now = systemClock.now()): Promise<Verdict | null> {
  return client ? peek(db, SIGN_IN_EMAILS_PER_CLIENT, client, now) : null;
}
