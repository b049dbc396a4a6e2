import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { getTestDbUrl, isPostgresRun, useTestDb } from "@/tests/support/test-db";
import { createEvent } from "@/tests/factories";
import { sqliteFilePath } from "@/lib/db/client";

// Two processes on one SQLite file (the e2e fixtures and the server; two
// servers): a transaction that read first and wrote after the other process
// committed failed with SQLITE_BUSY_SNAPSHOT. Transactions now take the write
// lock at BEGIN (lib/db/begin-immediate.ts), so the other process waits instead.

const getDb = useTestDb();

/** A second connection, as another process would have, that never waits for a lock. */
function otherProcess() {
  return new Database(sqliteFilePath(getTestDbUrl()), { timeout: 0 });
}

describe.skipIf(isPostgresRun())("SQLite transactions take the write lock when they begin", () => {
  // Before: the other process's write went through and our update then failed with SQLITE_BUSY_SNAPSHOT.
  it("holds the write lock from BEGIN, so another process waits rather than invalidating what the transaction read", async () => {
    const db = getDb();
    const event = await createEvent(db, { name: "Before" });
    const other = otherProcess();
    try {
      await db.$transaction(async (tx) => {
        await tx.event.findUniqueOrThrow({ where: { id: event.id } });
        expect(() => other.prepare("UPDATE Event SET name = 'Other process' WHERE id = ?").run(event.id)).toThrow(/SQLITE_BUSY|locked/);
        await tx.event.update({ where: { id: event.id }, data: { name: "Ours" } });
      });
      other.prepare("UPDATE Event SET name = 'Other process, after' WHERE id = ?").run(event.id);
    } finally {
      other.close();
    }
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).name).toBe("Other process, after");
  });
});
