import { AsyncLocalStorage } from "node:async_hooks";

// Marks the code running inside a `db.$transaction(async (tx) => …)` callback,
// so that a query sent there through that same client instead of `tx` fails
// at once with a message naming the mistake. On SQLite that query would wait
// for the connection its own transaction holds (lib/db/serialized-sqlite.ts):
// a deadlock until the transaction's timeout. On PostgreSQL it would run
// outside the transaction, unseen by it and not rolled back with it.
// Another client (a second PrismaClient, as tests make) is not affected.

/** One per client: its adapter checks for it, its $transaction sets it. */
export type ClientScope = { readonly name: string };

const openCallbacks = new AsyncLocalStorage<ReadonlySet<ClientScope>>();

export function newClientScope(name: string): ClientScope {
  return { name };
}

export class ClientInsideTransactionError extends Error {
  override name = "ClientInsideTransactionError";
  constructor() {
    super(
      "A query went through the database client inside db.$transaction(async (tx) => …): " +
        "use the transaction client `tx` there (pass it down to the functions you call).",
    );
  }
}

/**
 * Throws in development and tests. In production it only logs and lets the
 * query wait its turn: Prisma dispatches all findUnique batches of one tick in
 * the context of the first caller (its DataLoader's process.nextTick), so a
 * request's batched read can carry another request's mark. A true mistake
 * then waits until its transaction's timeout rolls it back (15 s).
 */
export function assertOutsideTransactionCallback(scope: ClientScope): void {
  if (!openCallbacks.getStore()?.has(scope)) return;
  const error = new ClientInsideTransactionError();
  if (process.env.NODE_ENV !== "production") throw error;
  console.error(error);
}

type TransactionFn = (this: unknown, arg: unknown, options?: unknown) => unknown;

/** Wraps the client's $transaction so its callbacks run marked (array transactions are left alone). */
export function markTransactionCallbacks<C extends object>(client: C, scope: ClientScope): C {
  const original = (client as unknown as { $transaction: TransactionFn }).$transaction;
  const marked: TransactionFn = function (this: unknown, arg, options) {
    if (typeof arg !== "function") return original.call(this, arg, options);
    const callback = arg as (tx: unknown) => unknown;
    const inside = new Set([...(openCallbacks.getStore() ?? []), scope]);
    return original.call(this, (tx: unknown) => openCallbacks.run(inside, () => callback(tx)), options);
  };
  Object.defineProperty(client, "$transaction", { value: marked, configurable: true, writable: true });
  return client;
}
