import { signedInAs } from "@/lib/auth/actor";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";
import { listEventProposals, listQuery } from "@/lib/proposals/organizer-list";
import { rankingQuery } from "@/lib/reviews/ranking/query";
import { rankingPage } from "@/lib/reviews/ranking/ranking-page";
import { reviewerQueue } from "@/lib/reviews/queue";
import { expectDomainError } from "./helpers";
import { matchingProposalIds } from "@/lib/search/match";
import { indexAnswers } from "@/lib/search/index-answers";
import { searchTerms } from "@/lib/search/terms";

const getDb = useTestDb();

describe("the full-text index", () => {
  it("finds a proposal by a word of its abstract, as a prefix, all words required", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const a = await createProposal(db, { event, title: "Pin and wakers", abstract: "We build a tiny executor from scratch." });
    await createProposal(db, { event, title: "Macros", abstract: "A derive macro end to end." });
    expect(await matchingProposalIds(db, event.id, searchTerms("executor"), "organizer")).toEqual([a.id]);
    expect(await matchingProposalIds(db, event.id, searchTerms("EXEC"), "organizer")).toEqual([a.id]);
    expect(await matchingProposalIds(db, event.id, searchTerms("tiny macro"), "organizer")).toEqual([]);
  });

  it("follows edits of the proposal and stays within the event", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const p = await createProposal(db, { event, abstract: "Nothing special." });
    await createProposal(db, { event: other, abstract: "A quokka on stage." });
    expect(await matchingProposalIds(db, event.id, ["quokka"], "organizer")).toEqual([]);
    await db.proposal.update({ where: { id: p.id }, data: { abstract: "Quokkas everywhere." } });
    expect(await matchingProposalIds(db, event.id, ["quokka"], "organizer")).toEqual([p.id]);
    await db.proposal.delete({ where: { id: p.id } });
    expect(await matchingProposalIds(db, event.id, ["quokka"], "organizer")).toEqual([]);
  });

  it("matches speakers' names for organizers and open reviewers, never for blind reviewers", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db, { name: "Zebulon Quartermaine" });
    const p = await createProposal(db, { event, speaker, abstract: "Borrow checking." });
    expect(await matchingProposalIds(db, event.id, ["zebulon"], "organizer")).toEqual([p.id]);
    expect(await matchingProposalIds(db, event.id, ["zebulon"], "reviewer")).toEqual([p.id]);
    expect(await matchingProposalIds(db, event.id, ["zebulon"], "blindReviewer")).toEqual([]);
    await db.user.update({ where: { id: speaker.id }, data: { name: "Ada Renamed" } });
    expect(await matchingProposalIds(db, event.id, ["zebulon"], "organizer")).toEqual([]);
    expect(await matchingProposalIds(db, event.id, ["renamed"], "organizer")).toEqual([p.id]);
    const co = await createUser(db, { name: "Cosimo Partner" });
    await db.proposalSpeaker.create({ data: { proposalId: p.id, userId: co.id, role: "COSPEAKER" } });
    expect(await matchingProposalIds(db, event.id, ["cosimo"], "organizer")).toEqual([p.id]);
  });

  it("indexes answers by who may read them (indexAnswers, the one write path for answers)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const p = await createProposal(db, { event });
    await db.$transaction((tx) => indexAnswers(tx, p.id, { answers: "mentoring wanted", identity: "Lisbon", internal: "travelgrant" }));
    for (const [word, reaches] of [
      ["mentoring", ["organizer", "reviewer", "blindReviewer"]],
      ["lisbon", ["organizer", "reviewer"]],
      ["travelgrant", ["organizer"]],
    ] as const) {
      for (const reach of ["organizer", "reviewer", "blindReviewer"] as const) {
        expect(await matchingProposalIds(db, event.id, [word], reach), `${word} as ${reach}`).toEqual(
          (reaches as readonly string[]).includes(reach) ? [p.id] : [],
        );
      }
    }
  });
});

describe("search in the lists", () => {
  async function setup(blindReview: boolean) {
    const db = getDb();
    const event = await createEvent(db, { blindReview });
    const speaker = await createUser(db, { name: "Xavier Quillfeather" });
    const p = await createProposal(db, { event, speaker, title: "Embedded things", abstract: "A tour of embassy on a microcontroller." });
    await createProposal(db, { event, title: "Web things", abstract: "Axum, tower and friends." });
    const reviewer = await addReviewer(db, event);
    return { db, event, p, reviewer };
  }

  it("finds a proposal by a word of its abstract in the organizer list and the ranking", async () => {
    const { db, event, p } = await setup(true);
    const list = await listEventProposals(db, signedInAs(event.organizer.id), event.id, listQuery.parse({ q: "microcontroller" }));
    expect(list.rows.map((r) => r.id)).toEqual([p.id]);
    expect(list.total).toBe(1);
    const ranking = await rankingPage(db, signedInAs(event.organizer.id), event.id, rankingQuery.parse({ q: "embassy micro" }));
    expect(ranking.rows.map((r) => r.id)).toEqual([p.id]);
    // Organizers find speakers by name.
    expect((await listEventProposals(db, signedInAs(event.organizer.id), event.id, listQuery.parse({ q: "quillfeather" }))).total).toBe(1);
    // Words that are not words (only punctuation) do not filter.
    expect((await listEventProposals(db, signedInAs(event.organizer.id), event.id, listQuery.parse({ q: " ?! " }))).total).toBe(2);
  });

  it("a blind reviewer's search never matches a speaker's name; the proposal's own words do", async () => {
    const { db, event, p, reviewer } = await setup(true);
    expect((await reviewerQueue(db, signedInAs(reviewer.id), event.id, { q: "Quillfeather" })).items).toEqual([]);
    expect((await reviewerQueue(db, signedInAs(reviewer.id), event.id, { q: "Xavier" })).matching).toBe(0);
    expect((await reviewerQueue(db, signedInAs(reviewer.id), event.id, { q: "embassy" })).items.map((i) => i.id)).toEqual([p.id]);
  });

  it("without blind review a reviewer finds speakers by name", async () => {
    const { db, event, p, reviewer } = await setup(false);
    expect((await reviewerQueue(db, signedInAs(reviewer.id), event.id, { q: "quillfeather" })).items.map((i) => i.id)).toEqual([p.id]);
  });

  it("reviewers, speakers, anonymous users and other events' organizers cannot search the organizer list", async () => {
    const { db, event, p, reviewer } = await setup(true);
    const q = listQuery.parse({ q: "microcontroller" });
    await expectDomainError(() => listEventProposals(db, signedInAs(null), event.id, q), "unauthenticated");
    await expectDomainError(listEventProposals(db, signedInAs(reviewer.id), event.id, q), "forbidden");
    await expectDomainError(listEventProposals(db, signedInAs(p.speaker.id), event.id, q), "not_found");
    await expectDomainError(listEventProposals(db, signedInAs((await createEvent(db)).organizer.id), event.id, q), "not_found");
    await expectDomainError(rankingPage(db, signedInAs(reviewer.id), event.id, rankingQuery.parse({ q: "embassy" })), "forbidden");
    await expectDomainError(reviewerQueue(db, signedInAs(p.speaker.id), event.id, { q: "embassy" }), "not_found");
  });
});
