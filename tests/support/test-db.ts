// A fresh, migrated database for every integration test.
//
//   import { useTestDb } from "@/tests/support/test-db";
//   const getDb = useTestDb();          // registers beforeEach/afterEach
//   it("...", async () => { const db = getDb(); ... });
//
// The backend is chosen by TEST_DATABASE ("sqlite", the default, or
// "postgres"). A backend is only a `TestDbDriver`: something that hands out a
// database URL for one test and disposes of it afterwards; createDb() already
// understands both URL kinds. Both start from a template that
// tests/support/global-setup.ts migrated once per run, so no test sees
// another's rows:
//   sqlite: each test gets its own copy of the template file (about 1 ms).
//   postgres: each test file gets one copy (CREATE DATABASE cfp_t_...
//   TEMPLATE cfp_tpl_...), emptied before each of its tests and dropped after
//   the last; names carry the run id, the pid and a random suffix so parallel
//   runs never collide. PG_ADMIN_URL (default
//   postgresql://postgres@127.0.0.1:5432/postgres) says which server.
//
// isPostgresRun() lets the few SQLite-only tests skip themselves.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { afterAll, afterEach, beforeEach, inject } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { TMP_DIR } from "./paths";
import { removeSqliteFiles } from "@/scripts/lib/sqlite-files";
import { connectAdmin, createDatabase, databaseUrl, dropDatabases, scratchName } from "@/scripts/lib/postgres";

export interface TestDatabase {
  url: string;
  dispose(): Promise<void> | void;
}

export interface TestDbDriver {
  name: string;
  /** A new, empty, fully migrated database for one test. */
  create(): Promise<TestDatabase> | TestDatabase;
  /** Releases what the driver holds for the test file (after its last test). */
  close?(): Promise<void> | void;
}

let seq = 0;

/** Every test gets its own copy of the SQLite file `template()` returns (read when the test starts). */
export function sqliteCopiesOf(template: () => string): TestDbDriver {
  return {
    name: "sqlite",
    create() {
      mkdirSync(TMP_DIR, { recursive: true });
      const file = path.join(TMP_DIR, `test-${process.pid}-${++seq}-${randomBytes(4).toString("hex")}.db`);
      copyFileSync(template(), file);
      return {
        url: `file:${file}`,
        dispose() {
          if (!process.env.KEEP_TEST_DB) removeSqliteFiles(file);
        },
      };
    },
  };
}

export const sqliteDriver: TestDbDriver = sqliteCopiesOf(() => {
  const template = inject("sqliteTemplatePath");
  if (!template) throw new Error("No SQLite template: is tests/support/global-setup.ts configured as globalSetup?");
  return template;
});

// PostgreSQL: each test file's worker copies the template once (CREATE
// DATABASE ... TEMPLATE) and empties that database before every test: it ends
// every other connection to it (as DROP DATABASE ... WITH (FORCE) would),
// deletes every row and restarts every sequence, in one round trip of about
// 10 ms. A copy and a drop per test cost about 150 ms of the server's time,
// and every drop waited for a checkpoint (measured: the PostgreSQL stage took
// 368 s on a quiet 2-core machine). The database is dropped after the file's
// last test; global teardown drops what a crashed worker left (by the run id).
let own: Promise<{ name: string; client: pg.Client; empty: string }> | null = null;

/** The statement that empties the test database: rows deleted without firing triggers or foreign keys, sequences restarted. */
async function emptyingStatement(client: pg.Client): Promise<string> {
  const { rows: tables } = await client.query<{ name: string }>(
    "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1",
  );
  const { rows: sequences } = await client.query<{ name: string }>(
    "SELECT quote_ident(sequencename) AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1",
  );
  return [
    "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid();",
    // Replica mode skips triggers, foreign keys included, so the order of the deletes does not matter.
    "SET session_replication_role = replica;",
    ...tables.map((t) => `DELETE FROM ${t.name};`),
    ...sequences.map((q) => `ALTER SEQUENCE ${q.name} RESTART;`),
    "SET session_replication_role = DEFAULT;",
  ].join("\n");
}

async function ownDatabase(template: string, run: string) {
  const name = scratchName("t", run, ++seq);
  const admin = await connectAdmin();
  try {
    await createDatabase(admin, name, template);
  } finally {
    await admin.end();
  }
  const client = await connectAdmin(databaseUrl(name));
  return { name, client, empty: await emptyingStatement(client) };
}

export const postgresDriver: TestDbDriver = {
  name: "postgres",
  async create() {
    const template = inject("postgresTemplate");
    const run = inject("postgresRun");
    if (!template || !run) throw new Error("No PostgreSQL template: run with TEST_DATABASE=postgres so global setup builds one.");
    const database = await (own ??= ownDatabase(template, run));
    await database.client.query(database.empty);
    return { url: databaseUrl(database.name), dispose() {} };
  },
  async close() {
    const database = await own?.catch(() => null);
    own = null;
    if (!database) return;
    await database.client.end();
    if (!process.env.KEEP_TEST_DB) await dropDatabases([database.name]);
  },
};

/** True when this run's integration tests use PostgreSQL (TEST_DATABASE=postgres). */
export function isPostgresRun(): boolean {
  return selectedDriver() === postgresDriver;
}

export function selectedDriver(): TestDbDriver {
  const name = (process.env.TEST_DATABASE || "sqlite").toLowerCase();
  if (name === "sqlite") return sqliteDriver;
  if (name === "postgres" || name === "postgresql") return postgresDriver;
  throw new Error(`Unknown TEST_DATABASE=${name} (expected "sqlite" or "postgres")`);
}

let current: { db: Db; database: TestDatabase } | null = null;

/** The current test's database client; only valid inside a test of a file that called useTestDb(). */
export function getTestDb(): Db {
  if (!current) throw new Error("No test database: call useTestDb() at the top of the test file and use it inside tests.");
  return current.db;
}

/** URL of the current test's database (for code that reads DATABASE_URL, or to open a second client). */
export function getTestDbUrl(): string {
  if (!current) throw new Error("No test database: call useTestDb() at the top of the test file.");
  return current.database.url;
}

/**
 * Registers hooks that give every test in the calling file (or describe block)
 * its own fresh database, and returns a getter for that test's client.
 */
export function useTestDb(driver: TestDbDriver = selectedDriver()): () => Db {
  beforeEach(async () => {
    const database = await driver.create();
    current = { db: createDb(database.url), database };
  });
  afterEach(async () => {
    const c = current;
    current = null;
    if (!c) return;
    try {
      await c.db.$disconnect();
    } finally {
      await c.database.dispose();
    }
  });
  afterAll(async () => {
    await driver.close?.();
  });
  return getTestDb;
}
