import { signedInAs } from "@/lib/auth/actor";
import { describe, expect, it } from "vitest";
import { bulkProposalIdentifiers } from "@/tests/factories/identifiers";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";
import { likelyDuplicates } from "@/lib/duplicates/likely-duplicates";
import { RUST_TALKS } from "@/tests/factories/proposals";
import { expectDomainError } from "./helpers";

const getDb = useTestDb();
const talk = RUST_TALKS[0];

describe("likely duplicates", () => {
  it("pairs proposals that share a speaker and have very similar titles or abstracts", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const a = await createProposal(db, { event, speaker, title: talk.title, abstract: talk.abstract });
    const b = await createProposal(db, { event, speaker, title: "Async Rust without the tears: Pin and Wakers", abstract: "New words." });
    const co = await createProposal(db, { event, cospeakers: [speaker], title: "Other title", abstract: talk.abstract });
    // Same text, but nobody in common: not flagged (two people may pick one topic).
    const stranger = await createProposal(db, { event, title: talk.title, abstract: talk.abstract });
    await createProposal(db, { event, speaker, title: RUST_TALKS[1].title, abstract: RUST_TALKS[1].abstract });
    const found = await likelyDuplicates(db, signedInAs(event.organizer.id), event.id);
    expect([...found.keys()].sort()).toEqual([a.id, b.id, co.id].sort());
    expect(
      found
        .get(a.id)!
        .map((d) => d.id)
        .sort(),
    ).toEqual([b.id, co.id].sort());
    expect(found.has(stranger.id)).toBe(false);
    // For one page's rows: the same pairs, those rows only.
    const forB = await likelyDuplicates(db, signedInAs(event.organizer.id), event.id, { onlyFor: [b.id] });
    expect(forB.get(b.id)).toEqual(found.get(b.id));
    expect(forB.has(co.id)).toBe(false);
  });

  it("leaves out withdrawn proposals, drafts and proposals the organizer speaks on", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    await createProposal(db, { event, speaker, title: talk.title, abstract: talk.abstract });
    await createProposal(db, { event, speaker, status: "withdrawn", title: talk.title, abstract: talk.abstract });
    await createProposal(db, { event, speaker, status: "draft", title: talk.title, abstract: talk.abstract });
    expect((await likelyDuplicates(db, signedInAs(event.organizer.id), event.id)).size).toBe(0);
    const speaking = await addOrganizer(db, event, speaker);
    await createProposal(db, { event, speaker, title: talk.title, abstract: talk.abstract });
    expect((await likelyDuplicates(db, signedInAs(speaking.id), event.id)).size).toBe(0);
    expect((await likelyDuplicates(db, signedInAs(event.organizer.id), event.id)).size).toBe(2);
  });

  it("is for organizers only", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const p = await createProposal(db, { event });
    await expectDomainError(() => likelyDuplicates(db, signedInAs(null), event.id), "unauthenticated");
    await expectDomainError(likelyDuplicates(db, signedInAs((await addReviewer(db, event)).id), event.id), "forbidden");
    await expectDomainError(likelyDuplicates(db, signedInAs(p.speaker.id), event.id), "not_found");
    await expectDomainError(likelyDuplicates(db, signedInAs((await createEvent(db)).organizer.id), event.id), "not_found");
  });

  it("is computed for 1,000 proposals in well under a second of CPU", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speakers = await Promise.all(Array.from({ length: 100 }, () => createUser(db)));
    const talks = await db.talk.createManyAndReturn({
      data: Array.from({ length: 1000 }, (_, i) => ({
        ownerId: speakers[i % 100].id,
        title: `${RUST_TALKS[i % RUST_TALKS.length].title} (${i})`,
        abstract: `${RUST_TALKS[(i * 7) % RUST_TALKS.length].abstract} Variant ${i}.`,
      })),
    });
    const ids = await bulkProposalIdentifiers(db, event.id, talks.length);
    const proposals = await db.proposal.createManyAndReturn({
      data: talks.map((t, i) => ({
        ...ids[i],
        ...{ title: t.title, abstract: t.abstract },
        eventId: event.id,
        talkId: t.id,
        level: t.level,
        sessionTypeId: event.sessionTypes[0].id,
        status: "SUBMITTED" as const,
      })),
    });
    await db.proposalSpeaker.createMany({ data: proposals.map((p, i) => ({ proposalId: p.id, userId: speakers[i % 100].id })) });
    // CPU time of this process (the query on SQLite, the shingling on both), not the wall clock.
    const start = process.cpuUsage();
    const result = await likelyDuplicates(db, signedInAs(event.organizer.id), event.id);
    const { user, system } = process.cpuUsage(start);
    expect(result.size).toBeGreaterThan(0);
    expect((user + system) / 1000).toBeLessThan(1500);
  });
});
