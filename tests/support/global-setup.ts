// Vitest globalSetup: runs once per `vitest run`, in the main process, before
// any test file. It builds one migrated database (the template) for the
// backend that TEST_DATABASE selects; every integration test then copies it
// instead of migrating again:
//   sqlite (default): a template file; a copy is about a millisecond.
//   postgres: a template database; CREATE DATABASE ... TEMPLATE per test.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { TestProject } from "vitest/node";
import { TMP_DIR } from "./paths";
import { migrateDeploy } from "@/scripts/lib/migrate";
import { removeSqliteFiles } from "@/scripts/lib/sqlite-files";
import {
  connectAdmin,
  createDatabase,
  databaseUrl,
  databasesLike,
  dropDatabase,
  dropDatabases,
  dropStaleDatabases,
  scratchName,
} from "@/scripts/lib/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** Absolute path of the migrated template SQLite file (TEST_DATABASE=sqlite). */
    sqliteTemplatePath: string;
    /** Name of the migrated template database on PG_ADMIN_URL's server (TEST_DATABASE=postgres). */
    postgresTemplate: string;
    /** This run's id, part of every test database's name (TEST_DATABASE=postgres). */
    postgresRun: string;
  }
}

/** Removes databases left behind by runs that were killed (older than an hour). */
function removeStaleDatabases(): void {
  const cutoff = Date.now() - 60 * 60 * 1000;
  for (const name of readdirSync(TMP_DIR)) {
    if (!/^(template|test)-.*\.db(-wal|-shm|-journal)?$/.test(name)) continue;
    const file = path.join(TMP_DIR, name);
    try {
      if (statSync(file).mtimeMs < cutoff) rmSync(file, { force: true });
    } catch {
      // removed concurrently
    }
  }
}

function setupSqlite(project: TestProject) {
  mkdirSync(TMP_DIR, { recursive: true });
  removeStaleDatabases();
  // One template per run (the pid keeps concurrent runs apart).
  const template = path.join(TMP_DIR, `template-${process.pid}.db`);
  removeSqliteFiles(template);

  migrateDeploy(`file:${template}`);

  // WAL is stored in the file header, so every copy starts in WAL mode.
  // Closing the only connection checkpoints and removes the -wal file,
  // leaving one self-contained file that is safe to copy.
  const sqlite = new Database(template);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  if (existsSync(`${template}-wal`)) throw new Error(`template ${template} still has a WAL file after close`);

  project.provide("sqliteTemplatePath", template);

  return () => removeSqliteFiles(template);
}

async function setupPostgres(project: TestProject) {
  const run = randomBytes(3).toString("hex");
  const template = scratchName("tpl", run);
  const admin = await connectAdmin();
  try {
    await dropStaleDatabases(admin);
    await createDatabase(admin, template);
    // The real deploy path: prisma.config.ts picks the PostgreSQL schema,
    // migrations and adapter from the URL. (Prisma's Wasm engine keeps the
    // process alive for ~10 s after a deploy on PostgreSQL: once per run.)
    migrateDeploy(databaseUrl(template));
  } catch (e) {
    await dropDatabase(admin, template);
    throw e;
  } finally {
    await admin.end();
  }
  project.provide("postgresTemplate", template);
  project.provide("postgresRun", run);

  return async () => {
    // Test files drop their databases after their last test; a worker that
    // crashed leaves some, recognizable by the run id.
    const teardown = await connectAdmin();
    try {
      const leftovers = process.env.KEEP_TEST_DB ? [] : await databasesLike(teardown, `cfp\\_t\\_%\\_${run}\\_%`);
      await dropDatabases([...leftovers, template]);
    } finally {
      await teardown.end();
    }
  };
}

export default function setup(project: TestProject) {
  const backend = (process.env.TEST_DATABASE || "sqlite").toLowerCase();
  if (backend === "postgres" || backend === "postgresql") return setupPostgres(project);
  return setupSqlite(project);
}
