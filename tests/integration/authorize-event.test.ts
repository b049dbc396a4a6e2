// The authorized actor (lib/auth/actor.ts, ADR 0016): a SignedIn exists only
// for someone signed in, and authorizeEvent gives an EventActor only to a role
// the database holds on that very event and the permission table allows.
// The brand itself (nobody outside lib/auth builds one) is a type test:
// tests/types/actor-brand.ts, checked by `tsc --noEmit`.
import { describe, expect, it } from "vitest";
import { authorizeEvent, requireSignedIn, signedInAs } from "@/lib/auth/actor";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { CAPABILITIES, can } from "@/lib/auth/permissions";
import { addReviewer, createEvent, createUser } from "@/tests/factories";
import { useTestDb } from "@/tests/support/test-db";
import { expectDomainError } from "./helpers";

const getDb = useTestDb();

describe("signedInAs / requireSignedIn", () => {
  it("refuses nobody signed in (unauthenticated), the one place that happens", async () => {
    await expectDomainError(() => Promise.resolve(signedInAs(null)), "unauthenticated");
    await expectDomainError(() => Promise.resolve(signedInAs(undefined)), "unauthenticated");
    await expectDomainError(() => Promise.resolve(signedInAs("")), "unauthenticated");
    await expectDomainError(() => Promise.resolve(requireSignedIn(null)), "unauthenticated");
  });

  it("gives the session's actor to a signed-in user", () => {
    const actor = signedInAs("user-1");
    expect(actor.userId).toBe("user-1");
    expect(requireSignedIn({ actor })).toBe(actor);
  });
});

describe("authorizeEvent", () => {
  it("gives an organizer an EventActor with their role and event, for every capability the table allows", async () => {
    const db = getDb();
    const event = await createEvent(db);
    for (const capability of CAPABILITIES.filter((c) => can("ORGANIZER", c))) {
      expect(await authorizeEvent(db, signedInAs(event.organizer.id), event.id, capability)).toEqual({
        userId: event.organizer.id,
        eventId: event.id,
        role: "ORGANIZER",
      });
    }
  });

  it("gives a reviewer what the table allows a reviewer, and refuses the rest (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = signedInAs((await addReviewer(db, event)).id);
    for (const capability of CAPABILITIES) {
      const call = authorizeEvent(db, reviewer, event.id, capability);
      if (can("REVIEWER", capability)) expect(await call).toMatchObject({ role: "REVIEWER", eventId: event.id });
      else await expectDomainError(call, "forbidden");
    }
  });

  it("refuses someone with no role on the event (not_found, so event ids reveal nothing)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const outsider = signedInAs((await createUser(db)).id);
    await expectDomainError(authorizeEvent(db, outsider, event.id, "event:view-team"), "not_found");
    await expectDomainError(authorizeEvent(db, outsider, "no-such-event", "event:view-team"), "not_found");
  });

  it("refuses an organizer of another event (not_found): a role holds on its own event only", async () => {
    const db = getDb();
    const mine = await createEvent(db);
    const theirs = await createEvent(db);
    const organizer = signedInAs(mine.organizer.id);
    await expectDomainError(authorizeEvent(db, organizer, theirs.id, "proposal:decide"), "not_found");
    await expectDomainError(organizerScope(db, organizer, theirs.id, "proposal:decide"), "not_found");
  });

  it("refuses a capability no team role has (forbidden), even to an organizer", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await expectDomainError(authorizeEvent(db, signedInAs(event.organizer.id), event.id, "proposal:submit"), "forbidden");
  });

  it("builds the organizer scope on the EventActor", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const scope = await organizerScope(db, signedInAs(event.organizer.id), event.id, "proposal:decide");
    expect(scope).toMatchObject({ userId: event.organizer.id, actorId: event.organizer.id, eventId: event.id, role: "ORGANIZER" });
  });
});
