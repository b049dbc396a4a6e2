import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-pg/client";
import { databaseUrl, isPostgres } from "./url";
import { serializeConnection } from "./serialized-sqlite";
import { beginImmediately } from "./begin-immediate";
import { assertOutsideTransactionCallback, markTransactionCallbacks, newClientScope, type ClientScope } from "./transaction-scope";

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
    const scope = newClientScope("postgres");
    const client = new PostgresPrismaClient({ adapter: new GuardedPg({ connectionString: url }, scope), transactionOptions });
    return markTransactionCallbacks(client as unknown as PrismaClient, scope);
  }
  const scope = newClientScope("sqlite");
  return markTransactionCallbacks(new PrismaClient({ adapter: sqliteAdapter(sqliteFilePath(url), scope), transactionOptions }), scope);
}

/** The app's SQLite driver adapter (also used by the bench scripts, so they measure what the app runs). */
export function sqliteAdapter(file: string, scope = newClientScope("sqlite")) {
  // timeout is SQLite's busy timeout: wait for the writer lock (another process) instead of failing at once.
  return new OptimizingSQLite3({ url: file, timeout: 5000 }, scope);
}

/** PrismaPg whose statements outside a transaction refuse to run inside a $transaction callback (lib/db/transaction-scope.ts). */
class GuardedPg extends PrismaPg {
  constructor(
    config: ConstructorParameters<typeof PrismaPg>[0],
    private readonly scope: ClientScope,
  ) {
    super(config);
  }

  override async connect() {
    const adapter = await super.connect();
    for (const method of ["queryRaw", "executeRaw", "executeScript", "startTransaction"] as const) {
      const run = adapter[method].bind(adapter) as (arg: never) => Promise<unknown>;
      Object.assign(adapter, {
        [method]: (arg: never) => {
          assertOutsideTransactionCallback(this.scope);
          return run(arg);
        },
      });
    }
    return adapter;
  }
}

const HOUR = 60 * 60 * 1000;

/**
 * SQLite plans queries from the statistics ANALYZE stores, and without any it
 * guesses: with one large event it drives lookups from Proposal(eventId)
 * rather than the far more selective ProposalSpeaker(userId) (docs/benchmark.md,
 * section 5). As SQLite recommends for long-lived connections, each connection
 * runs `PRAGMA optimize` when it opens (0x10002: analyze any table whose size
 * changed a lot or that was never analyzed, sampling at most 400 rows per
 * index; 17 ms on the 10,000-proposal bench database the first time, under
 * 1 ms once statistics exist) and again every hour, as the data grows.
 */
class OptimizingSQLite3 extends PrismaBetterSQLite3 {
  constructor(
    config: ConstructorParameters<typeof PrismaBetterSQLite3>[0],
    private readonly scope: ClientScope,
  ) {
    super(config);
  }

  override async connect() {
    const connection = await super.connect();
    beginImmediately(connection);
    // One connection, one lock (lib/db/serialized-sqlite.ts).
    const adapter = serializeConnection(connection, this.scope);
    await adapter.executeScript("PRAGMA analysis_limit = 400; PRAGMA optimize = 0x10002;");
    const timer = setInterval(async () => {
      try {
        await adapter.executeScript("PRAGMA optimize;");
      } catch {
        // Statistics are an optimization: a busy or closing database skips this round.
      }
    }, HOUR);
    timer.unref();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = () => {
      clearInterval(timer);
      return dispose();
    };
    return adapter;
  }
}
