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

export function assertOutsideTransactionCallback(scope: ClientScope): void {
  if (openCallbacks.getStore()?.has(scope)) throw new ClientInsideTransactionError();
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
