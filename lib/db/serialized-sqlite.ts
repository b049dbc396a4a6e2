import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { ConnectionLock } from "./connection-lock";
import { assertOutsideTransactionCallback, type ClientScope } from "./transaction-scope";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];

/** A statement outside any transaction waited this long for the open ones to finish. */
export class ConnectionBusyError extends Error {
  override name = "ConnectionBusyError";
  // Prisma's code for "no room for a transaction in time": the form says "busy, not saved" (lib/db/busy.ts).
  readonly code = "P2028";
  constructor(waitMs: number) {
    super(
      `A statement waited ${waitMs} ms for the SQLite connection, held by open transactions; nothing was written. ` +
        "(If it was sent through the client inside db.$transaction, it waited for its own transaction: use tx.)",
    );
  }
}

/**
 * The better-sqlite3 adapter runs everything on one connection, and only its
 * transactions take turns: a statement sent outside a transaction while
 * another request's transaction was open ran inside it, saw its uncommitted
 * rows, and was rolled back with it after being acknowledged (issue 10,
 * finding 16). Here every use of the connection takes one lock: a transaction
 * holds it from BEGIN to COMMIT or ROLLBACK, a statement outside one for its
 * own (synchronous) run, so statements only ever run between transactions.
 * docs/decisions/0013-one-sqlite-connection-one-lock.md
 */
export function serializeConnection(adapter: Adapter, { statementWaitMs, scope }: { statementWaitMs: number; scope: ClientScope }): Adapter {
  const lock = new ConnectionLock();
  async function alone<T>(run: () => Promise<T>): Promise<T> {
    assertOutsideTransactionCallback(scope);
    const release = await lock.acquire(statementWaitMs, () => new ConnectionBusyError(statementWaitMs));
    try {
      return await run();
    } finally {
      release();
    }
  }
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: Query) => alone(() => adapter.queryRaw(query)),
    executeRaw: (query: Query) => alone(() => adapter.executeRaw(query)),
    executeScript: (script: string) => alone(() => adapter.executeScript(script)),
    // No wait limit: Prisma's maxWait applies to transactions (it rolls back one that started too late).
    async startTransaction(isolationLevel) {
      assertOutsideTransactionCallback(scope);
      const release = await lock.acquire();
      try {
        return releasingOnEnd(await adapter.startTransaction(isolationLevel), release);
      } catch (e) {
        release();
        throw e;
      }
    },
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
  };
}

/** The transaction as it is, except that ending it (Prisma has sent COMMIT or ROLLBACK) frees the connection. */
function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  const end = (finish: () => Promise<void>) => async () => {
    try {
      await finish();
    } finally {
      release();
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query: Query) => tx.queryRaw(query),
    executeRaw: (query: Query) => tx.executeRaw(query),
    commit: end(() => tx.commit()),
    rollback: end(() => tx.rollback()),
  };
}
