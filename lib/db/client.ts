import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { databaseUrl, isPostgres } from "./url";

export type Db = PrismaClient;
/** A client or an interactive transaction: what domain functions read and write through. */
export type DbTx = Prisma.TransactionClient;

export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}

export function createDb(url = databaseUrl()): PrismaClient {
  if (isPostgres(url)) {
    return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  }
  // timeout is SQLite's busy timeout: wait for the writer lock instead of failing at once.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(url), timeout: 5000 }) });
}
