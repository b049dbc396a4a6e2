import Database from "better-sqlite3";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";

type Delegate = { findMany(args?: unknown): Promise<unknown[]> };

/** The Prisma client property of each model ("OutboxEmail" → "outboxEmail"). */
export const MODEL_PROPERTIES = Object.values(Prisma.ModelName).map((m) => m[0].toLowerCase() + m.slice(1));

/**
 * Every row of every model the schema has (found from the generated client,
 * so a new model is covered without editing this), each table sorted by its
 * rows' JSON: two snapshots are equal exactly when nothing changed.
 */
export async function fullSnapshot(db: Db): Promise<Record<string, unknown[]>> {
  const client = db as unknown as Record<string, Delegate>;
  const tables = await Promise.all(
    MODEL_PROPERTIES.map(async (name) => {
      const rows = await client[name].findMany();
      return [
        name,
        rows
          .map((r) => JSON.stringify(r))
          .sort()
          .map((s) => JSON.parse(s)),
      ] as const;
    }),
  );
  return Object.fromEntries(tables);
}

/**
 * The same proof for an SQLite file, read directly (no Prisma): every row of
 * every table, migrations' and search index's included, each table's rows as
 * sorted JSON. SQLite's own statistics (sqlite_stat*) are left out: opening a
 * connection may refresh them (PRAGMA optimize, lib/db/client.ts).
 */
export function sqliteFileSnapshot(file: string): Record<string, string[]> {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = conn
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' ORDER BY name")
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [
        t,
        (
          conn
            .prepare(`SELECT * FROM "${t.replaceAll('"', '""')}"`)
            .raw()
            .all() as unknown[]
        )
          .map((row) => JSON.stringify(row))
          .sort(),
      ]),
    );
  } finally {
    conn.close();
  }
}
