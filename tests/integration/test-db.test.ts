import { describe, expect, it } from "vitest";
import pg from "pg";
import { useTestDb, getTestDbUrl, isPostgresRun } from "@/tests/support/test-db";
import { addReviewer, createEvent, createProposal, createReview, createUser } from "@/tests/factories";

const getDb = useTestDb();
const urls: string[] = [];
/** A connection the first test leaves open, as a leaked client would (PostgreSQL). */
let leaked: pg.Client | null = null;

// The two tests run in order; the second must see nothing the first wrote.
describe("fresh database per test", () => {
  it("builds an event with proposals and reviews from factories", async () => {
    const db = getDb();
    urls.push(getTestDbUrl());

    const organizer = await createUser(db, { name: "Ada Organizer", email: "ada@example.com" });
    const event = await createEvent(db, { organizer, cfp: "open" });
    expect(event.sessionTypes.map((s) => [s.name, s.durationMinutes])).toEqual([
      ["Talk", 30],
      ["Lightning talk", 10],
    ]);
    expect(event.tracks).toHaveLength(2);
    expect(event.cfpOpensAt.getTime()).toBeLessThan(Date.now());
    expect(event.cfpClosesAt.getTime()).toBeGreaterThan(Date.now());
    expect(await db.eventMember.findMany({ where: { eventId: event.id } })).toMatchObject([{ userId: organizer.id, role: "ORGANIZER" }]);

    const reviewer = await addReviewer(db, event);
    const draft = await createProposal(db, { event, status: "draft" });
    const submitted = await createProposal(db, { event, status: "submitted", sessionType: "lightning" });
    const accepted = await createProposal(db, { event, speaker: submitted.speaker, status: "accepted" });
    expect(draft).toMatchObject({ status: "DRAFT", submittedAt: null, decidedAt: null, title: draft.talk.title });
    expect(submitted.sessionTypeId).toBe(event.sessionTypes[1].id);
    expect(accepted.decidedAt).toBeInstanceOf(Date);

    await createReview(db, { proposal: submitted, reviewer, score: 4 });
    await createReview(db, { proposal: submitted, reviewer: organizer, score: 1 });
    expect(await db.proposalStats.findUnique({ where: { proposalId: submitted.id } })).toMatchObject({
      reviewCount: 2,
      // Scores are normalized to 0..1: 4 of 1–5 is 0.75, 1 is 0.
      scoreSum: 0.75,
      avgScore: 0.375,
    });

    expect(await db.proposalSpeaker.count({ where: { userId: submitted.speaker.id, role: "OWNER" } })).toBe(2);
    expect(await db.proposal.count()).toBe(3);
    expect(await db.user.count()).toBe(4); // organizer, reviewer, two speakers
    if (isPostgresRun()) {
      leaked = new pg.Client({ connectionString: getTestDbUrl() });
      await leaked.connect();
      leaked.on("error", () => {});
    }
  });

  it("starts the next test with an empty, migrated database", async () => {
    const db = getDb();
    urls.push(getTestDbUrl());
    // SQLite: a new copy of the template; PostgreSQL: the file's copy, emptied.
    if (!isPostgresRun()) expect(urls[0]).not.toBe(urls[1]);

    expect(await db.user.count()).toBe(0);
    expect(await db.event.count()).toBe(0);
    expect(await db.proposal.count()).toBe(0);
    expect(await db.review.count()).toBe(0);
    // The same email as in the first test is free again.
    await expect(createUser(db, { email: "ada@example.com" })).resolves.toMatchObject({ email: "ada@example.com" });
    // Nothing from the first test still reaches the database: its connections were ended.
    if (leaked) await expect(leaked.query("SELECT 1")).rejects.toThrow();
  });

  it.skipIf(isPostgresRun())("gives SQLite copies the template's WAL mode (SQLite only: a file setting)", async () => {
    const [{ journal_mode }] = await getDb().$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(journal_mode).toBe("wal");
  });

  it.runIf(isPostgresRun())("runs on its test file's own PostgreSQL database, a copy of the migrated template", async () => {
    const [{ db, migrations }] = await getDb().$queryRawUnsafe<{ db: string; migrations: number }[]>(
      `SELECT current_database()::text AS db, (SELECT count(*)::int FROM "_prisma_migrations") AS migrations`,
    );
    expect(db).toMatch(/^cfp_t_\d+_\d+_[0-9a-f]+_\d+_[0-9a-f]+$/); // cfp_t_<time>_<pid>_<run>_<seq>_<random>
    expect(getTestDbUrl()).toContain(`/${db}`);
    expect(migrations).toBeGreaterThan(0);
  });
});
