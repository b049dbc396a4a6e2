// Issue 10, finding 6: invitations were a way to make the platform email
// strangers. Every invitation email is counted when it is queued (per user,
// per proposal, per event for co-speakers; per user and per event for the
// team), revoking gives nothing back, and invitations wait in the outbox
// when the event holds email. The clock is injected: window boundaries are
// crossed by passing `now`, never by waiting.
import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { inviteCoSpeaker } from "@/lib/cospeakers/invite";
import { resendInvitation, revokeInvitation } from "@/lib/cospeakers/manage";
import { hashInvitationToken } from "@/lib/cospeakers/token";
import { releaseHeld } from "@/lib/email/outbox-admin";
import { inviteTeamMember } from "@/lib/events/team";
import { inviteInput } from "@/lib/events/schemas";
import {
  COSPEAKER_INVITES_PER_EVENT,
  COSPEAKER_INVITES_PER_PROPOSAL,
  COSPEAKER_INVITES_PER_USER,
  TEAM_INVITES_PER_EVENT,
  TEAM_INVITES_PER_USER,
} from "@/lib/rate-limit/limits";
import { addOrganizer, createEvent, createProposal, createUser } from "@/tests/factories";
import { useTestDb } from "@/tests/support/test-db";
import { expectDenied } from "./helpers";

const getDb = useTestDb();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Midnight UTC: the start of an hour window and of a day window. */
const T0 = new Date("2027-03-01T00:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const stranger = (n: number) => `stranger.${n}@example.net`;
const team = (email: string) => inviteInput.parse({ email, role: "REVIEWER" });

async function speakerWithProposals(db: Db, count: number, event?: Awaited<ReturnType<typeof createEvent>>) {
  const ev = event ?? (await createEvent(db));
  const speaker = await createUser(db);
  const proposals = [];
  for (let i = 0; i < count; i++) proposals.push(await createProposal(db, { event: ev, speaker }));
  return { event: ev, speaker, proposals };
}

describe("co-speaker invitation limits", () => {
  it("regression: an invite-and-revoke loop to strangers stops at the per-proposal limit, because revoked invitations stay counted", async () => {
    const db = getDb();
    const { speaker, proposals } = await speakerWithProposals(db, 1);
    const sent: string[] = [];
    let n = 0;
    for (; n < COSPEAKER_INVITES_PER_PROPOSAL.max; n++) {
      const invitation = await inviteCoSpeaker(db, signedInAs(speaker.id), proposals[0].id, stranger(n), { now: at(n * 1000) });
      await revokeInvitation(db, signedInAs(speaker.id), invitation.id);
      sent.push(invitation.email);
    }
    expect(await db.outboxEmail.count({ where: { kind: "cospeaker-invitation" } })).toBe(COSPEAKER_INVITES_PER_PROPOSAL.max);

    const refused = await expectDenied(db, "rate_limited", () =>
      inviteCoSpeaker(db, signedInAs(speaker.id), proposals[0].id, stranger(n), { now: at(n * 1000) }),
    );
    expect(refused.fields?.email).toBe(refused.message);
    expect(refused.message).toContain("withdrawn ones count");

    // The last millisecond of the day is still in the window; the next day starts a new one.
    await expectDenied(db, "rate_limited", () =>
      inviteCoSpeaker(db, signedInAs(speaker.id), proposals[0].id, stranger(n), { now: at(DAY - 1) }),
    );
    await inviteCoSpeaker(db, signedInAs(speaker.id), proposals[0].id, stranger(n), { now: at(DAY) });
  });

  it("counts resends too: a proposal sends at most the per-proposal limit of emails a day", async () => {
    const db = getDb();
    const { speaker, proposals } = await speakerWithProposals(db, 1);
    const invited: { id: string }[] = [];
    for (let i = 0; i < 4; i++) invited.push(await inviteCoSpeaker(db, signedInAs(speaker.id), proposals[0].id, stranger(i), { now: T0 }));
    for (const invitation of invited) await resendInvitation(db, signedInAs(speaker.id), invitation.id, { now: at(2 * MINUTE) });
    expect(invited.length * 2).toBe(COSPEAKER_INVITES_PER_PROPOSAL.max);
    await expectDenied(db, "rate_limited", () => resendInvitation(db, signedInAs(speaker.id), invited[0].id, { now: at(4 * MINUTE) }));
  });

  it("limits one user across proposals and events", async () => {
    const db = getDb();
    const { speaker, proposals } = await speakerWithProposals(db, 2);
    const elsewhere = await createProposal(db, { event: await createEvent(db), speaker });
    // Four pending invitations fill a proposal (five speakers at most): spread the user's sends over three proposals.
    const targets = [...Array(4).fill(proposals[0]), ...Array(4).fill(proposals[1]), ...Array(2).fill(elsewhere)];
    expect(targets).toHaveLength(COSPEAKER_INVITES_PER_USER.max);
    for (const [i, proposal] of targets.entries())
      await inviteCoSpeaker(db, signedInAs(speaker.id), proposal.id, stranger(i), { now: at(i * MINUTE) });

    const refused = await expectDenied(db, "rate_limited", () =>
      inviteCoSpeaker(db, signedInAs(speaker.id), elsewhere.id, stranger(99), { now: at(HOUR) }),
    );
    expect(refused.message).toMatch(
      /^You have sent 10 co-speaker invitations today, the most we allow\. You can invite again in about 23 hours\.$/,
    );
    expect(refused.fields).toEqual({ email: refused.message });

    // A fellow speaker on that proposal still may: the limit is the sender's.
    const cospeaker = await createUser(db);
    await db.proposalSpeaker.create({ data: { proposalId: elsewhere.id, userId: cospeaker.id, role: "COSPEAKER" } });
    const theirs = await inviteCoSpeaker(db, signedInAs(cospeaker.id), elsewhere.id, stranger(99), { now: at(HOUR) });
    // The next day the first speaker may again (after making room on the proposal).
    await revokeInvitation(db, signedInAs(cospeaker.id), theirs.id);
    await inviteCoSpeaker(db, signedInAs(speaker.id), elsewhere.id, stranger(100), { now: at(DAY) });
  });

  it("limits one event across its speakers, per hour", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const perSpeaker = 4;
    const speakers = COSPEAKER_INVITES_PER_EVENT.max / perSpeaker;
    let n = 0;
    for (let s = 0; s < speakers; s++) {
      const { speaker, proposals } = await speakerWithProposals(db, 1, event);
      for (let i = 0; i < perSpeaker; i++)
        await inviteCoSpeaker(db, signedInAs(speaker.id), proposals[0].id, stranger(n++), { now: at(n * 1000) });
    }
    expect(n).toBe(COSPEAKER_INVITES_PER_EVENT.max);

    const { speaker, proposals } = await speakerWithProposals(db, 1, event);
    const refused = await expectDenied(db, "rate_limited", () =>
      inviteCoSpeaker(db, signedInAs(speaker.id), proposals[0].id, stranger(n), { now: at(HOUR - 1) }),
    );
    expect(refused.message).toBe(
      "This event has sent as many co-speaker invitations as it may this hour. You can invite again in a minute.",
    );
    // Another event is not affected; the next hour is a new window.
    const other = await speakerWithProposals(db, 1);
    await inviteCoSpeaker(db, signedInAs(other.speaker.id), other.proposals[0].id, stranger(n), { now: at(HOUR - 1) });
    await inviteCoSpeaker(db, signedInAs(speaker.id), proposals[0].id, stranger(n), { now: at(HOUR) });
  });

  it("regression: when the event holds email, the invitation is created and its email waits, also when resent", async () => {
    const db = getDb();
    const { event, speaker, proposals } = await speakerWithProposals(db, 1);
    await db.event.update({ where: { id: event.id }, data: { holdOutbox: true } });

    const invitation = await inviteCoSpeaker(db, signedInAs(speaker.id), proposals[0].id, "ada@example.org", { now: T0 });
    expect(invitation).toMatchObject({ status: "PENDING", held: true });
    expect(await db.coSpeakerInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "PENDING" });
    expect(await db.outboxEmail.findMany({ select: { to: true, status: true, kind: true, eventId: true } })).toEqual([
      { to: "ada@example.org", status: "HELD", kind: "cospeaker-invitation", eventId: event.id },
    ]);

    // A resend replaces the held email (its link no longer works); revoking drops the held one.
    expect(await resendInvitation(db, signedInAs(speaker.id), invitation.id, { now: at(2 * MINUTE) })).toMatchObject({ held: true });
    const [held] = await db.outboxEmail.findMany({ where: { status: "HELD" } });
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(held.text)?.[1] ?? "";
    expect(hashInvitationToken(token)).toBe((await db.coSpeakerInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).tokenHash);
    expect(await db.outboxEmail.count()).toBe(1);
    const other = await inviteCoSpeaker(db, signedInAs(speaker.id), proposals[0].id, "grace@example.org", { now: at(3 * MINUTE) });
    await revokeInvitation(db, signedInAs(speaker.id), other.id);
    expect(await db.outboxEmail.findMany({ select: { to: true } })).toEqual([{ to: "ada@example.org" }]);
    expect(await releaseHeld(db, signedInAs(event.organizer.id), event.id)).toEqual({ released: 1 });
  });

  it("without held email, invitations are queued at once", async () => {
    const db = getDb();
    const { speaker, proposals } = await speakerWithProposals(db, 1);
    expect(await inviteCoSpeaker(db, signedInAs(speaker.id), proposals[0].id, "ada@example.org", { now: T0 })).toMatchObject({
      held: false,
    });
    expect(await db.outboxEmail.findMany({ select: { status: true } })).toEqual([{ status: "QUEUED" }]);
  });
});

describe("team invitation limits", () => {
  it("limits one organizer per day; the refusal sits next to the email field and nothing is written", async () => {
    const db = getDb();
    const event = await createEvent(db);
    for (let i = 0; i < TEAM_INVITES_PER_USER.max; i++)
      await inviteTeamMember(db, signedInAs(event.organizer.id), event.id, team(stranger(i)), { now: at(i * MINUTE) });
    expect(await db.outboxEmail.count({ where: { kind: "team-invitation" } })).toBe(TEAM_INVITES_PER_USER.max);

    const refused = await expectDenied(db, "rate_limited", () =>
      inviteTeamMember(db, signedInAs(event.organizer.id), event.id, team("one.more@example.net"), { now: at(DAY - 1) }),
    );
    expect(refused.message).toBe("You have sent 30 team invitations today, the most we allow. You can invite again in a minute.");
    expect(refused.fields).toEqual({ email: refused.message });
    await inviteTeamMember(db, signedInAs(event.organizer.id), event.id, team("one.more@example.net"), { now: at(DAY) });
  });

  it("limits one event per day across its organizers, role changes included", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const second = await addOrganizer(db, event);
    const first = TEAM_INVITES_PER_USER.max - 5;
    for (let i = 0; i < first; i++) await inviteTeamMember(db, signedInAs(event.organizer.id), event.id, team(stranger(i)), { now: T0 });
    for (let i = first; i < TEAM_INVITES_PER_EVENT.max; i++) {
      // Changing an existing member's role emails them too, so it counts.
      const email = i === first ? stranger(0) : stranger(i);
      await inviteTeamMember(db, signedInAs(second.id), event.id, inviteInput.parse({ email, role: "ORGANIZER" }), { now: T0 });
    }

    const refused = await expectDenied(db, "rate_limited", () =>
      inviteTeamMember(db, signedInAs(second.id), event.id, team("late@example.net"), { now: at(HOUR) }),
    );
    expect(refused.message).toBe(
      "This event has sent 40 team invitations today, the most we allow. You can invite again in about 23 hours.",
    );
    // The limit is the event's: the same organizer may still invite to another event of theirs.
    const other = await createEvent(db, { organizer: second });
    await inviteTeamMember(db, signedInAs(second.id), other.id, team("late@example.net"), { now: at(HOUR) });
  });

  it("regression: when the event holds email, the member is added and the invitation waits in the event's outbox", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await db.event.update({ where: { id: event.id }, data: { holdOutbox: true } });

    const member = await inviteTeamMember(db, signedInAs(event.organizer.id), event.id, team("rev@example.org"), { now: T0 });
    expect(member).toMatchObject({ role: "REVIEWER", held: true });
    expect(await db.eventMember.count({ where: { eventId: event.id, user: { email: "rev@example.org" } } })).toBe(1);
    expect(await db.outboxEmail.findMany({ select: { to: true, status: true, kind: true, eventId: true } })).toEqual([
      { to: "rev@example.org", status: "HELD", kind: "team-invitation", eventId: event.id },
    ]);
    expect(await releaseHeld(db, signedInAs(event.organizer.id), event.id)).toEqual({ released: 1 });
    expect(await db.outboxEmail.findMany({ select: { status: true } })).toEqual([{ status: "QUEUED" }]);
  });
});
