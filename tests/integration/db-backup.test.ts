import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { REPO_ROOT } from "@/tests/support/paths";
import { connectAdmin, createDatabase, databaseUrl, dropDatabase, scratchName } from "@/scripts/lib/postgres";
import { getTestDbUrl, isPostgresRun, useTestDb } from "@/tests/support/test-db";

// `npm run db:backup` on a live database: it runs while a writer keeps
// committing pairs of rows, and the copy must be consistent (whole pairs
// only, an integrity check that passes) and restore the way the README and
// docs/postgres.md say: copy the file back, or pg_restore into a database.

const getDb = useTestDb();
const run = promisify(execFile);

/** Commits two rows per transaction until stopped; a consistent snapshot holds an even number. */
function pairWriter(db: Db) {
  let stop = false;
  let pairs = 0;
  const done = (async () => {
    while (!stop) {
      const i = pairs;
      await db.$transaction([
        db.rateLimitBucket.create({ data: { key: `backup-test:${i}:a`, windowStart: new Date(), count: 1 } }),
        db.rateLimitBucket.create({ data: { key: `backup-test:${i}:b`, windowStart: new Date(), count: 1 } }),
      ]);
      pairs += 1;
      await new Promise((r) => setTimeout(r, 1));
    }
  })();
  return { stop: async () => ((stop = true), await done, pairs), pairs: () => pairs };
}

const rowsIn = async (url: string) => {
  const copy = createDb(url);
  try {
    return await copy.rateLimitBucket.count({ where: { key: { startsWith: "backup-test:" } } });
  } finally {
    await copy.$disconnect();
  }
};

describe("npm run db:backup", () => {
  it("copies the live database consistently while it is being written, and the copy restores", { timeout: 300_000 }, async () => {
    const db = getDb();
    const url = getTestDbUrl();
    const dir = mkdtempSync(path.join(tmpdir(), "cfp-backup-"));
    const writer = pairWriter(db);
    try {
      while (writer.pairs() < 20) await new Promise((r) => setTimeout(r, 5));
      const target = path.join(dir, isPostgresRun() ? "cfp.dump" : "cfp.db");
      const before = writer.pairs();
      const { stdout } = await run("node", ["scripts/db-backup.mjs", target], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: url },
      });
      const written = await writer.stop();
      expect(stdout).toMatch(/Backed up/);
      expect(written).toBeGreaterThan(before); // the database was written while the backup ran

      let restoredUrl: string;
      let cleanup = async () => {};
      if (isPostgresRun()) {
        const name = scratchName("t", "restore");
        const admin = await connectAdmin();
        await createDatabase(admin, name);
        restoredUrl = databaseUrl(name);
        await run("pg_restore", ["--no-owner", "--dbname", restoredUrl, target]);
        cleanup = async () => {
          await dropDatabase(admin, name);
          await admin.end();
        };
      } else {
        // Restore: with the app stopped, the backup file replaces the database file.
        const restored = path.join(dir, "restored.db");
        copyFileSync(target, restored);
        restoredUrl = `file:${restored}`;
      }
      try {
        const rows = await rowsIn(restoredUrl);
        expect(rows % 2).toBe(0);
        expect(rows).toBeGreaterThanOrEqual(40);
        expect(rows).toBeLessThanOrEqual(written * 2);
      } finally {
        await cleanup();
      }
    } finally {
      await writer.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
