// A fresh, migrated database for every integration test.
//
//   import { useTestDb } from "@/tests/support/test-db";
//   const getDb = useTestDb();          // registers beforeEach/afterEach
//   it("...", async () => { const db = getDb(); ... });
//
// The backend is chosen by TEST_DATABASE ("sqlite", the default, or
// "postgres"). A backend is only a `TestDbDriver`: something that hands out a
// database URL for one test and disposes of it afterwards; createDb() already
// understands both URL kinds. Both copy a template that
// tests/support/global-setup.ts migrated once per run, so tests never share
// or clean up rows:
//   sqlite: each test gets its own copy of the template file (about 1 ms).
//   postgres: CREATE DATABASE cfp_t_... TEMPLATE cfp_tpl_... (tens of ms, made
//   while the previous test runs), dropped with DROP DATABASE ... WITH (FORCE)
//   in the background after the test;
//   names carry the run id, the pid and a random suffix so parallel runs
//   never collide. PG_ADMIN_URL (default
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
import { PG_ADMIN_URL, connectAdmin, createDatabase, databaseUrl, dropDatabases, scratchName } from "@/scripts/lib/postgres";

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

export const sqliteDriver: TestDbDriver = {
  name: "sqlite",
  create() {
    const template = inject("sqliteTemplatePath");
    if (!template) throw new Error("No SQLite template: is tests/support/global-setup.ts configured as globalSetup?");
    mkdirSync(TMP_DIR, { recursive: true });
    const file = path.join(TMP_DIR, `test-${process.pid}-${++seq}-${randomBytes(4).toString("hex")}.db`);
    copyFileSync(template, file);
    return {
      url: `file:${file}`,
      dispose() {
        if (!process.env.KEEP_TEST_DB) removeSqliteFiles(file);
      },
    };
  },
};

// Per test file: one admin connection creates the databases, and the one for
// the next test is created while the current test runs. Each DROP DATABASE
// waits for a checkpoint of the whole cluster (seconds each on a busy
// machine), while concurrent drops share one: so a finished test's database
// joins the next batch of drops, run in the background while later tests
// run. Dropping all of a file's databases after its last test instead made
// that hook take over a minute for a file of 78 tests. close() waits for the
// last batches up to DROP_WAIT_MS: on a machine whose disk is busy a single
// checkpoint can take longer, and global teardown drops whatever a file or a
// crashed worker left (it finds them by the run id).
const DROP_WAIT_MS = 20_000;
/** Connections a file's background drops use at most: the server's connections are shared with the tests. */
const DROP_CONNECTIONS = 4;
let admin: Promise<pg.Client> | null = null;
let next: Promise<string> | null = null;
let toDrop: string[] = [];
let dropping: Promise<void> | null = null;
let dropFailure: unknown = null;

function dropLater(name: string) {
  if (process.env.KEEP_TEST_DB) return;
  toDrop.push(name);
  dropping ??= dropBatches();
}

async function dropBatches() {
  while (toDrop.length > 0) {
    const batch = toDrop;
    toDrop = [];
    await dropDatabases(batch, PG_ADMIN_URL, DROP_CONNECTIONS).catch((e) => void (dropFailure ??= e));
  }
  dropping = null;
}

async function copyTemplate(template: string, run: string): Promise<string> {
  const name = scratchName("t", run, ++seq);
  await createDatabase(await (admin ??= connectAdmin()), name, template);
  return name;
}

export const postgresDriver: TestDbDriver = {
  name: "postgres",
  async create() {
    const template = inject("postgresTemplate");
    const run = inject("postgresRun");
    if (!template || !run) throw new Error("No PostgreSQL template: run with TEST_DATABASE=postgres so global setup builds one.");
    const name = await (next ?? copyTemplate(template, run));
    next = copyTemplate(template, run);
    next.catch(() => {}); // reported by the create() that awaits it
    return { url: databaseUrl(name), dispose: () => dropLater(name) };
  },
  async close() {
    const unused = await next?.catch(() => null);
    const client = admin;
    next = admin = null;
    if (unused) dropLater(unused);
    let timer: NodeJS.Timeout | undefined;
    try {
      const drained = (async () => {
        while (dropping) await dropping;
      })();
      await Promise.race([drained, new Promise((r) => (timer = setTimeout(r, DROP_WAIT_MS)))]);
      if (dropFailure) throw dropFailure;
    } finally {
      clearTimeout(timer);
      dropFailure = null;
      if (client) await (await client).end();
    }
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
