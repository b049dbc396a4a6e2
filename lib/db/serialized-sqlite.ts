import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { ConnectionLock } from "./connection-lock";
import { assertOutsideTransactionCallback, type ClientScope } from "./transaction-scope";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];

/**
 * The better-sqlite3 adapter runs everything on one connection, and only its
 * transactions take turns: a statement sent outside a transaction while
 * another request's transaction was open ran inside it, saw its uncommitted
 * rows, and was rolled back with it after being acknowledged (issue 10,
 * finding 16). Here every use of the connection takes one lock: a transaction
 * holds it from BEGIN to COMMIT or ROLLBACK, a statement outside one for its
 * own (synchronous) run, so statements only ever run between transactions.
 * Statements wait as long as it takes, as they wait for a pool connection on
 * PostgreSQL: every holder is short (a synchronous statement, or a
 * transaction that Prisma rolls back after its timeout).
 * docs/decisions/0013-one-sqlite-connection-one-lock.md
 */
export function serializeConnection(adapter: Adapter, scope: ClientScope): Adapter {
  const lock = new ConnectionLock();
  async function alone<T>(run: () => Promise<T>): Promise<T> {
    assertOutsideTransactionCallback(scope);
    const release = await lock.acquire();
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
    // Prisma's maxWait applies here: it rolls back a transaction that got the lock too late.
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
