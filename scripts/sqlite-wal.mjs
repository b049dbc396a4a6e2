// SQLite runs in WAL mode (readers never block the writer). The setting is
// stored in the database file, so setting it once after migrating is enough.
// PostgreSQL URLs have nothing to set: `npm run db:migrate` runs this for
// both providers, and it does nothing unless DATABASE_URL is a file: URL.
import Database from "better-sqlite3";

const url = process.env.DATABASE_URL || "file:./prisma/dev.db";
if (url.startsWith("file:")) {
  const sqlite = new Database(url.slice("file:".length));
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
}
