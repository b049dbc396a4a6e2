import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-pg/client";
import { databaseUrl, isPostgres } from "./url";

export type Db = PrismaClient;
/** A client or an interactive transaction: what domain functions read and write through. */
export type DbTx = Prisma.TransactionClient;

export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}

// Under a rush (the CFP deadline) transactions queue for a pool connection or
// a row lock; Prisma's defaults (2 s to start, 5 s to finish) turned that
// queue into errors. A request now waits up to 10 s to start its transaction;
// past that the form says "busy, not saved" (lib/db/busy.ts).
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };

export function createDb(url = databaseUrl()): PrismaClient {
  if (isPostgres(url)) {
    // The Wasm query compiler is built per provider, so PostgreSQL needs the
    // client generated from prisma/postgres/schema.prisma (an SQLite client
    // refuses PrismaPg). That schema is derived from prisma/schema.prisma with
    // only the provider changed (docs/decisions/0005-postgresql.md), so both
    // clients have the same models, methods and result types, and share the
    // runtime (error classes, Prisma.sql). The cast is the one place the
    // PostgreSQL client is seen through the SQLite client's types; the rest of
    // the code imports its types from @/lib/generated/prisma only.
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }), transactionOptions });
    return client as unknown as PrismaClient;
  }
  // timeout is SQLite's busy timeout: wait for the writer lock instead of failing at once.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: 5000 }), transactionOptions });
}
