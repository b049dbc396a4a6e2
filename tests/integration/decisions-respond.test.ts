import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { createEvent, createProposal, createUser, type EventFixture } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { publishDecisions } from "@/lib/lifecycle/decide";
import { proposalForLink, respondByLink } from "@/lib/lifecycle/respond";
import { makeResponseToken } from "@/lib/lifecycle/response-token";
import { transitionProposal } from "@/lib/lifecycle/transition";
import { activityOf, mailTo, responseLinkIn, setDecisionSettings } from "./decisions-fixture";
import { expectDenied, expectDomainError } from "./helpers";

const getDb = useTestDb();
const DAY = 86_400_000;

/** An accepted proposal with a co-speaker, published the way organizers do, and each speaker's emailed link. */
async function acceptedWithLinks(db: Db, event: EventFixture) {
  const cospeaker = await createUser(db);
  const proposal = await createProposal(db, { event, status: "submitted", pendingDecision: "ACCEPTED", cospeakers: [cospeaker] });
  await publishDecisions(db, signedInAs(event.organizer.id), event.id, [proposal.id]);
  const linkOf = async (email: string) => responseLinkIn((await mailTo(db, email)).find((m) => m.kind === "accepted")!.text).token;
  return { proposal, cospeaker, ownerLink: await linkOf(proposal.speaker.email), cospeakerLink: await linkOf(cospeaker.email) };
}

const row = (db: Db, id: string) =>
  db.proposal.findUniqueOrThrow({ where: { id }, select: { status: true, respondedAt: true, decidedAt: true } });

describe("confirming or declining in the app", () => {
  it("the speaker confirms: CONFIRMED, respondedAt set, logged as their confirmation, nobody emailed", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { proposal } = await acceptedWithLinks(db, event);
    const sent = await db.outboxEmail.count();

    expect(await transitionProposal(db, signedInAs(proposal.speaker.id), proposal.id, "confirm")).toMatchObject({ status: "CONFIRMED" });

    expect(await row(db, proposal.id)).toMatchObject({ status: "CONFIRMED", respondedAt: expect.any(Date) });
    expect((await activityOf(db, proposal.id)).at(-1)).toEqual({
      kind: "status",
      actorId: proposal.speaker.id,
      data: { from: "ACCEPTED", to: "CONFIRMED", transition: "confirm" },
    });
    expect(await db.outboxEmail.count()).toBe(sent);
  });

  it("a co-speaker may decline for the talk: DECLINED, respondedAt set, logged as theirs", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { proposal, cospeaker } = await acceptedWithLinks(db, event);

    await transitionProposal(db, signedInAs(cospeaker.id), proposal.id, "decline");

    expect(await row(db, proposal.id)).toMatchObject({ status: "DECLINED", respondedAt: expect.any(Date) });
    expect((await activityOf(db, proposal.id)).find((a) => a.kind === "status" && a.data.transition === "decline")?.actorId).toBe(
      cospeaker.id,
    );
  });

  it("a co-speaker may confirm, after which nobody can decline (conflict)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { proposal, cospeaker } = await acceptedWithLinks(db, event);
    await transitionProposal(db, signedInAs(cospeaker.id), proposal.id, "confirm");
    await expectDenied(db, "conflict", () => transitionProposal(db, signedInAs(proposal.speaker.id), proposal.id, "decline"));
    await expectDenied(db, "conflict", () => transitionProposal(db, signedInAs(cospeaker.id), proposal.id, "confirm"));
  });

  it.each(["submitted", "waitlisted", "rejected"] as const)("a %s proposal cannot be confirmed or declined (conflict)", async (status) => {
    const db = getDb();
    const event = await createEvent(db);
    const proposal = await createProposal(db, { event, status, pendingDecision: status === "submitted" ? "ACCEPTED" : undefined });
    await expectDenied(db, "conflict", () => transitionProposal(db, signedInAs(proposal.speaker.id), proposal.id, "confirm"));
    await expectDenied(db, "conflict", () => transitionProposal(db, signedInAs(proposal.speaker.id), proposal.id, "decline"));
  });

  it("confirming is allowed until the confirmation deadline", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { confirmationDeadline: new Date(Date.now() + DAY) });
    const proposal = await createProposal(db, { event, status: "accepted" });
    await transitionProposal(db, signedInAs(proposal.speaker.id), proposal.id, "confirm");
    expect((await row(db, proposal.id)).status).toBe("CONFIRMED");
  });

  it("confirming after the confirmation deadline is refused (conflict) and changes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { confirmationDeadline: new Date(Date.now() - 60_000) });
    const proposal = await createProposal(db, { event, status: "accepted" });
    await db.proposal.update({ where: { id: proposal.id }, data: { decidedAt: new Date(Date.now() - 30 * DAY) } });
    const error = await expectDenied(db, "conflict", () => transitionProposal(db, signedInAs(proposal.speaker.id), proposal.id, "confirm"));
    expect(error.message).toMatch(/confirmation deadline passed/);
  });

  it("a talk accepted after the deadline (e.g. promoted) still gets two weeks to confirm", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { confirmationDeadline: new Date(Date.now() - DAY) });
    const proposal = await createProposal(db, { event, status: "accepted" });
    await db.proposal.update({ where: { id: proposal.id }, data: { decidedAt: new Date() } });
    await transitionProposal(db, signedInAs(proposal.speaker.id), proposal.id, "confirm", { now: new Date(Date.now() + 13 * DAY) });
    expect((await row(db, proposal.id)).status).toBe("CONFIRMED");
  });

  it("declining after the confirmation deadline is still allowed: it frees the slot", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { confirmationDeadline: new Date(Date.now() - 60_000) });
    const proposal = await createProposal(db, { event, status: "accepted" });
    await transitionProposal(db, signedInAs(proposal.speaker.id), proposal.id, "decline");
    expect((await row(db, proposal.id)).status).toBe("DECLINED");
  });
});

describe("respondByLink: confirming from the emailed link, signed out", () => {
  it("a valid link confirms for the speaker it names", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { proposal, cospeaker, cospeakerLink } = await acceptedWithLinks(db, event);

    expect(await respondByLink(db, cospeakerLink, "confirm")).toMatchObject({ id: proposal.id, status: "CONFIRMED" });

    expect((await row(db, proposal.id)).status).toBe("CONFIRMED");
    expect((await activityOf(db, proposal.id)).at(-1)).toMatchObject({ actorId: cospeaker.id, data: { transition: "confirm" } });
  });

  it("a valid link declines too", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { proposal, ownerLink } = await acceptedWithLinks(db, event);
    await respondByLink(db, ownerLink, "decline");
    expect((await row(db, proposal.id)).status).toBe("DECLINED");
  });

  it("refuses a link signed with another key (forbidden) and changes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { ownerLink } = await acceptedWithLinks(db, event);
    const [payload] = ownerLink.split(".");
    const forged = `${payload}.${createHmac("sha256", "not-the-server-secret").update(`respond:${payload}`).digest("base64url")}`;
    const error = await expectDenied(db, "forbidden", () => respondByLink(db, forged, "confirm"));
    expect(error.message).toMatch(/not valid/);
  });

  it("refuses a link whose payload was changed to name another proposal (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { ownerLink, proposal } = await acceptedWithLinks(db, event);
    const theirs = await createProposal(db, { event, status: "accepted" });
    const [payload, signature] = ownerLink.split(".");
    const claim = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    expect(claim.p).toBe(proposal.id);
    const tampered = `${Buffer.from(JSON.stringify({ ...claim, p: theirs.id })).toString("base64url")}.${signature}`;

    await expectDenied(db, "forbidden", () => respondByLink(db, tampered, "decline"));
    expect((await row(db, theirs.id)).status).toBe("ACCEPTED");
  });

  it.each(["", "garbage", "a.b.c", "only-a-payload."])("refuses a malformed link %j (forbidden)", async (token) => {
    const db = getDb();
    const event = await createEvent(db);
    await acceptedWithLinks(db, event);
    await expectDenied(db, "forbidden", () => respondByLink(db, token, "confirm"));
  });

  it("refuses an expired link (forbidden, saying it expired) and changes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { ownerLink } = await acceptedWithLinks(db, event);
    const later = new Date(Date.now() + 61 * DAY);
    const error = await expectDenied(db, "forbidden", () => respondByLink(db, ownerLink, "confirm", later));
    expect(error.message).toMatch(/expired/);
    const expired = makeResponseToken({ ...responseLinkIn(`http://x/respond/${ownerLink}`), expiresAt: new Date(Date.now() - 1000) });
    await expectDenied(db, "forbidden", () => respondByLink(db, expired, "decline"));
  });

  it("refuses the link of a speaker who was removed from the proposal since (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { proposal, cospeaker, cospeakerLink } = await acceptedWithLinks(db, event);
    await db.proposalSpeaker.delete({ where: { proposalId_userId: { proposalId: proposal.id, userId: cospeaker.id } } });

    await expectDenied(db, "forbidden", () => respondByLink(db, cospeakerLink, "decline"));
    await expectDomainError(proposalForLink(db, cospeakerLink), "forbidden");
  });

  it("refuses a correctly signed link naming someone who does not speak on the proposal (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { proposal } = await acceptedWithLinks(db, event);
    const stranger = await createUser(db);
    const token = makeResponseToken({ proposalId: proposal.id, userId: stranger.id, expiresAt: new Date(Date.now() + DAY) });
    await expectDenied(db, "forbidden", () => respondByLink(db, token, "confirm"));
    const organizerToken = makeResponseToken({
      proposalId: proposal.id,
      userId: event.organizer.id,
      expiresAt: new Date(Date.now() + DAY),
    });
    await expectDenied(db, "forbidden", () => respondByLink(db, organizerToken, "decline"));
  });

  it("a replayed link after confirming is refused (conflict): the answer stands", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { proposal, ownerLink, cospeakerLink } = await acceptedWithLinks(db, event);
    await respondByLink(db, ownerLink, "confirm");
    const confirmed = await row(db, proposal.id);

    await expectDenied(db, "conflict", () => respondByLink(db, ownerLink, "confirm"));
    await expectDenied(db, "conflict", () => respondByLink(db, ownerLink, "decline"));
    await expectDenied(db, "conflict", () => respondByLink(db, cospeakerLink, "decline"));
    expect(await row(db, proposal.id)).toEqual(confirmed);
  });

  it("confirming by link after the confirmation deadline is refused (conflict); declining is allowed", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { confirmationDeadline: new Date(Date.now() + 30 * DAY) });
    const { proposal, ownerLink } = await acceptedWithLinks(db, event);
    // The organizers moved the deadline earlier after the link was sent.
    await setDecisionSettings(db, event.id, { confirmationDeadline: new Date(Date.now() + 20 * DAY) });
    const now = new Date(Date.now() + 25 * DAY);

    await expectDenied(db, "conflict", () => respondByLink(db, ownerLink, "confirm", now));
    await respondByLink(db, ownerLink, "decline", now);
    expect((await row(db, proposal.id)).status).toBe("DECLINED");
  });

  it("a link expires with the speaker's deadline: after it, the link is refused (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await setDecisionSettings(db, event.id, { confirmationDeadline: new Date(Date.now() + DAY) });
    const { ownerLink } = await acceptedWithLinks(db, event);
    // Published now: the speaker has at least two weeks, and the link lasts exactly that long.
    await respondByLink(db, ownerLink, "confirm", new Date(Date.now() + 13 * DAY));
    await expectDomainError(respondByLink(db, ownerLink, "decline", new Date(Date.now() + 15 * DAY)), "forbidden");
  });
});

describe("proposalForLink: the page behind the link", () => {
  it("shows the proposal as its speaker sees it: title, published status, event, deadline; never the pending decision", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { proposal, ownerLink } = await acceptedWithLinks(db, event);

    const shown = await proposalForLink(db, ownerLink);

    expect(shown).toEqual({
      id: proposal.id,
      title: proposal.title,
      status: "ACCEPTED",
      decidedAt: expect.any(Date),
      event: { name: event.name, timeZone: event.timeZone, confirmationDeadline: null },
    });
    await respondByLink(db, ownerLink, "confirm");
    expect((await proposalForLink(db, ownerLink)).status).toBe("CONFIRMED");
  });

  it("refuses forged, malformed and expired links (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const { ownerLink } = await acceptedWithLinks(db, event);
    await expectDomainError(proposalForLink(db, `${ownerLink}x`), "forbidden");
    await expectDomainError(proposalForLink(db, "nonsense"), "forbidden");
    await expectDomainError(proposalForLink(db, ownerLink, new Date(Date.now() + 61 * DAY)), "forbidden");
  });
});
