import type { DbTx } from "./client";

/** Which database a client (or a transaction of it) talks to, for the few queries written per provider (raw SQL). */
export function providerOf(db: DbTx): "sqlite" | "postgresql" {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  return provider === "postgresql" ? "postgresql" : "sqlite";
}
