import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent as makeEvent, createProposal, createUser } from "@/tests/factories";
import { appUrl } from "@/lib/config";
import { createEvent } from "@/lib/events/create-event";
import { updateEvent } from "@/lib/events/update-event";
import { inviteTeamMember, listTeam, removeTeamMember } from "@/lib/events/team";
import { getEventWithRole, getPublicEvent, listMyTeamEvents, listPublicEvents } from "@/lib/events/queries";
import { inviteInput } from "@/lib/events/schemas";
import { expectDenied, expectDomainError, eventInputOf } from "./helpers";

const getDb = useTestDb();
const invite = (email: string, role: "ORGANIZER" | "REVIEWER" = "REVIEWER") => inviteInput.parse({ email, role });

/** eventInput for an existing event, keeping its session types and tracks (by id) unless overridden. */
function inputFor(event: Awaited<ReturnType<typeof makeEvent>>, overrides: Record<string, unknown> = {}) {
  return eventInputOf({
    name: event.name,
    slug: event.slug,
    description: event.description,
    timeZone: event.timeZone,
    sessionTypes: event.sessionTypes.map((s) => ({ id: s.id, name: s.name, durationMinutes: s.durationMinutes })),
    tracks: event.tracks.map((t) => ({ id: t.id, name: t.name })),
    ...overrides,
  });
}

describe("createEvent", () => {
  it("creates the event with its session types and tracks in order, and makes the creator its ORGANIZER", async () => {
    const db = getDb();
    const user = await createUser(db, { name: "Eve Organizer" });

    const event = await createEvent(db, signedInAs(user.id), eventInputOf());

    expect(event).toMatchObject({
      name: "RustFest Porto 2027",
      slug: "rustfest-porto-2027",
      description: "A community conference about Rust.",
      timeZone: "Europe/Lisbon",
      // Lisbon is on UTC in winter.
      cfpOpensAt: new Date("2027-01-10T09:00:00Z"),
      cfpClosesAt: new Date("2027-03-01T18:00:00Z"),
    });
    expect(await db.sessionType.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } })).toMatchObject([
      { name: "Talk", durationMinutes: 30, position: 0 },
      { name: "Workshop", durationMinutes: 120, position: 1 },
    ]);
    expect(await db.track.findMany({ where: { eventId: event.id } })).toMatchObject([{ name: "Main stage", position: 0 }]);
    expect(await db.eventMember.findMany({ where: { eventId: event.id } })).toMatchObject([{ userId: user.id, role: "ORGANIZER" }]);
  });

  it("converts the CFP window from the event's time zone", async () => {
    const db = getDb();
    const user = await createUser(db);
    const event = await createEvent(
      db,
      signedInAs(user.id),
      eventInputOf({ timeZone: "America/New_York", cfpOpensAt: "2027-07-01T09:00", cfpClosesAt: "2027-08-01T23:59" }),
    );
    expect(event.cfpOpensAt).toEqual(new Date("2027-07-01T13:00:00Z"));
    expect(event.cfpClosesAt).toEqual(new Date("2027-08-02T03:59:00Z"));
  });

  it("creates an organization owned by a first-time organizer, and reuses it for their next event", async () => {
    const db = getDb();
    const user = await createUser(db, { name: "Eve Organizer" });

    const first = await createEvent(db, signedInAs(user.id), eventInputOf());
    const second = await createEvent(db, signedInAs(user.id), eventInputOf({ slug: "rustfest-porto-2028" }));

    expect(second.organizationId).toBe(first.organizationId);
    expect(await db.organization.findUniqueOrThrow({ where: { id: first.organizationId } })).toMatchObject({
      name: "Eve Organizer's organization",
    });
    expect(await db.organizationMember.findMany()).toMatchObject([
      { userId: user.id, organizationId: first.organizationId, role: "OWNER" },
    ]);
  });

  it("uses the organization the user already owns", async () => {
    const db = getDb();
    const existing = await makeEvent(db);
    const event = await createEvent(db, signedInAs(existing.organizer.id), eventInputOf());
    expect(event.organizationId).toBe(existing.organizationId);
    expect(await db.organization.count()).toBe(1);
  });

  it("rejects a taken slug (conflict) and writes nothing", async () => {
    const db = getDb();
    await makeEvent(db, { slug: "rustfest-porto-2027" });
    const user = await createUser(db);
    await expectDenied(db, "conflict", () => createEvent(db, signedInAs(user.id), eventInputOf()));
  });

  it("refuses an anonymous caller (unauthenticated) and writes nothing", async () => {
    const db = getDb();
    await expectDenied(db, "unauthenticated", () => createEvent(db, signedInAs(null), eventInputOf()));
  });
});

describe("updateEvent", () => {
  it("updates the settings, renames a session type in place, adds and removes unused ones, reorders", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const [talk, lightning] = event.sessionTypes;
    const [systems, web] = event.tracks;

    await updateEvent(
      db,
      signedInAs(event.organizer.id),
      event.id,
      inputFor(event, {
        name: "Renamed Conf",
        slug: "renamed-conf",
        description: "New description",
        timeZone: "UTC",
        cfpOpensAt: "2027-02-01T10:00",
        cfpClosesAt: "2027-04-01T10:00",
        sessionTypes: [
          { name: "Workshop", durationMinutes: 90 },
          { id: talk.id, name: "Long talk", durationMinutes: 45 },
        ],
        tracks: [{ id: web.id, name: "Web" }],
      }),
    );

    expect(await db.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      name: "Renamed Conf",
      slug: "renamed-conf",
      description: "New description",
      timeZone: "UTC",
      cfpOpensAt: new Date("2027-02-01T10:00:00Z"),
      cfpClosesAt: new Date("2027-04-01T10:00:00Z"),
    });
    const types = await db.sessionType.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } });
    expect(types).toMatchObject([
      { name: "Workshop", durationMinutes: 90, position: 0 },
      { id: talk.id, name: "Long talk", durationMinutes: 45, position: 1 },
    ]);
    expect(types.some((t) => t.id === lightning.id)).toBe(false);
    expect(await db.track.findMany({ where: { eventId: event.id } })).toMatchObject([{ id: web.id, name: "Web", position: 0 }]);
    expect(await db.track.findUnique({ where: { id: systems.id } })).toBeNull();
  });

  it("swaps the names of two session types", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const [talk, lightning] = event.sessionTypes;

    await updateEvent(
      db,
      signedInAs(event.organizer.id),
      event.id,
      inputFor(event, {
        sessionTypes: [
          { id: talk.id, name: "Lightning talk", durationMinutes: 10 },
          { id: lightning.id, name: "Talk", durationMinutes: 30 },
        ],
      }),
    );

    expect(await db.sessionType.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } })).toMatchObject([
      { id: talk.id, name: "Lightning talk", durationMinutes: 10 },
      { id: lightning.id, name: "Talk", durationMinutes: 30 },
    ]);
  });

  it("keeps a proposal's session type when that type is renamed", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const p = await createProposal(db, { event, status: "submitted" });
    await updateEvent(
      db,
      signedInAs(event.organizer.id),
      event.id,
      inputFor(event, {
        sessionTypes: [{ id: event.sessionTypes[0].id, name: "Keynote", durationMinutes: 45 }],
        tracks: event.tracks.map((t) => ({ id: t.id, name: t.name })),
      }),
    );
    const row = await db.proposal.findUniqueOrThrow({ where: { id: p.id }, include: { sessionType: true } });
    expect(row.sessionType).toMatchObject({ id: event.sessionTypes[0].id, name: "Keynote" });
  });

  it("refuses to remove a session type used by a proposal (conflict) and changes nothing", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    await createProposal(db, { event, status: "draft", sessionType: "lightning" });
    const [talk] = event.sessionTypes;

    const error = await expectDenied(db, "conflict", () =>
      updateEvent(
        db,
        signedInAs(event.organizer.id),
        event.id,
        inputFor(event, { name: "Should not stick", sessionTypes: [{ id: talk.id, name: "Talk", durationMinutes: 30 }] }),
      ),
    );
    expect(error.message).toContain("Lightning talk");
  });

  it("refuses to remove a track used by a proposal (conflict) and changes nothing", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    await createProposal(db, { event, status: "submitted", track: event.tracks[1] });
    await expectDenied(db, "conflict", () =>
      updateEvent(
        db,
        signedInAs(event.organizer.id),
        event.id,
        inputFor(event, { tracks: [{ id: event.tracks[0].id, name: event.tracks[0].name }] }),
      ),
    );
  });

  it("does not touch another event's session type whose id is sent in the input", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const other = await makeEvent(db);
    const foreign = other.sessionTypes[0];

    await updateEvent(
      db,
      signedInAs(event.organizer.id),
      event.id,
      inputFor(event, {
        sessionTypes: [
          ...event.sessionTypes.map((s) => ({ id: s.id, name: s.name, durationMinutes: s.durationMinutes })),
          { id: foreign.id, name: "Hijack", durationMinutes: 5 },
        ],
      }),
    );

    expect(await db.sessionType.findUniqueOrThrow({ where: { id: foreign.id } })).toEqual(foreign);
    expect(await db.sessionType.count({ where: { eventId: event.id, name: "Hijack" } })).toBe(1);
  });

  it("accepts the event's own slug unchanged", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    await updateEvent(db, signedInAs(event.organizer.id), event.id, inputFor(event, { name: "Same slug" }));
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).name).toBe("Same slug");
  });

  it("rejects a slug taken by another event (conflict) and changes nothing", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const other = await makeEvent(db);
    await expectDenied(db, "conflict", () =>
      updateEvent(db, signedInAs(event.organizer.id), event.id, inputFor(event, { slug: other.slug })),
    );
  });

  it("refuses an anonymous caller (unauthenticated) and changes nothing", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    await expectDenied(db, "unauthenticated", () => updateEvent(db, signedInAs(null), event.id, inputFor(event, { name: "x" })));
  });

  it("refuses a reviewer of the event acting as organizer (forbidden) and changes nothing", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const reviewer = await addReviewer(db, event);
    await expectDenied(db, "forbidden", () => updateEvent(db, signedInAs(reviewer.id), event.id, inputFor(event, { name: "x" })));
  });

  it("refuses an organizer of another event (not_found) and changes nothing", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const other = await makeEvent(db);
    await expectDenied(db, "not_found", () => updateEvent(db, signedInAs(other.organizer.id), event.id, inputFor(event, { name: "x" })));
  });

  it("refuses a speaker of the event (not_found) and changes nothing", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const p = await createProposal(db, { event });
    await expectDenied(db, "not_found", () => updateEvent(db, signedInAs(p.speaker.id), event.id, inputFor(event, { name: "x" })));
  });
});

describe("inviteTeamMember", () => {
  it("creates the user if the email is unknown and adds them with the role", async () => {
    const db = getDb();
    const event = await makeEvent(db);

    const member = await inviteTeamMember(db, signedInAs(event.organizer.id), event.id, invite("  New.Reviewer@Example.COM "));

    const user = await db.user.findUniqueOrThrow({ where: { email: "new.reviewer@example.com" } });
    expect(user).toMatchObject({ name: null, emailVerified: null, isDemo: false });
    expect(member).toMatchObject({ eventId: event.id, userId: user.id, role: "REVIEWER" });
    expect(await db.eventMember.findMany({ where: { eventId: event.id, userId: user.id } })).toHaveLength(1);
  });

  it("enqueues a team-invitation email to the invitee with the event, role, inviter and sign-in link", async () => {
    const db = getDb();
    const organizer = await createUser(db, { name: "Olga Organizer" });
    const event = await makeEvent(db, { organizer });

    await inviteTeamMember(db, signedInAs(organizer.id), event.id, invite("rev@example.com"));

    const emails = await db.outboxEmail.findMany();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      to: "rev@example.com",
      kind: "team-invitation",
      status: "QUEUED",
      subject: `You have been added to the ${event.name} team`,
    });
    expect(emails[0].text).toContain("Olga Organizer added you to");
    expect(emails[0].text).toContain("as reviewer");
    expect(emails[0].text).toContain(`${appUrl()}/signin?callbackUrl=${encodeURIComponent(`/review/${event.slug}`)}`);
  });

  it("links an invited organizer to the organize page", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    await inviteTeamMember(db, signedInAs(event.organizer.id), event.id, invite("org2@example.com", "ORGANIZER"));
    const email = await db.outboxEmail.findFirstOrThrow();
    expect(email.text).toContain("as organizer");
    expect(email.text).toContain(encodeURIComponent(`/organize/${event.slug}`));
  });

  it("adds an existing user without creating another account", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const existing = await createUser(db, { email: "known@example.com", name: "Known Person" });
    const users = await db.user.count();

    const member = await inviteTeamMember(db, signedInAs(event.organizer.id), event.id, invite("Known@Example.com"));

    expect(member.userId).toBe(existing.id);
    expect(await db.user.count()).toBe(users);
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).name).toBe("Known Person");
  });

  it("is idempotent: a second invitation keeps ONE user and ONE membership (and emails again)", async () => {
    const db = getDb();
    const event = await makeEvent(db);

    const first = await inviteTeamMember(db, signedInAs(event.organizer.id), event.id, invite("twice@example.com"));
    const second = await inviteTeamMember(db, signedInAs(event.organizer.id), event.id, invite("twice@example.com"));

    expect(second.id).toBe(first.id);
    expect(await db.user.count({ where: { email: "twice@example.com" } })).toBe(1);
    expect(await db.eventMember.count({ where: { eventId: event.id, userId: first.userId } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: "twice@example.com", kind: "team-invitation" } })).toBe(2);
  });

  it("changes the role of someone already on the team", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const reviewer = await addReviewer(db, event);
    const member = await inviteTeamMember(db, signedInAs(event.organizer.id), event.id, invite(reviewer.email, "ORGANIZER"));
    expect(member).toMatchObject({ userId: reviewer.id, role: "ORGANIZER" });
    expect(await db.eventMember.count({ where: { eventId: event.id } })).toBe(2);
  });

  it("lets an organizer demote another organizer while one organizer remains", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const organizer2 = await addOrganizer(db, event);
    await inviteTeamMember(db, signedInAs(event.organizer.id), event.id, invite(organizer2.email, "REVIEWER"));
    expect(
      await db.eventMember.findUniqueOrThrow({ where: { eventId_userId: { eventId: event.id, userId: organizer2.id } } }),
    ).toMatchObject({ role: "REVIEWER" });
  });

  // Same invariant removeTeamMember enforces: "an event always keeps an organizer".
  it("refuses to demote the last organizer to reviewer (conflict) and changes nothing", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    await expectDenied(db, "conflict", () =>
      inviteTeamMember(db, signedInAs(event.organizer.id), event.id, invite(event.organizer.email, "REVIEWER")),
    );
    expect(await db.eventMember.count({ where: { eventId: event.id, role: "ORGANIZER" } })).toBe(1);
  });

  it("refuses an anonymous caller (unauthenticated): no user, no membership, no email", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    await expectDenied(db, "unauthenticated", () => inviteTeamMember(db, signedInAs(null), event.id, invite("x@example.com")));
  });

  it("refuses a reviewer of the event acting as organizer (forbidden): no user, no membership, no email", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const reviewer = await addReviewer(db, event);
    await expectDenied(db, "forbidden", () =>
      inviteTeamMember(db, signedInAs(reviewer.id), event.id, invite("friend@example.com", "ORGANIZER")),
    );
  });

  it("refuses an organizer of another event (not_found): no user, no membership, no email", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const other = await makeEvent(db);
    await expectDenied(db, "not_found", () =>
      inviteTeamMember(db, signedInAs(other.organizer.id), event.id, invite(other.organizer.email, "ORGANIZER")),
    );
  });

  it("refuses a speaker of the event (not_found)", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const p = await createProposal(db, { event });
    await expectDenied(db, "not_found", () =>
      inviteTeamMember(db, signedInAs(p.speaker.id), event.id, invite(p.speaker.email, "ORGANIZER")),
    );
  });
});

describe("removeTeamMember", () => {
  it("removes a reviewer's membership and keeps their account", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const reviewer = await addReviewer(db, event);
    const membership = await db.eventMember.findUniqueOrThrow({ where: { eventId_userId: { eventId: event.id, userId: reviewer.id } } });

    await removeTeamMember(db, signedInAs(event.organizer.id), event.id, membership.id);

    expect(await db.eventMember.findUnique({ where: { id: membership.id } })).toBeNull();
    expect(await db.user.findUnique({ where: { id: reviewer.id } })).not.toBeNull();
  });

  it("refuses to remove the last organizer (conflict); the membership still exists", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    await addReviewer(db, event);
    const membership = await db.eventMember.findUniqueOrThrow({
      where: { eventId_userId: { eventId: event.id, userId: event.organizer.id } },
    });

    await expectDenied(db, "conflict", () => removeTeamMember(db, signedInAs(event.organizer.id), event.id, membership.id));

    expect(await db.eventMember.findUnique({ where: { id: membership.id } })).toMatchObject({
      role: "ORGANIZER",
      userId: event.organizer.id,
    });
  });

  it("removes one of two organizers, even oneself", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const own = await db.eventMember.findUniqueOrThrow({ where: { eventId_userId: { eventId: event.id, userId: event.organizer.id } } });

    await removeTeamMember(db, signedInAs(event.organizer.id), event.id, own.id);

    expect(await db.eventMember.findMany({ where: { eventId: event.id } })).toMatchObject([{ userId: organizer2.id, role: "ORGANIZER" }]);
  });

  it("refuses a membership id of another event (not_found) and changes nothing", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const other = await makeEvent(db);
    const otherReviewer = await addReviewer(db, other);
    const foreign = await db.eventMember.findUniqueOrThrow({ where: { eventId_userId: { eventId: other.id, userId: otherReviewer.id } } });
    await expectDenied(db, "not_found", () => removeTeamMember(db, signedInAs(event.organizer.id), event.id, foreign.id));
  });

  it("refuses an anonymous caller (unauthenticated) and changes nothing", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const reviewer = await addReviewer(db, event);
    const m = await db.eventMember.findFirstOrThrow({ where: { userId: reviewer.id } });
    await expectDenied(db, "unauthenticated", () => removeTeamMember(db, signedInAs(null), event.id, m.id));
  });

  it("refuses a reviewer of the event acting as organizer (forbidden) and changes nothing", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const reviewer = await addReviewer(db, event);
    const other = await addReviewer(db, event);
    const m = await db.eventMember.findFirstOrThrow({ where: { userId: other.id } });
    await expectDenied(db, "forbidden", () => removeTeamMember(db, signedInAs(reviewer.id), event.id, m.id));
  });

  it("refuses an organizer of another event (not_found) and changes nothing", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const other = await makeEvent(db);
    const reviewer = await addReviewer(db, event);
    const m = await db.eventMember.findFirstOrThrow({ where: { userId: reviewer.id } });
    await expectDenied(db, "not_found", () => removeTeamMember(db, signedInAs(other.organizer.id), event.id, m.id));
  });
});

describe("listTeam", () => {
  it("lists organizers first, then reviewers, each by when they joined", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const r1 = await addReviewer(db, event);
    const o2 = await addOrganizer(db, event);
    const r2 = await addReviewer(db, event);
    await db.eventMember.updateMany({ where: { userId: r2.id }, data: { createdAt: new Date(Date.now() - 86_400_000) } });

    const team = await listTeam(db, signedInAs(event.organizer.id), event.id);

    expect(team.map((m) => [m.role, m.user.id])).toEqual([
      ["ORGANIZER", event.organizer.id],
      ["ORGANIZER", o2.id],
      ["REVIEWER", r2.id],
      ["REVIEWER", r1.id],
    ]);
    expect(team[0].user).toEqual({ id: event.organizer.id, name: event.organizer.name, email: event.organizer.email });
  });

  it("refuses an anonymous caller (unauthenticated)", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    await expectDomainError(() => listTeam(db, signedInAs(null), event.id), "unauthenticated");
  });

  it("refuses a reviewer of the event (forbidden)", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const reviewer = await addReviewer(db, event);
    await expectDomainError(listTeam(db, signedInAs(reviewer.id), event.id), "forbidden");
  });

  it("refuses an organizer of another event (not_found)", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const other = await makeEvent(db);
    await expectDomainError(listTeam(db, signedInAs(other.organizer.id), event.id), "not_found");
  });
});

describe("event queries", () => {
  it("listPublicEvents lists open and upcoming CFPs in the order they were created, and no closed ones", async () => {
    const db = getDb();
    const upcoming = await makeEvent(db, { cfp: "upcoming" }); // closes in 60 days
    const open = await makeEvent(db, { cfp: "open" }); // closes in 30 days
    await makeEvent(db, { cfp: "closed" });
    // Created a minute apart, so the order does not rest on ids made in the same millisecond.
    await db.event.update({ where: { id: upcoming.id }, data: { createdAt: new Date(Date.now() - 60_000) } });

    const { events, page, pages, total } = await listPublicEvents(db);

    expect(events.map((e) => e.id)).toEqual([upcoming.id, open.id]);
    expect({ page, pages, total }).toEqual({ page: 1, pages: 1, total: 2 });
    expect(Object.keys(events[0]).sort()).toEqual(["cfpClosesAt", "cfpOpensAt", "description", "id", "name", "slug", "timeZone"]);
  });

  it("listPublicEvents uses the given time", async () => {
    const db = getDb();
    const open = await makeEvent(db, { cfp: "open" });
    expect((await listPublicEvents(db, { now: open.cfpClosesAt })).events).toEqual([]);
  });

  it("getPublicEvent finds an event by slug with ordered session types and tracks, or null", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const found = await getPublicEvent(db, event.slug);
    expect(found?.id).toBe(event.id);
    expect(found?.sessionTypes.map((s) => s.name)).toEqual(["Talk", "Lightning talk"]);
    expect(found?.tracks.map((t) => t.id)).toEqual(event.tracks.map((t) => t.id));
    expect(await getPublicEvent(db, "no-such-event")).toBeNull();
  });

  it("listMyTeamEvents lists the events the user is on the team of, with the role", async () => {
    const db = getDb();
    const user = await createUser(db);
    const organized = await makeEvent(db, { organizer: user, cfp: "upcoming" });
    const reviewed = await makeEvent(db, { cfp: "open" });
    await addReviewer(db, reviewed, user);
    await makeEvent(db);

    const mine = await listMyTeamEvents(db, signedInAs(user.id));

    expect(mine.map((m) => [m.event.id, m.role])).toEqual([
      [organized.id, "ORGANIZER"],
      [reviewed.id, "REVIEWER"],
    ]);
  });

  it("listMyTeamEvents refuses an anonymous caller (unauthenticated)", async () => {
    const db = getDb();
    await expectDomainError(() => listMyTeamEvents(db, signedInAs(null)), "unauthenticated");
  });

  it("getEventWithRole reports the actor's role, or null for outsiders, anonymous callers and unknown slugs", async () => {
    const db = getDb();
    const event = await makeEvent(db);
    const reviewer = await addReviewer(db, event);
    const outsider = await createUser(db);

    expect((await getEventWithRole(db, signedInAs(event.organizer.id), event.slug)).role).toBe("ORGANIZER");
    expect((await getEventWithRole(db, signedInAs(reviewer.id), event.slug)).role).toBe("REVIEWER");
    expect(await getEventWithRole(db, signedInAs(outsider.id), event.slug)).toMatchObject({ event: { id: event.id }, role: null });
    expect(await getEventWithRole(db, null, event.slug)).toMatchObject({ event: { id: event.id }, role: null });
    expect(await getEventWithRole(db, signedInAs(event.organizer.id), "no-such-event")).toEqual({ event: null, role: null });
  });
});
