// `npx tsx scripts/bench/connection-lock.ts`: what the SQLite connection lock
// (lib/db/serialized-sqlite.ts) costs, in process. The same mixed workload
// (reads, a rate-limit upsert outside any transaction, a short interactive
// transaction) by 50 concurrent "requests", through the app's client and
// through the bare adapter (no lock: the statements outside a transaction may
// run inside another one). docs/decisions/0013-one-sqlite-connection-one-lock.md
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb, sqliteFilePath, type Db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { migrateDeploy } from "@/scripts/lib/migrate";
import { removeSqliteFiles } from "@/scripts/lib/sqlite-files";
import { randomCode } from "@/lib/identifiers/public-code";

const WORKERS = 50;
const ROUNDS = 40;

async function request(db: Db, worker: number, round: number) {
  await db.user.findMany({ take: 20, orderBy: { email: "asc" } });
  await db.rateLimitBucket.upsert({
    where: { key_windowStart: { key: `bench:${worker}`, windowStart: new Date(0) } },
    create: { key: `bench:${worker}`, windowStart: new Date(0), count: 1 },
    update: { count: { increment: 1 } },
  });
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: `w${worker}.r${round}@bench.example`, code: randomCode() } });
    await tx.user.update({ where: { id: user.id }, data: { name: `Worker ${worker}` } });
  });
  await db.user.count();
}

async function measure(label: string, db: Db) {
  await db.user.count(); // connect
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, w) => {
      for (let r = 0; r < ROUNDS; r++) {
        const t = performance.now();
        await request(db, w, r);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.floor(q * (latencies.length - 1))].toFixed(1);
  console.log(
    `${label.padEnd(22)} ${((WORKERS * ROUNDS) / seconds).toFixed(0).padStart(6)} requests/s   p50 ${p(0.5)} ms   p95 ${p(0.95)} ms`,
  );
  await db.$disconnect();
}

function freshFile(name: string): string {
  const dir = path.join(tmpdir(), "cfp-bench-lock");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}.db`);
  removeSqliteFiles(file);
  migrateDeploy(`file:${file}`);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  return file;
}

async function main() {
  console.log(`${WORKERS} concurrent requests × ${ROUNDS}: 2 reads, 1 upsert outside a transaction, 1 transaction of 2 writes`);
  for (let i = 0; i < 2; i++) {
    const bare = freshFile("bare");
    await measure("bare adapter (no lock)", new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: bare, timeout: 5000 }) }) as Db);
    const locked = freshFile("locked");
    await measure("app client (lock)", createDb(`file:${locked}`));
    for (const f of [bare, locked]) removeSqliteFiles(sqliteFilePath(f));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
