import { rmSync } from "node:fs";

/** Deletes a SQLite database file and its WAL/shared-memory/journal companions. */
export function removeSqliteFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}
