// Seeds one large event into a fresh SQLite file: `prisma migrate deploy`,
// then raw better-sqlite3 prepared statements in a single transaction.
// Review scores, Review.score and ProposalStats are computed with the app's
// own functions (lib/reviews/stats), as saveReview and refreshEventStats would.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateDeploy } from "@/scripts/lib/migrate";
import { datasetShape } from "./dataset";
import { writeEvent } from "./seed-rows";

export type Fixtures = ReturnType<typeof writeEvent>;
export type Insert = (table: string, row: Record<string, unknown>) => void;

export async function seed(dbPath: string, proposals: number) {
  const started = performance.now();
  mkdirSync(path.dirname(dbPath), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbPath + suffix, { force: true });
  migrateDeploy(`file:${dbPath}`);
  const migrated = performance.now();

  const sqlite = new Database(dbPath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF"); // this connection only: a seed that crashes is simply rerun
  sqlite.pragma("cache_size = -262144"); // 256 MB: the whole transaction stays in memory
  sqlite.pragma("foreign_keys = OFF"); // consistent by construction; checked once below
  const statements = new Map<string, Database.Statement>();
  const insert = (table: string, row: Record<string, unknown>) => {
    let stmt = statements.get(table);
    if (!stmt) {
      const cols = Object.keys(row);
      stmt = sqlite.prepare(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(",")}) VALUES (${cols.map((c) => `@${c}`).join(",")})`,
      );
      statements.set(table, stmt);
    }
    stmt.run(row);
  };
  const fixtures = sqlite.transaction(() => writeEvent(insert, datasetShape(proposals)))();
  const broken = sqlite.pragma("foreign_key_check") as unknown[];
  if (broken.length > 0) throw new Error(`Seed broke ${broken.length} foreign keys, e.g. ${JSON.stringify(broken[0])}`);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  const done = performance.now();
  return { fixtures, timings: { migrateMs: Math.round(migrated - started), insertMs: Math.round(done - migrated) } };
}
