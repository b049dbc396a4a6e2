// A fresh database for one load run: an SQLite file under $TMPDIR, or a
// scratch PostgreSQL database (named like the test suite's, so a killed run's
// leftover is dropped by the next test run's stale cleanup). Migrated with
// the app's own migrations, as `npm run db:migrate` does.
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateDeploy } from "@/scripts/lib/migrate";
import { connectAdmin, createDatabase, databaseUrl, dropDatabase } from "@/scripts/lib/postgres";
import { removeSqliteFiles } from "@/scripts/lib/sqlite-files";

export type Provider = "sqlite" | "postgres";
export type LoadDatabase = { provider: Provider; url: string; drop: () => Promise<void> };

export async function freshDatabase(provider: Provider): Promise<LoadDatabase> {
  const stamp = `${Math.floor(Date.now() / 1000)}_${process.pid}`;
  if (provider === "sqlite") {
    const dir = path.join(tmpdir(), "cfp-load");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `load-${stamp}.db`);
    removeSqliteFiles(file);
    const url = `file:${file}`;
    migrateDeploy(url);
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL"); // what `npm run db:migrate` sets (scripts/sqlite-wal.mjs)
    sqlite.close();
    return { provider, url, drop: async () => removeSqliteFiles(file) };
  }
  const name = `cfp_tool_${stamp}_load`;
  const admin = await connectAdmin();
  try {
    await createDatabase(admin, name);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(name);
  migrateDeploy(url);
  return {
    provider,
    url,
    drop: async () => {
      const a = await connectAdmin();
      try {
        await dropDatabase(a, name);
      } finally {
        await a.end();
      }
    },
  };
}
