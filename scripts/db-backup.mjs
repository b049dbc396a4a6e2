// `npm run db:backup [target]`: a consistent copy of the live database while
// the app keeps running. SQLite: SQLite's online backup API, then an
// integrity check. PostgreSQL: pg_dump's custom format (restore with
// pg_restore, see docs/postgres.md), then pg_restore --list to read it back.
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

try {
  process.loadEnvFile(".env");
} catch {
  // no .env: use the environment as it is
}
const url = process.env.DATABASE_URL || "file:./prisma/dev.db";
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
if (/^postgres(ql)?:\/\//.test(url)) {
  backupPostgres(process.argv[2] || path.join("backups", `cfp-${stamp}.dump`));
  process.exit(0);
}
if (!url.startsWith("file:")) {
  console.error(`db:backup: DATABASE_URL is neither a file: nor a postgresql:// URL.`);
  process.exit(1);
}
const source = url.slice("file:".length);
const target = process.argv[2] || path.join("backups", `cfp-${stamp}.db`);
mkdirSync(path.dirname(target), { recursive: true });

const db = new Database(source, { fileMustExist: true });
await db.backup(target);
db.close();
const check = new Database(target, { readonly: true });
const ok = check.pragma("integrity_check", { simple: true });
check.close();
if (ok !== "ok") {
  console.error(`Backup written to ${target} but its integrity check says: ${ok}`);
  process.exit(1);
}
console.log(`Backed up ${source} to ${target} (integrity check ok).`);

function backupPostgres(target) {
  mkdirSync(path.dirname(target), { recursive: true });
  const run = (cmd, args) => {
    const r = spawnSync(cmd, args, { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
    if (r.error) throw new Error(`${cmd} is not installed (apt-get install postgresql-client): ${r.error.message}`);
    if (r.status !== 0) process.exit(r.status ?? 1);
    return r.stdout;
  };
  run("pg_dump", ["--format=custom", "--no-owner", "--file", target, url]);
  const entries = run("pg_restore", ["--list", target])
    .split("\n")
    .filter((l) => l && !l.startsWith(";")).length;
  console.log(`Backed up the PostgreSQL database to ${target} (${entries} entries; restore: docs/postgres.md).`);
}
