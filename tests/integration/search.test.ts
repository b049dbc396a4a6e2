import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { createEvent, createProposal, createUser } from "@/tests/factories";
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
