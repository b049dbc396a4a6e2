// Vitest globalSetup: runs once per `vitest run`, in the main process, before
// any test file. It builds one migrated SQLite database (the template); every
// integration test then copies that file instead of migrating again, which
// keeps a fresh database per test at about a millisecond.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { TestProject } from "vitest/node";
import { REPO_ROOT, TMP_DIR } from "./paths";
import { removeSqliteFiles } from "./sqlite-files";

declare module "vitest" {
  export interface ProvidedContext {
    /** Absolute path of the migrated template SQLite file. */
    sqliteTemplatePath: string;
  }
}

/** Applies every migration in prisma/migrations to `url` through prisma.config.ts. */
export function migrateDeploy(url: string): void {
  const prismaBin = path.join(REPO_ROOT, "node_modules", ".bin", "prisma");
  try {
    execFileSync(prismaBin, ["migrate", "deploy"], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: "pipe",
      encoding: "utf8",
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`prisma migrate deploy failed for ${url}\n${err.stdout ?? ""}\n${err.stderr ?? ""}\n${err.message}`);
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

export default function setup(project: TestProject) {
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
