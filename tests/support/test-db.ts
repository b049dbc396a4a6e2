// A fresh, migrated database for every integration test.
//
//   import { useTestDb } from "@/tests/support/test-db";
//   const getDb = useTestDb();          // registers beforeEach/afterEach
//   it("...", async () => { const db = getDb(); ... });
//
// SQLite (default): each test gets its own copy of the template file that
// tests/support/global-setup.ts migrated once per run; copying is about a
// millisecond, so tests never share or clean up rows.
//
// The backend is chosen by TEST_DATABASE ("sqlite", the default, or
// "postgres"). A backend is only a `TestDbDriver`: something that hands out a
// database URL for one test and disposes of it afterwards; createDb() already
// understands both URL kinds. PostgreSQL is not implemented yet (see
// postgresDriver below for the intended shape).
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, inject } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { TMP_DIR } from "./paths";
import { removeSqliteFiles } from "./sqlite-files";

export interface TestDatabase {
  url: string;
  dispose(): Promise<void> | void;
}

export interface TestDbDriver {
  name: string;
  /** A new, empty, fully migrated database for one test. */
  create(): Promise<TestDatabase> | TestDatabase;
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

// Intended design: global setup creates and migrates one template database;
// create() runs `CREATE DATABASE "t_<random>" TEMPLATE "<template>"` through
// `pg` and returns its URL; dispose() runs `DROP DATABASE ... WITH (FORCE)`.
export const postgresDriver: TestDbDriver = {
  name: "postgres",
  create() {
    throw new Error("TEST_DATABASE=postgres is not implemented yet; unset it to run on SQLite.");
  },
};

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
  return getTestDb;
}
