// The migration that introduced stable identifiers backfills rows that
// existed before it, on the database the run uses: every proposal a code, a
// number per event in creation order and a guid; every user a code; each
// event's counter at its proposal count, so new proposals continue from there.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "@/tests/support/paths";
import { isPostgresRun } from "@/tests/support/test-db";
import { connectAdmin, createDatabase, databaseUrl, dropDatabase, scratchName } from "@/scripts/lib/postgres";

const MIGRATION = "20261207050308_stable_identifiers";
const CODE = /^[ABCDEFGHJKLMNPQRSTUVWXYZ3789]{6}$/;

function migrationsUpTo(dir: string): { before: string[]; it: string } {
  const names = readdirSync(dir)
    .filter((n) => /^\d{14}_/.test(n))
    .sort();
  const sql = (n: string) => readFileSync(path.join(dir, n, "migration.sql"), "utf8");
  return { before: names.slice(0, names.indexOf(MIGRATION)).map(sql), it: sql(MIGRATION) };
}

/** Rows as they were before the migration: two events, 30 users, 30 proposals (20 in one event, 10 in the other). */
const SEED = (now: string) => [
  `INSERT INTO "Organization" ("id", "name", "slug") VALUES ('o', 'O', 'o')`,
  `INSERT INTO "Event" ("id", "organizationId", "name", "slug", "cfpOpensAt", "cfpClosesAt", "updatedAt") VALUES ('e1', 'o', 'E1', 'e1', ${now}, ${now}, ${now}), ('e2', 'o', 'E2', 'e2', ${now}, ${now}, ${now}), ('e3', 'o', 'E3', 'e3', ${now}, ${now}, ${now})`,
  `INSERT INTO "SessionType" ("id", "eventId", "name", "durationMinutes") VALUES ('s1', 'e1', 'T', 30), ('s2', 'e2', 'T', 30)`,
  ...Array.from({ length: 30 }, (_, i) => {
    const e = i % 3 === 0 ? "2" : "1";
    const pad = String(i).padStart(2, "0");
    return [
      `INSERT INTO "User" ("id", "email", "createdAt", "updatedAt") VALUES ('u${pad}', 'u${i}@x', ${now}, ${now})`,
      `INSERT INTO "Talk" ("id", "ownerId", "title", "abstract", "updatedAt") VALUES ('t${pad}', 'u${pad}', 't', 'a', ${now})`,
      `INSERT INTO "Proposal" ("id", "eventId", "talkId", "title", "abstract", "level", "sessionTypeId", "createdAt", "updatedAt") VALUES ('p${pad}', 'e${e}', 't${pad}', 't', 'a', 'BEGINNER', 's${e}', ${now}, ${now})`,
    ];
  }).flat(),
];

type Rows = {
  proposals: { id: string; code: string; number: number; guid: string; eventId: string }[];
  users: { code: string }[];
  events: { id: string; lastProposalNumber: number }[];
};

function expectBackfilled({ proposals, users, events }: Rows) {
  expect(proposals).toHaveLength(30);
  for (const p of [...proposals, ...users]) expect(p.code).toMatch(CODE);
  expect(new Set(proposals.map((p) => p.code)).size).toBe(30);
  expect(new Set(users.map((u) => u.code)).size).toBe(30);
  expect(new Set(proposals.map((p) => p.guid)).size).toBe(30);
  for (const p of proposals) expect(p.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // Same creation time: ties go by id, so numbers follow the ids within each event.
  for (const eventId of ["e1", "e2"]) {
    const mine = proposals.filter((p) => p.eventId === eventId).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(mine.map((p) => Number(p.number))).toEqual(mine.map((_, i) => i + 1));
  }
  expect(Object.fromEntries(events.map((e) => [e.id, Number(e.lastProposalNumber)]))).toEqual({ e1: 20, e2: 10, e3: 0 });
}

describe("the stable identifiers migration backfills existing rows", () => {
  it.skipIf(isPostgresRun())("on SQLite", () => {
    const { before, it: migration } = migrationsUpTo(path.join(REPO_ROOT, "prisma/migrations"));
    const db = new Database(":memory:");
    try {
      for (const sql of before) db.exec(sql);
      for (const sql of SEED("0")) db.exec(sql);
      db.exec(migration);
      expectBackfilled({
        proposals: db.prepare(`SELECT "id", "code", "number", "guid", "eventId" FROM "Proposal"`).all() as Rows["proposals"],
        users: db.prepare(`SELECT "code" FROM "User"`).all() as Rows["users"],
        events: db.prepare(`SELECT "id", "lastProposalNumber" FROM "Event"`).all() as Rows["events"],
      });
      expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    } finally {
      db.close();
    }
  });

  it.runIf(isPostgresRun())("on PostgreSQL", async () => {
    const { before, it: migration } = migrationsUpTo(path.join(REPO_ROOT, "prisma/postgres/migrations"));
    const admin = await connectAdmin();
    const name = scratchName("t", "idmig", process.pid, Date.now());
    await createDatabase(admin, name);
    const client = new pg.Client({ connectionString: databaseUrl(name) });
    try {
      await client.connect();
      for (const sql of before) await client.query(sql);
      for (const sql of SEED("now()")) await client.query(sql);
      await client.query(migration);
      expectBackfilled({
        proposals: (await client.query(`SELECT "id", "code", "number", "guid", "eventId" FROM "Proposal"`)).rows,
        users: (await client.query(`SELECT "code" FROM "User"`)).rows,
        events: (await client.query(`SELECT "id", "lastProposalNumber" FROM "Event"`)).rows,
      });
    } finally {
      await client.end();
      await dropDatabase(admin, name);
      await admin.end();
    }
  });
});
