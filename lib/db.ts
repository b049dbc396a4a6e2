import { createDb, type Db } from "./db/client";

// One client per process; survives Next.js dev hot reloads.
const globalForDb = globalThis as unknown as { cfpDb?: Db };

export const db: Db = globalForDb.cfpDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.cfpDb = db;

export type { Db, DbTx } from "./db/client";
