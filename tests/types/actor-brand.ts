// Type test, checked by `npx tsc --noEmit` (part of npm test), never run: only
// lib/auth can build an authorized actor (ADR 0016). Each @ts-expect-error
// fails the type check the day its line compiles.
import { authorizeEvent, signedInAs, type EventActor, type SignedIn } from "@/lib/auth/actor";
import type { OrganizerScope } from "@/lib/auth/organizer-scope";
import type { Db } from "@/lib/db/client";
import { createProposal } from "@/lib/proposals/create-proposal";
import { publishDecisions } from "@/lib/lifecycle/decide";

export async function brandChecks(db: Db, userId: string, eventId: string) {
  // @ts-expect-error a SignedIn cannot be written as an object literal outside lib/auth
  const forged: SignedIn = { userId };
  // @ts-expect-error nor an EventActor
  const forgedEvent: EventActor = { userId, eventId, role: "ORGANIZER" };
  // @ts-expect-error nor an OrganizerScope
  const forgedScope: OrganizerScope = { userId, actorId: userId, eventId, role: "ORGANIZER", proposals: { eventId } };
  // @ts-expect-error domain functions take an actor, not an id
  await createProposal(db, userId, eventId, {} as never);
  // @ts-expect-error nor "nobody": signing in is checked once, by signedInAs
  await publishDecisions(db, null, eventId);

  // What compiles: actors from lib/auth; an EventActor is a SignedIn.
  const actor: SignedIn = signedInAs(userId);
  const organizer: EventActor = await authorizeEvent(db, actor, eventId, "proposal:decide");
  const widened: SignedIn = organizer;
  return [forged, forgedEvent, forgedScope, widened];
}
