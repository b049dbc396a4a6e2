// `npm run db:backup [target]`: a consistent copy of the live SQLite database,
// made with SQLite's online backup API while the app keeps running.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import path from "node:path";

try {
  process.loadEnvFile(".env");
} catch {
  // no .env: use the environment as it is
}
const url = process.env.DATABASE_URL || "file:./prisma/dev.db";
if (!url.startsWith("file:")) {
  console.error("db:backup copies SQLite databases. For PostgreSQL use pg_dump (see README).");
  process.exit(1);
}
const source = url.slice("file:".length);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
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
