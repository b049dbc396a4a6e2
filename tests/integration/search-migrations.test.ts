// The full-text index lives in hand-written SQL of the search migration
// (docs/decisions/0019-search-tags-caps.md): triggers on Proposal,
// ProposalSpeaker, User and (SQLite) ProposalSearch. A later migration that
// rebuilds one of those tables on SQLite (CREATE new_X, copy, DROP X, RENAME)
// silently drops its triggers. These tests run on the database every test
// gets, migrated with every migration in order.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isPostgresRun, useTestDb } from "@/tests/support/test-db";
import { createEvent, createProposal, createUser } from "@/tests/factories";
import { matchingProposalIds } from "@/lib/search/match";

const getDb = useTestDb();

const SQLITE_TRIGGERS = [
  "ProposalSearch_fts_insert",
  "ProposalSearch_fts_delete",
  "ProposalSearch_fts_update",
  "Proposal_search_insert",
  "Proposal_search_update",
  "ProposalSpeaker_search_insert",
  "ProposalSpeaker_search_delete",
  "User_search_name",
];
const POSTGRES_TRIGGERS = ["Proposal_search_content", "ProposalSpeaker_search", "User_search_name"];
/** The tables the triggers hang on. */
const WATCHED = ["Proposal", "ProposalSpeaker", "User", "ProposalSearch"];

const MIGRATIONS = path.join(process.cwd(), "prisma/migrations");
const SEARCH_MIGRATION = "20261207063100_search_tags_caps";

describe("the search migration's triggers after all migrations", () => {
  it("exist on the migrated database", async () => {
    const db = getDb();
    if (isPostgresRun()) {
      const rows = await db.$queryRaw<
        { name: string }[]
      >`SELECT DISTINCT "tgname"::text AS "name" FROM "pg_trigger" WHERE NOT "tgisinternal"`;
      expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(POSTGRES_TRIGGERS));
      const index = await db.$queryRaw<{ name: string }[]>`
        SELECT "indexname"::text AS "name" FROM "pg_indexes" WHERE "indexname" = 'ProposalSearch_document_idx'`;
      expect(index).toHaveLength(1);
    } else {
      const rows = await db.$queryRaw<{ name: string; tbl: string }[]>`
        SELECT "name", "tbl_name" AS "tbl" FROM "sqlite_master" WHERE "type" = 'trigger'`;
      expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(SQLITE_TRIGGERS));
      const fts = await db.$queryRaw<{ name: string }[]>`SELECT "name" FROM "sqlite_master" WHERE "name" = 'ProposalSearchFts'`;
      expect(fts).toHaveLength(1);
    }
  });

  it("no later SQLite migration rebuilds a table the triggers are on (it would drop them)", () => {
    const later = readdirSync(MIGRATIONS)
      .filter((name) => /^\d{14}_/.test(name) && name > SEARCH_MIGRATION)
      .map((name) => ({ name, sql: readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8") }));
    for (const { name, sql } of later) {
      for (const table of WATCHED) {
        // A rebuild drops the table; a migration that does must create the search triggers again.
        if (sql.includes(`DROP TABLE "${table}";`)) expect(sql, `${name} rebuilds ${table}`).toContain("CREATE TRIGGER");
      }
    }
    expect(readdirSync(MIGRATIONS)).toContain(SEARCH_MIGRATION);
  });

  it("keeps the index right through inserts, edits, speaker changes, renames and deletes", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db, { name: "Philippa Wombat" });
    const a = await createProposal(db, { event, speaker, title: "Lifetimes", abstract: "Narwhal variance explained." });
    const b = await createProposal(db, { event, title: "Unsafe", abstract: "Raw pointers for narwhal fans." });
    await db.proposal.update({ where: { id: b.id }, data: { abstract: "Raw pointers, nothing else." } });
    await db.user.update({ where: { id: speaker.id }, data: { name: "Philippa Okapi" } });
    const co = await createUser(db, { name: "Ignatius Pangolin" });
    await db.proposalSpeaker.create({ data: { proposalId: b.id, userId: co.id, role: "COSPEAKER" } });
    const gone = await createProposal(db, { event, abstract: "Narwhal, soon deleted." });
    await db.proposal.delete({ where: { id: gone.id } });

    expect(await matchingProposalIds(db, event.id, ["narwhal"], "organizer")).toEqual([a.id]);
    expect(await matchingProposalIds(db, event.id, ["okapi"], "organizer")).toEqual([a.id]);
    expect(await matchingProposalIds(db, event.id, ["wombat"], "organizer")).toEqual([]);
    expect(await matchingProposalIds(db, event.id, ["pangolin"], "organizer")).toEqual([b.id]);
    // One index row per proposal, none left over.
    const proposals = await db.proposal.count();
    expect(await db.proposalSearch.count()).toBe(proposals);
    if (!isPostgresRun()) {
      // FTS5's own check: the index matches its content table (ProposalSearch) row for row; it throws if not.
      await db.$executeRawUnsafe(`INSERT INTO "ProposalSearchFts" ("ProposalSearchFts", "rank") VALUES ('integrity-check', 1)`);
    }
  });
});
