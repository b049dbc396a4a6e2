import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createInvitation, createProposal, createUser } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { inviteCoSpeaker } from "@/lib/cospeakers/invite";
import { listInvitations } from "@/lib/cospeakers/list";
import { resendInvitation, revokeInvitation } from "@/lib/cospeakers/manage";
import { respondToInvitation, WRONG_ACCOUNT } from "@/lib/cospeakers/respond";
import { invitationForToken } from "@/lib/cospeakers/view";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { updateProposal } from "@/lib/proposals/update-proposal";
import { setSpeakerCap, speakerCapInput } from "@/lib/events/speaker-cap-setting";
import { barrier, expectDenied, expectDomainError, proposalInput, snapshot } from "./helpers";

const getDb = useTestDb();
const MINUTE = 60_000;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** The raw token in the newest invitation email to `to`, read from the link as the invitee would. */
async function tokenFromEmail(db: Db, to: string): Promise<string> {
  const mail = await db.outboxEmail.findFirstOrThrow({
    where: { to, kind: "cospeaker-invitation" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const match = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  return match[1];
}

async function setup(db: Db, status: "draft" | "submitted" | "accepted" | "rejected" | "withdrawn" = "submitted") {
  const event = await createEvent(db, { name: "Oxidize Lisbon 2027" });
  const owner = await createUser(db, { name: "Amara Okafor", email: "amara@example.com" });
  const proposal = await createProposal(db, { event, speaker: owner, status, title: "Async Rust Without the Tears" });
  return { event, owner, proposal };
}

/** A client whose invitation-by-token reads all wait until `n` callers have read: they then race to write. */
function meetingAfterTokenRead(db: Db, n: number): Db {
  const meet = barrier(n);
  return db.$extends({
    query: {
      coSpeakerInvitation: {
        async findUnique({ args, query }) {
          const result = await query(args);
          await meet();
          return result;
        },
      },
    },
  }) as unknown as Db;
}

describe("inviteCoSpeaker", () => {
  it("creates a PENDING invitation for the normalized address, emails the link, stores only the token's hash, and logs it", async () => {
    const db = getDb();
    const { event, owner, proposal } = await setup(db);

    const result = await inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "  Jonas.Lindqvist@Example.COM ");

    expect(result).toMatchObject({ email: "jonas.lindqvist@example.com", status: "PENDING" });
    const [mail] = await db.outboxEmail.findMany();
    expect(mail).toMatchObject({
      to: "jonas.lindqvist@example.com",
      kind: "cospeaker-invitation",
      subject: "Amara Okafor invites you to co-present at Oxidize Lisbon 2027",
      eventId: event.id,
      proposalId: proposal.id,
      status: "QUEUED",
    });
    expect(mail.text).toContain('Amara Okafor invites you to co-present "Async Rust Without the Tears" at Oxidize Lisbon 2027.');
    const token = await tokenFromEmail(db, "jonas.lindqvist@example.com");
    expect(mail.text).toContain(`http://localhost:3000/invitations/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const row = await db.coSpeakerInvitation.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({
      proposalId: proposal.id,
      email: "jonas.lindqvist@example.com",
      invitedById: owner.id,
      status: "PENDING",
      respondedAt: null,
    });
    expect(row.tokenHash).toBe(sha256(token));
    // The raw token is nowhere but in the email itself.
    const { outboxEmail: outbox, ...rest } = await snapshot(db);
    expect(JSON.stringify(rest)).not.toContain(token);
    expect(outbox).toHaveLength(1);

    const activity = await db.proposalActivity.findMany({ where: { proposalId: proposal.id } });
    expect(activity.map((a) => ({ kind: a.kind, actorId: a.actorId, data: JSON.parse(a.data) }))).toEqual([
      { kind: "cospeaker", actorId: owner.id, data: { email: "jonas.lindqvist@example.com", status: "PENDING" } },
    ]);
  });

  it("uses the event's own wording for the invitation when the organizers wrote one", async () => {
    const db = getDb();
    const { event, owner, proposal } = await setup(db);
    await db.emailTemplate.create({
      data: {
        eventId: event.id,
        kind: "cospeaker-invitation",
        subject: "Join {inviter_name} on stage",
        body: "{talk_title} @ {event_name}: {invite_url}",
      },
    });

    await inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "ada@example.org");

    const mail = await db.outboxEmail.findFirstOrThrow();
    const token = await tokenFromEmail(db, "ada@example.org");
    expect(mail.subject).toBe("Join Amara Okafor on stage");
    expect(mail.text).toBe(`Async Rust Without the Tears @ Oxidize Lisbon 2027: http://localhost:3000/invitations/${token}`);
  });

  it("lets a co-speaker invite too", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const cospeaker = await createUser(db);
    const proposal = await createProposal(db, { event, cospeakers: [cospeaker] });

    await inviteCoSpeaker(db, signedInAs(cospeaker.id), proposal.id, "third@example.org");

    expect(await db.coSpeakerInvitation.count({ where: { proposalId: proposal.id, invitedById: cospeaker.id } })).toBe(1);
  });

  it("refuses, next to the email field, an invalid address, a current speaker, and an address already invited", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const cospeaker = await createUser(db, { email: "zoe@example.com" });
    const proposal = await createProposal(db, { event, cospeakers: [cospeaker] });
    const owner = proposal.speaker;
    await inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "pending@example.org");

    const bad = await expectDenied(db, "invalid", () => inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "not an address"));
    expect(bad.fields).toEqual({ email: "Enter a valid email address." });
    const self = await expectDenied(db, "conflict", () =>
      inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, owner.email.toUpperCase()),
    );
    expect(self.fields?.email).toBe("This person already speaks on this proposal.");
    await expectDenied(db, "conflict", () => inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "ZOE@example.com"));
    const again = await expectDenied(db, "conflict", () => inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "Pending@Example.org"));
    expect(again.fields?.email).toMatch(/already invited/);
  });

  it("allows at most 5 speakers counting pending invitations; revoking one frees its place", async () => {
    const db = getDb();
    const { owner, proposal } = await setup(db);
    const ids = [];
    for (const n of [1, 2, 3, 4]) ids.push((await inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, `guest${n}@example.org`)).id);

    const full = await expectDenied(db, "conflict", () => inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "guest5@example.org"));
    expect(full.fields?.email).toMatch(/at most 5 speakers/);

    await revokeInvitation(db, signedInAs(owner.id), ids[0]);
    await inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "guest5@example.org");
    expect(await db.coSpeakerInvitation.count({ where: { status: "PENDING" } })).toBe(4);
  });

  it.each(["withdrawn", "rejected"] as const)("refuses to invite on a %s proposal", async (status) => {
    const db = getDb();
    const { owner, proposal } = await setup(db, status);
    const error = await expectDenied(db, "conflict", () => inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "late@example.org"));
    expect(error.message).toBe(`This proposal is ${status}, so it takes no new co-speakers.`);
  });

  it("invites a declined address again on the same row, with a new token, but not twice within a minute", async () => {
    const db = getDb();
    const { owner, proposal } = await setup(db);
    const lastSentAt = new Date(Date.now() - 10 * MINUTE);
    const { invitation, token } = await createInvitation(db, { proposal, email: "maybe@example.org", status: "DECLINED", lastSentAt });

    const tooSoon = new Date(lastSentAt.getTime() + 30_000);
    await expectDenied(db, "conflict", () => inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "maybe@example.org", { now: tooSoon }));
    const again = await inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "maybe@example.org");

    expect(again.id).toBe(invitation.id);
    const row = await db.coSpeakerInvitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(row).toMatchObject({ status: "PENDING", respondedAt: null });
    expect(row.tokenHash).not.toBe(sha256(token));
    expect(row.tokenHash).toBe(sha256(await tokenFromEmail(db, "maybe@example.org")));
  });
});

describe("resendInvitation", () => {
  it("sends a new link and the old one stops working", async () => {
    const db = getDb();
    const { owner, proposal } = await setup(db);
    const invited = await inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "ada@example.org");
    const oldToken = await tokenFromEmail(db, "ada@example.org");
    const later = new Date(Date.now() + 2 * MINUTE);

    await resendInvitation(db, signedInAs(owner.id), invited.id, { now: later });

    const newToken = await tokenFromEmail(db, "ada@example.org");
    expect(newToken).not.toBe(oldToken);
    expect(await db.outboxEmail.count({ where: { to: "ada@example.org", kind: "cospeaker-invitation" } })).toBe(2);
    const row = await db.coSpeakerInvitation.findUniqueOrThrow({ where: { id: invited.id } });
    expect(row).toMatchObject({ status: "PENDING", tokenHash: sha256(newToken), lastSentAt: later });
    expect(await invitationForToken(db, oldToken)).toEqual({ state: "invalid" });
    expect(await invitationForToken(db, newToken)).toMatchObject({ state: "pending" });

    const ada = await createUser(db, { email: "ada@example.org" });
    await expectDenied(db, "not_found", () => respondToInvitation(db, signedInAs(ada.id), oldToken, "accept"));
    await respondToInvitation(db, signedInAs(ada.id), newToken, "accept");
  });

  it("refuses within a minute of the last email, and for an invitation that is no longer pending", async () => {
    const db = getDb();
    const { owner, proposal } = await setup(db);
    const invited = await inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "ada@example.org");
    await expectDenied(db, "conflict", () => resendInvitation(db, signedInAs(owner.id), invited.id));

    for (const status of ["ACCEPTED", "DECLINED", "REVOKED"] as const) {
      const { invitation } = await createInvitation(db, { proposal, status, lastSentAt: new Date(Date.now() - 10 * MINUTE) });
      const error = await expectDenied(db, "conflict", () => resendInvitation(db, signedInAs(owner.id), invitation.id));
      expect(error.message).toBe(`This invitation was ${status.toLowerCase()} already, so it cannot be changed.`);
    }
  });
});

describe("revokeInvitation", () => {
  it("revokes a pending invitation; its link then says so and can no longer be answered", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const cospeaker = await createUser(db);
    const proposal = await createProposal(db, { event, cospeakers: [cospeaker] });
    const { invitation, token } = await createInvitation(db, { proposal, email: "ada@example.org" });

    // Any speaker of the proposal may revoke, not only the one who invited.
    expect(await revokeInvitation(db, signedInAs(cospeaker.id), invitation.id)).toMatchObject({ status: "REVOKED" });

    expect(await db.coSpeakerInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "REVOKED" });
    expect(await invitationForToken(db, token)).toEqual({ state: "revoked" });
    const ada = await createUser(db, { email: "ada@example.org" });
    const error = await expectDenied(db, "conflict", () => respondToInvitation(db, signedInAs(ada.id), token, "accept"));
    expect(error.message).toBe("This invitation was withdrawn by the speaker.");
    await expectDenied(db, "conflict", () => revokeInvitation(db, signedInAs(proposal.speaker.id), invitation.id));
    const activity = await db.proposalActivity.findFirstOrThrow({ where: { proposalId: proposal.id } });
    expect(JSON.parse(activity.data)).toEqual({ email: "ada@example.org", status: "REVOKED" });
  });
});

describe("respondToInvitation", () => {
  it("accept: the invitee becomes a co-speaker who can edit the proposal and later confirm it", async () => {
    const db = getDb();
    const { event, owner, proposal } = await setup(db);
    await inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "Ada@Example.org");
    const token = await tokenFromEmail(db, "ada@example.org");
    const ada = await createUser(db, { email: "ada@example.org", name: "Ada" });

    expect(await respondToInvitation(db, signedInAs(ada.id), token, "accept")).toEqual({ proposalId: proposal.id, status: "ACCEPTED" });

    const speakers = await db.proposalSpeaker.findMany({ where: { proposalId: proposal.id } });
    expect(speakers.map((s) => [s.userId, s.role]).sort((a, b) => (a[1] === "OWNER" ? -1 : b[1] === "OWNER" ? 1 : 0))).toEqual([
      [owner.id, "OWNER"],
      [ada.id, "COSPEAKER"],
    ]);
    expect(await db.coSpeakerInvitation.findFirstOrThrow()).toMatchObject({ status: "ACCEPTED", respondedAt: expect.any(Date) });
    expect(await invitationForToken(db, token, signedInAs(ada.id))).toEqual({ state: "accepted", proposalId: proposal.id });
    expect(await invitationForToken(db, token)).toEqual({ state: "accepted", proposalId: null });
    const lines = await db.proposalActivity.findMany({ where: { proposalId: proposal.id }, orderBy: { createdAt: "asc" } });
    expect(JSON.parse(lines.at(-1)!.data)).toEqual({ email: "ada@example.org", status: "ACCEPTED" });
    expect(lines.at(-1)!.actorId).toBe(ada.id);

    await updateProposal(db, signedInAs(ada.id), proposal.id, proposalInput(event, { title: "Async Rust, Together" }));
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).title).toBe("Async Rust, Together");

    await expectDenied(db, "conflict", () => respondToInvitation(db, signedInAs(ada.id), token, "accept"));
    expect(await db.proposalSpeaker.count({ where: { proposalId: proposal.id } })).toBe(2);
  });

  it("accept: a co-speaker confirms an accepted proposal", async () => {
    const db = getDb();
    const { proposal } = await setup(db, "accepted");
    const { token } = await createInvitation(db, { proposal, email: "ada@example.org" });
    const ada = await createUser(db, { email: "ada@example.org" });

    await respondToInvitation(db, signedInAs(ada.id), token, "accept");
    await transitionProposal(db, signedInAs(ada.id), proposal.id, "confirm");

    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("CONFIRMED");
  });

  it("decline: no speaker row, the invitation says declined, and it cannot be accepted afterwards", async () => {
    const db = getDb();
    const { proposal } = await setup(db);
    const { invitation, token } = await createInvitation(db, { proposal, email: "ada@example.org" });
    const ada = await createUser(db, { email: "ada@example.org" });

    expect(await respondToInvitation(db, signedInAs(ada.id), token, "decline")).toEqual({ proposalId: proposal.id, status: "DECLINED" });

    expect(await db.coSpeakerInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "DECLINED" });
    expect(await db.proposalSpeaker.count({ where: { proposalId: proposal.id } })).toBe(1);
    expect(await invitationForToken(db, token, signedInAs(ada.id))).toEqual({ state: "declined" });
    const error = await expectDenied(db, "conflict", () => respondToInvitation(db, signedInAs(ada.id), token, "accept"));
    expect(error.message).toBe("This invitation was already declined.");
  });

  it("refuses someone signed in with another address, telling them to use the invited one; the link page knows too", async () => {
    const db = getDb();
    const { proposal } = await setup(db);
    const { token } = await createInvitation(db, { proposal, email: "ada@example.org" });
    const other = await createUser(db, { email: "ada@work.example" });

    for (const answer of ["accept", "decline"] as const) {
      const error = await expectDenied(db, "forbidden", () => respondToInvitation(db, signedInAs(other.id), token, answer));
      expect(error.message).toBe(WRONG_ACCOUNT);
    }
    expect(await invitationForToken(db, token, signedInAs(other.id))).toMatchObject({ state: "pending", viewer: "other-account" });
  });

  it("refuses anonymous callers, unknown or malformed tokens, and accepting on a withdrawn proposal", async () => {
    const db = getDb();
    const { owner, proposal } = await setup(db);
    const { token } = await createInvitation(db, { proposal, email: "ada@example.org" });
    const ada = await createUser(db, { email: "ada@example.org" });

    await expectDenied(db, "unauthenticated", () => respondToInvitation(db, signedInAs(null), token, "accept"));
    await expectDenied(db, "not_found", () => respondToInvitation(db, signedInAs(ada.id), "x".repeat(43), "accept"));
    await expectDenied(db, "not_found", () => respondToInvitation(db, signedInAs(ada.id), "../not a token", "accept"));

    await transitionProposal(db, signedInAs(owner.id), proposal.id, "withdraw");
    expect(await invitationForToken(db, token, signedInAs(ada.id))).toEqual({ state: "closed" });
    await expectDenied(db, "conflict", () => respondToInvitation(db, signedInAs(ada.id), token, "accept"));
  });

  it("two accepts at the same moment: one wins, the other is told, and there is one speaker row", async () => {
    const db = getDb();
    const { proposal } = await setup(db);
    const { token } = await createInvitation(db, { proposal, email: "ada@example.org" });
    const ada = await createUser(db, { email: "ada@example.org" });
    const racing = meetingAfterTokenRead(db, 2);

    const results = await Promise.allSettled([
      respondToInvitation(racing, signedInAs(ada.id), token, "accept"),
      respondToInvitation(racing, signedInAs(ada.id), token, "accept"),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    await expectDomainError(Promise.reject(lost.reason), "conflict");
    expect(await db.proposalSpeaker.count({ where: { proposalId: proposal.id, userId: ada.id } })).toBe(1);
    expect(await db.proposalActivity.count({ where: { proposalId: proposal.id, kind: "cospeaker" } })).toBe(1);
  });
});

/** A client whose first invitation-by-token read and first proposal read (a submission's) wait for each other: they then race to write. */
function acceptAndSubmitMeet(db: Db): Db {
  const meet = barrier(2);
  const once = new Set<string>();
  const meetOnce = async (key: string) => {
    if (once.has(key)) return;
    once.add(key);
    await meet();
  };
  return db.$extends({
    query: {
      coSpeakerInvitation: {
        async findUnique({ args, query }) {
          const result = await query(args);
          await meetOnce("token");
          return result;
        },
      },
      proposal: {
        async findUnique({ args, query }) {
          const result = await query(args);
          await meetOnce("proposal");
          return result;
        },
      },
    },
  }) as unknown as Db;
}

describe("respondToInvitation and the event's cap on proposals per speaker", () => {
  async function capped(db: Db, cap: number) {
    const event = await createEvent(db);
    await setSpeakerCap(db, signedInAs(event.organizer.id), event.id, speakerCapInput.parse({ maxProposalsPerSpeaker: String(cap) }));
    const ada = await createUser(db, { email: "ada@example.org", name: "Ada" });
    return { event, ada };
  }
  const counted = (db: Db, eventId: string, userId: string) =>
    db.proposal.count({ where: { eventId, status: { notIn: ["DRAFT", "WITHDRAWN"] }, speakers: { some: { userId } } } });

  it("an invitee at the cap cannot join a submitted proposal: told why, nothing changes, the invitation stays open", async () => {
    const db = getDb();
    const { event, ada } = await capped(db, 1);
    await createProposal(db, { event, speaker: ada, status: "submitted" });
    const proposal = await createProposal(db, { event, status: "accepted" });
    const { invitation, token } = await createInvitation(db, { proposal, email: "ada@example.org" });

    const error = await expectDenied(db, "conflict", () => respondToInvitation(db, signedInAs(ada.id), token, "accept"));
    expect(error.message).toBe(
      "You already speak on 1 proposal submitted to this event, the most it accepts per speaker (1). " +
        "The invitation stays open: withdraw one of them to join this one, or decline it.",
    );
    expect(await db.coSpeakerInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "PENDING" });
    expect(await respondToInvitation(db, signedInAs(ada.id), token, "decline")).toMatchObject({ status: "DECLINED" });
  });

  it("withdrawn proposals and drafts do not count; joining a draft is allowed, and its submission then checks the cap", async () => {
    const db = getDb();
    const { event, ada } = await capped(db, 1);
    await createProposal(db, { event, speaker: ada, status: "withdrawn" });
    await createProposal(db, { event, speaker: ada, status: "draft" });
    const submitted = await createProposal(db, { event, status: "submitted" });
    const first = await createInvitation(db, { proposal: submitted, email: "ada@example.org" });
    await respondToInvitation(db, signedInAs(ada.id), first.token, "accept");
    expect(await counted(db, event.id, ada.id)).toBe(1);

    const draft = await createProposal(db, { event, status: "draft" });
    const second = await createInvitation(db, { proposal: draft, email: "ada@example.org" });
    await respondToInvitation(db, signedInAs(ada.id), second.token, "accept");
    const refused = await expectDomainError(transitionProposal(db, signedInAs(draft.speaker.id), draft.id, "submit"), "conflict");
    expect(refused.message).toMatch(/^Ada already has 1 proposal submitted/);
    expect(await counted(db, event.id, ada.id)).toBe(1);
  });

  it("two acceptances at the same moment for the last place: exactly one joins", async () => {
    const db = getDb();
    const { event, ada } = await capped(db, 2);
    await createProposal(db, { event, speaker: ada, status: "submitted" });
    const proposals = await Promise.all([1, 2].map(() => createProposal(db, { event, status: "submitted" })));
    const tokens = await Promise.all(
      proposals.map(async (proposal) => (await createInvitation(db, { proposal, email: "ada@example.org" })).token),
    );
    const racing = meetingAfterTokenRead(db, 2);

    const results = await Promise.allSettled(tokens.map((token) => respondToInvitation(racing, signedInAs(ada.id), token, "accept")));

    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((await expectDomainError(Promise.reject(lost.reason), "conflict")).message).toMatch(/^You already speak on 2 proposals/);
    expect(await counted(db, event.id, ada.id)).toBe(2);
    expect(await db.coSpeakerInvitation.count({ where: { email: "ada@example.org", status: "PENDING" } })).toBe(1);
  });

  it("an acceptance and the invitee's own submission at the same moment for the last place: exactly one gets it", async () => {
    const db = getDb();
    const { event, ada } = await capped(db, 2);
    await createProposal(db, { event, speaker: ada, status: "submitted" });
    const own = await createProposal(db, { event, speaker: ada, status: "draft" });
    const theirs = await createProposal(db, { event, status: "submitted" });
    const { token } = await createInvitation(db, { proposal: theirs, email: "ada@example.org" });
    const racing = acceptAndSubmitMeet(db);

    const results = await Promise.allSettled([
      respondToInvitation(racing, signedInAs(ada.id), token, "accept"),
      transitionProposal(racing, signedInAs(ada.id), own.id, "submit"),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason.code).toBe("conflict");
    expect(await counted(db, event.id, ada.id)).toBe(2);
  });
});

describe("invitationForToken", () => {
  it("shows a pending invitation's event, talk and inviter, and nothing else", async () => {
    const db = getDb();
    const { owner, proposal } = await setup(db);
    await inviteCoSpeaker(db, signedInAs(owner.id), proposal.id, "ada@example.org");
    const token = await tokenFromEmail(db, "ada@example.org");
    const ada = await createUser(db, { email: "ada@example.org" });

    expect(await invitationForToken(db, token)).toEqual({
      state: "pending",
      eventName: "Oxidize Lisbon 2027",
      talkTitle: "Async Rust Without the Tears",
      inviterName: "Amara Okafor",
      viewer: "anonymous",
    });
    expect(await invitationForToken(db, token, signedInAs(ada.id))).toMatchObject({ viewer: "invitee" });
    expect(await invitationForToken(db, "nope")).toEqual({ state: "invalid" });
  });
});

describe("who may manage invitations", () => {
  type Outsider = "another speaker of the event" | "a reviewer of the event" | "an organizer of the event" | "anonymous";
  const OUTSIDERS: Outsider[] = ["another speaker of the event", "a reviewer of the event", "an organizer of the event", "anonymous"];

  async function outsider(db: Db, kind: Outsider, event: Awaited<ReturnType<typeof createEvent>>) {
    switch (kind) {
      case "another speaker of the event":
        return { actorId: (await createProposal(db, { event })).speaker.id, code: "not_found" as const };
      case "a reviewer of the event":
        return { actorId: (await addReviewer(db, event)).id, code: "not_found" as const };
      case "an organizer of the event":
        return { actorId: (await addOrganizer(db, event)).id, code: "not_found" as const };
      case "anonymous":
        return { actorId: null, code: "unauthenticated" as const };
    }
  }

  it.each(OUTSIDERS)("%s cannot invite, resend, revoke or list, and nothing changes", async (kind) => {
    const db = getDb();
    const { event, proposal } = await setup(db);
    const { invitation } = await createInvitation(db, { proposal, lastSentAt: new Date(Date.now() - 10 * MINUTE) });
    const { actorId, code } = await outsider(db, kind, event);

    await expectDenied(db, code, () => inviteCoSpeaker(db, signedInAs(actorId), proposal.id, "someone@example.org"));
    await expectDenied(db, code, () => resendInvitation(db, signedInAs(actorId), invitation.id));
    await expectDenied(db, code, () => revokeInvitation(db, signedInAs(actorId), invitation.id));
    await expectDenied(db, code, () => listInvitations(db, signedInAs(actorId), proposal.id));
  });

  it("lists the speakers and every invitation with its status for a speaker, without token hashes", async () => {
    const db = getDb();
    const { owner, proposal } = await setup(db);
    await createInvitation(db, { proposal, email: "a@example.org" });
    await createInvitation(db, { proposal, email: "b@example.org", status: "DECLINED" });

    const list = await listInvitations(db, signedInAs(owner.id), proposal.id);

    expect(list.speakers).toEqual([{ userId: owner.id, name: "Amara Okafor", email: "amara@example.com", role: "OWNER" }]);
    expect(list.invitations.map((i) => [i.email, i.status, i.invitedByName])).toEqual([
      ["a@example.org", "PENDING", "Amara Okafor"],
      ["b@example.org", "DECLINED", "Amara Okafor"],
    ]);
    expect(JSON.stringify(list)).not.toMatch(/tokenHash/);
    expect(list.canInvite).toBe(true);
  });
});
