import { signedInAs } from "@/lib/auth/actor";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { addReviewer, createEvent, createProposal, createReview, createSpeaker, createUser } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { exportOwnData } from "@/lib/own-data/export";
import { eraseOwnAccount, eraseSpeakerOnRequest, erasureSummary } from "@/lib/own-data/erase";
import { expectDenied, expectDomainError } from "./helpers";
import { reindexAnswers } from "@/lib/questions/search-text";
import { matchingProposalIds } from "@/lib/search/match";
import { searchTerms } from "@/lib/search/terms";

const getDb = useTestDb();

/** A speaker with one proposal in each situation the erasure rule distinguishes, and a colleague's review of theirs. */
async function speakerWithEverything(db: Db) {
  const event = await createEvent(db);
  const speaker = await createSpeaker(db, {
    email: "mara@example.org",
    name: "Mara Chen",
    profile: { bio: "Rustacean.", company: "Ferrous" },
  });
  const cospeaker = await createUser(db, { name: "Jonas Weber" });
  const draft = await createProposal(db, { event, speaker, status: "draft" });
  const submitted = await createProposal(db, { event, speaker, status: "submitted" });
  const accepted = await createProposal(db, { event, speaker, status: "accepted" });
  const rejected = await createProposal(db, { event, speaker, status: "rejected" });
  const shared = await createProposal(db, { event, speaker, status: "submitted", cospeakers: [cospeaker] });
  await db.session.create({ data: { userId: speaker.id, sessionToken: "mara-session", expires: new Date(Date.now() + 86_400_000) } });
  return { event, speaker, cospeaker, draft, submitted, accepted, rejected, shared };
}

describe("own data: export", () => {
  it("gives the signed-in person their account, profile, proposals, reviews and emails, and nothing secret", async () => {
    const db = getDb();
    const s = await speakerWithEverything(db);
    const reviewer = await addReviewer(db, s.event, await createUser(db, { email: "rosa@example.org" }));
    await createReview(db, { proposal: s.submitted, reviewer, comment: "Clear and useful." });
    await db.outboxEmail.create({
      data: { to: "mara@example.org", subject: "Accepted", text: "Confirm: https://cfp.example/respond/abc.def", kind: "accepted" },
    });

    const data = await exportOwnData(db, signedInAs(s.speaker.id));
    const { code } = await db.user.findUniqueOrThrow({ where: { id: s.speaker.id }, select: { code: true } });
    expect(data.account).toMatchObject({
      code,
      email: "mara@example.org",
      name: "Mara Chen",
      profile: { bio: "Rustacean.", company: "Ferrous" },
    });
    expect(data.proposals).toHaveLength(5);
    expect(
      data.proposals
        .find((p) => p.id === s.shared.id)
        ?.speakers.map((x) => x.name)
        .sort(),
    ).toEqual(["Jonas Weber", "Mara Chen"]);
    expect(data.emails).toHaveLength(1);
    expect(JSON.stringify(data)).not.toContain("respond/abc.def");
    expect(JSON.stringify(data)).not.toContain("mara-session");
    // A colleague's review of Mara's talk is the colleague's, not hers.
    expect(JSON.stringify(data)).not.toContain("Clear and useful.");
    expect(JSON.stringify(data)).not.toContain("rosa@example.org");

    const rosa = await exportOwnData(db, signedInAs(reviewer.id));
    expect(rosa.account.reviews).toEqual([expect.objectContaining({ comment: "Clear and useful." })]);
  });

  it("refuses anonymous requests", async () => {
    await expectDomainError(() => exportOwnData(getDb(), signedInAs(null)), "unauthenticated");
  });
});

describe("own data: erasing an account", () => {
  it("tells a speaker with accepted talks what will happen first", async () => {
    const db = getDb();
    const s = await speakerWithEverything(db);
    const summary = await erasureSummary(db, signedInAs(s.speaker.id));
    expect(summary.acceptedTalks.map((p) => p.id)).toEqual([s.accepted.id]);
    const outcome = new Map(summary.proposals.map((p) => [p.id, p.outcome]));
    expect(outcome.get(s.draft.id)).toBe("deleted");
    expect(outcome.get(s.submitted.id)).toBe("withdrawn");
    expect(outcome.get(s.rejected.id)).toBe("anonymized");
    expect(outcome.get(s.shared.id)).toBe("kept by co-speakers");
  });

  it("erases profile and identity, withdraws or anonymizes proposals by the rule, and keeps reviews as a former reviewer", async () => {
    const db = getDb();
    const s = await speakerWithEverything(db);
    // Mara also reviews for another event: her reviews stay, the ranking does not move.
    const other = await createEvent(db);
    await addReviewer(db, other, s.speaker);
    const theirs = await createProposal(db, { event: other });
    await createReview(db, { proposal: theirs, reviewer: s.speaker, score: 5 });
    const statsBefore = await db.proposalStats.findUnique({ where: { proposalId: theirs.id } });

    await db.proposalActivity.create({
      data: {
        proposalId: s.rejected.id,
        kind: "email",
        data: JSON.stringify({ to: "mara@example.org", kind: "rejected", subject: "Sorry" }),
      },
    });
    const codesBefore = {
      user: (await db.user.findUniqueOrThrow({ where: { id: s.speaker.id } })).code,
      rejected: (await db.proposal.findUniqueOrThrow({ where: { id: s.rejected.id } })).code,
    };
    await eraseOwnAccount(db, signedInAs(s.speaker.id), "delete");
    expect(await db.proposalActivity.count({ where: { data: { contains: "mara@example.org" } } })).toBe(0);

    const statuses = new Map((await db.proposal.findMany({ select: { id: true, status: true } })).map((p) => [p.id, p.status]));
    expect(statuses.has(s.draft.id)).toBe(false);
    expect(statuses.get(s.submitted.id)).toBe("WITHDRAWN");
    expect(statuses.get(s.accepted.id)).toBe("WITHDRAWN");
    expect(statuses.get(s.rejected.id)).toBe("REJECTED");
    expect(statuses.get(s.shared.id)).toBe("SUBMITTED");
    expect(await db.proposalSpeaker.findMany({ where: { proposalId: s.shared.id }, select: { userId: true, role: true } })).toEqual([
      { userId: s.cospeaker.id, role: "OWNER" },
    ]);
    expect(await db.proposalSpeaker.count({ where: { userId: s.speaker.id } })).toBe(0);

    const tomb = await db.user.findUniqueOrThrow({ where: { id: s.speaker.id } });
    expect(tomb).toMatchObject({ name: "Former reviewer", email: expect.stringMatching(/@erased\.invalid$/) });
    expect(tomb.deletedAt).not.toBeNull();
    // Erasure keeps the stable identifiers: they name no one.
    expect(tomb.code).toBe(codesBefore.user);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: s.rejected.id } })).code).toBe(codesBefore.rejected);
    expect(await db.user.count({ where: { email: "mara@example.org" } })).toBe(0);
    expect(await db.speakerProfile.count({ where: { userId: s.speaker.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: s.speaker.id } })).toBe(0);
    expect(await db.eventMember.count({ where: { userId: s.speaker.id } })).toBe(0);
    expect(await db.review.count({ where: { reviewerId: s.speaker.id } })).toBe(1);
    expect(await db.proposalStats.findUnique({ where: { proposalId: theirs.id } })).toEqual(statsBefore);
    // Withdrawals went through the lifecycle: logged like any other.
    expect(await db.proposalActivity.count({ where: { proposalId: s.accepted.id, kind: "status" } })).toBe(1);
    // The erased account exports nothing.
    await expectDomainError(exportOwnData(db, signedInAs(s.speaker.id)), "not_found");
  });

  it("erases the person's answers to speaker questions and their proposals' personal-data answers; search forgets them", async () => {
    const db = getDb();
    const s = await speakerWithEverything(db);
    const ask = (target: "SPEAKER" | "SUBMISSION", question: string, personalData: boolean) =>
      db.question.create({ data: { eventId: s.event.id, target, variant: "STRING", question, personalData, visibleToReviewers: true } });
    const phone = await ask("SUBMISSION", "Phone", true);
    const demo = await ask("SUBMISSION", "Demo needs", false);
    const pronouns = await ask("SPEAKER", "Pronouns", false);
    await db.answer.createMany({
      data: [
        { questionId: phone.id, proposalId: s.rejected.id, answer: "0612345678" },
        { questionId: demo.id, proposalId: s.rejected.id, answer: "Beamer" },
        { questionId: pronouns.id, speakerId: s.speaker.id, answer: "xenpronoun" },
      ],
    });
    await db.$transaction((tx) => reindexAnswers(tx, s.event.id, [s.rejected.id]));
    expect(await matchingProposalIds(db, s.event.id, searchTerms("xenpronoun"), "organizer")).toEqual([s.rejected.id]);

    await eraseOwnAccount(db, signedInAs(s.speaker.id), "DELETE");

    const left = await db.answer.findMany({ where: { questionId: { in: [phone.id, demo.id, pronouns.id] } }, select: { answer: true } });
    expect(left.map((a) => a.answer)).toEqual(["Beamer"]);
    expect(await matchingProposalIds(db, s.event.id, searchTerms("xenpronoun"), "organizer")).toEqual([]);
    expect(await matchingProposalIds(db, s.event.id, searchTerms("0612345678"), "organizer")).toEqual([]);
  });

  it("changes nothing unless the person confirms, and never takes an event's last organizer", async () => {
    const db = getDb();
    const s = await speakerWithEverything(db);
    await expectDenied(db, "invalid", () => eraseOwnAccount(db, signedInAs(s.speaker.id), "yes"));
    await expectDenied(db, "unauthenticated", () => eraseOwnAccount(db, signedInAs(null), "DELETE"));
    const error = await expectDenied(db, "conflict", () => eraseOwnAccount(db, signedInAs(s.event.organizer.id), "DELETE"));
    expect(error.message).toContain(s.event.name);
  });
});

describe("own data: an organizer erases a speaker on request", () => {
  it("applies the same rule", async () => {
    const db = getDb();
    const s = await speakerWithEverything(db);
    await eraseSpeakerOnRequest(db, signedInAs(s.event.organizer.id), s.event.id, s.speaker.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: s.speaker.id } })).name).toBe("Former speaker");
    expect((await db.proposal.findUniqueOrThrow({ where: { id: s.accepted.id } })).status).toBe("WITHDRAWN");
  });

  it("is refused to reviewers, other events' organizers, for non-speakers and for team members", async () => {
    const db = getDb();
    const s = await speakerWithEverything(db);
    const other = await createEvent(db);
    const reviewer = await addReviewer(db, s.event);
    await expectDenied(db, "unauthenticated", () => eraseSpeakerOnRequest(db, signedInAs(null), s.event.id, s.speaker.id));
    await expectDenied(db, "forbidden", () => eraseSpeakerOnRequest(db, signedInAs(reviewer.id), s.event.id, s.speaker.id));
    await expectDenied(db, "not_found", () => eraseSpeakerOnRequest(db, signedInAs(other.organizer.id), s.event.id, s.speaker.id));
    await expectDenied(db, "not_found", () => eraseSpeakerOnRequest(db, signedInAs(other.organizer.id), other.id, s.speaker.id));
    await expectDenied(db, "not_found", () => eraseSpeakerOnRequest(db, signedInAs(s.event.organizer.id), s.event.id, reviewer.id));
    // A speaker who also reviews somewhere erases themselves.
    await addReviewer(db, other, s.cospeaker);
    await expectDenied(db, "forbidden", () => eraseSpeakerOnRequest(db, signedInAs(s.event.organizer.id), s.event.id, s.cospeaker.id));
    // Only-draft speakers are not the organizer's to see.
    const drafter = await createProposal(db, { event: s.event, status: "draft" });
    await expectDenied(db, "not_found", () => eraseSpeakerOnRequest(db, signedInAs(s.event.organizer.id), s.event.id, drafter.speaker.id));
  });
});
