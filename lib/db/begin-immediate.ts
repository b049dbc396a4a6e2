import type { Database } from "better-sqlite3";

/**
 * Prisma's better-sqlite3 adapter opens every transaction with a plain
 * (deferred) BEGIN: the transaction reads from a snapshot and asks for the
 * write lock only at its first write. If another process (a second server, a
 * script, the e2e fixtures) committed in between, SQLite cannot move the
 * snapshot forward and fails that write at once with SQLITE_BUSY_SNAPSHOT; the
 * busy timeout does not help. Taking the write lock at BEGIN (BEGIN IMMEDIATE)
 * makes the transaction wait for the other writer, up to the busy timeout,
 * before it reads anything. Inside one process nothing changes: transactions
 * already take turns on the connection (lib/db/serialized-sqlite.ts).
 *
 * The adapter (pinned at 6.19.3) sends the statement "BEGIN" through its
 * better-sqlite3 client and nowhere else; tests/integration/db-begin-immediate.test.ts
 * fails if that stops being true.
 */
export function beginImmediately(adapter: object): void {
  const client = (adapter as { client?: Database }).client;
  if (!client || typeof client.prepare !== "function") {
    throw new Error("The SQLite adapter no longer exposes its better-sqlite3 client: update lib/db/begin-immediate.ts");
  }
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => prepare(source === "BEGIN" ? "BEGIN IMMEDIATE" : source)) as Database["prepare"];
}
