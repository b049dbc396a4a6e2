// The authorized actor: the value domain functions take instead of a user id.
// Only this module builds one (the brands are unique symbols it does not
// export), so a domain function holding a SignedIn knows someone signed in,
// and one holding an EventActor knows the permission table allowed that role
// on that event. ADR 0016.
import type { DbTx } from "@/lib/db";
import { can, type Capability, type Role } from "./permissions";
import { forbidden, notFound, unauthenticated } from "@/lib/errors";

declare const signedInBrand: unique symbol;
declare const eventBrand: unique symbol;

export type EventRole = Extract<Role, "ORGANIZER" | "REVIEWER">;

/** Someone signed in. Speaker-side functions take it and scope their queries by `userId`. */
export type SignedIn = { readonly userId: string; readonly [signedInBrand]: true };

/** Someone whose role on one event the database gave and the permission table allowed for a capability. */
export type EventActor = SignedIn & { readonly eventId: string; readonly role: EventRole; readonly [eventBrand]: true };

/**
 * The one place "not signed in" is refused. The id must be one a session
 * proved (lib/sign-in/session.ts builds it for the app; app/ may not import this
 * function, eslint.config.mjs) or a user the caller made itself (tests, seed,
 * load run, bench).
 */
export function signedInAs(userId: string | null | undefined): SignedIn {
  if (!userId) throw unauthenticated();
  return { userId } as SignedIn;
}

/**
 * For server actions: the session's actor, or "unauthenticated" (a
 * DomainError, which handleForm shows next to the form like any refusal).
 */
export function requireSignedIn(user: { readonly actor: SignedIn } | null | undefined): SignedIn {
  if (!user) throw unauthenticated();
  return user.actor;
}

/** The actor's role on an event, from the database (null if none). */
export async function eventRole(db: DbTx, userId: string, eventId: string): Promise<EventRole | null> {
  const m = await db.eventMember.findUnique({ where: { eventId_userId: { eventId, userId } }, select: { role: true } });
  return m?.role ?? null;
}

/**
 * Reads the actor's role on the event and checks one capability in the
 * permission table. Someone with no role on the event gets "not found", so
 * event ids reveal nothing; a role without the capability gets "forbidden".
 */
export async function authorizeEvent(db: DbTx, actor: SignedIn, eventId: string, capability: Capability): Promise<EventActor> {
  const role = await eventRole(db, actor.userId, eventId);
  if (!role) throw notFound("This event");
  if (!can(role, capability)) throw forbidden();
  return { userId: actor.userId, eventId, role } as EventActor;
}
