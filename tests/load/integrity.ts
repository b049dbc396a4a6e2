// The database's own consistency check after a crash: SQLite's
// integrity_check and foreign_key_check; on PostgreSQL, amcheck over every
// B-tree index and table (verify_heapam), and every foreign key re-checked.
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath } from "@/lib/db/client";
import { isPostgres } from "@/lib/db/url";

export async function integrityProblems(url: string): Promise<string[]> {
  if (!isPostgres(url)) {
    const sqlite = new Database(sqliteFilePath(url), { readonly: true });
    try {
      const integrity = sqlite.pragma("integrity_check") as { integrity_check: string }[];
      const fks = sqlite.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
      return [
        ...integrity.filter((r) => r.integrity_check !== "ok").map((r) => `integrity_check: ${r.integrity_check}`),
        ...fks.map((r) => `foreign_key_check: ${r.table} row ${r.rowid} points to a missing ${r.parent}`),
      ];
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS amcheck");
    const problems: string[] = [];
    const { rows } = await client.query<{ index: string }>(
      `SELECT c.oid::regclass::text AS index FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE am.amname = 'btree' AND n.nspname = 'public'`,
    );
    for (const { index } of rows) {
      try {
        await client.query("SELECT bt_index_check($1::regclass, true)", [index]);
      } catch (e) {
        problems.push(`amcheck ${index}: ${(e as Error).message}`);
      }
    }
    const tables = await client.query<{ table: string }>(
      `SELECT oid::regclass::text AS table FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`,
    );
    for (const { table } of tables.rows) {
      const corrupt = await client.query("SELECT blkno, msg FROM verify_heapam($1::regclass)", [table]);
      for (const r of corrupt.rows) problems.push(`verify_heapam ${table} block ${r.blkno}: ${r.msg}`);
    }
    // Every foreign key (Prisma makes single-column ones) re-checked row by row.
    const fks = await client.query<{ child: string; col: string; parent: string; pcol: string }>(
      `SELECT c.conrelid::regclass::text AS child, a.attname AS col, c.confrelid::regclass::text AS parent, af.attname AS pcol
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
       WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
    );
    for (const { child, col, parent, pcol } of fks.rows) {
      const { rows: orphans } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${child} c WHERE c."${col}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${parent} p WHERE p."${pcol}" = c."${col}")`,
      );
      if (Number(orphans[0].n) > 0) problems.push(`${child}.${col}: ${orphans[0].n} rows point to a missing ${parent}`);
    }
    return problems;
  } finally {
    await client.end();
  }
}
