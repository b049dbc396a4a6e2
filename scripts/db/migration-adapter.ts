// The driver adapter that Prisma's Wasm schema engine (migrate deploy, migrate
// diff, db pull) runs on: used by prisma.config.ts only; the app's queries go
// through createDb (lib/db/client.ts).
//
// The 6.19.3 adapters have four bugs on the migration paths we use. Each fix
// below is small and exercised on every CI run: by `npm run db:check`, which
// runs `migrate diff --from-migrations` (the shadow database path) on both
// providers, and by the test templates (`migrate deploy`).
// When upgrading Prisma, try without them: docs/decisions/0005-postgresql.md.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { isPostgres } from "../../lib/db/url";

type Factory = PrismaPg | PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type QueryResult = { fields: { dataTypeID: number }[] };
// A script of several statements yields one result per statement.
type WithPerformIO = { performIO(query: unknown): Promise<QueryResult | QueryResult[]> };

/** PostgreSQL catalog types the schema engine reads, which adapter-pg cannot decode; both are text. */
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

export function migrationAdapter(url: string): Factory {
  return isPostgres(url) ? postgresMigrationAdapter(url) : sqliteMigrationAdapter(url);
}

function postgresMigrationAdapter(url: string): PrismaPg {
  // allowExitOnIdle: the CLI never closes the pool, which would otherwise
  // hold every command open for the 10 s idle timeout.
  const factory = new PrismaPg({ connectionString: url, allowExitOnIdle: true });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    await createDatabaseIfMissing(url);
    return wholeScripts(decodeCatalogText(await connect()));
  };
  // adapter-pg's own shadow database keeps the main database's connection
  // string, which wins over its `database` option: the shadow migrations
  // would run on the main database. Create it ourselves, named like the
  // test databases (cfp_<kind>_<unix time>_..., see scripts/lib/postgres.ts)
  // so that a leftover is dropped by the next test run, and connect by URL.
  factory.connectToShadowDb = async () => {
    const name = `cfp_shadow_${Math.floor(Date.now() / 1000)}_${randomUUID().replaceAll("-", "")}`;
    await admin(url, `CREATE DATABASE "${name}"`);
    const shadowFactory = new PrismaPg({ connectionString: withDatabase(url, name), allowExitOnIdle: true });
    const shadow = decodeCatalogText(await shadowFactory.connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return shadow;
  };
  return factory;
}

/**
 * The schema engine reads `name` and `"char"` columns from pg_catalog, which
 * adapter-pg rejects ("Column type 'name' could not be deserialized",
 * prisma/prisma#27403). Their text form is the value, so report them as text.
 */
function decodeCatalogText<T extends Adapter | Transaction>(adapter: T): T {
  const io = adapter as unknown as WithPerformIO;
  const performIO = io.performIO.bind(adapter);
  io.performIO = async (query) => {
    const result = await performIO(query);
    for (const { fields } of [result].flat()) {
      for (const field of fields ?? []) {
        if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
      }
    }
    return result;
  };
  if ("startTransaction" in adapter) {
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => decodeCatalogText(await startTransaction(...args));
  }
  return adapter;
}

/**
 * Prisma's native engine creates a missing database on `migrate deploy`; the
 * adapter path does not. Do the same, so `npm run db:migrate` works on a
 * fresh server (PostgreSQL error 3D000: the database does not exist).
 */
async function createDatabaseIfMissing(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.end();
    return;
  } catch (e) {
    await client.end().catch(() => undefined);
    if ((e as { code?: string }).code !== "3D000") return; // let Prisma report it
  }
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  await admin(withDatabase(url, "postgres"), `CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  console.error(`Created PostgreSQL database "${database}".`);
}

/**
 * adapter-pg runs a migration script (`migrate deploy`) by splitting it at
 * every ";", even one in a comment or a string literal, which breaks such a
 * migration although the shadow database (one query) accepted it. Send the
 * script as one simple query instead, as Prisma's native engine does:
 * PostgreSQL parses it and runs it as one implicit transaction.
 */
function wholeScripts(adapter: Adapter): Adapter {
  const driver = adapter.underlyingDriver() as pg.Pool;
  adapter.executeScript = async (script) => {
    try {
      await driver.query(script);
    } catch (e) {
      (adapter as unknown as { onError(error: unknown): never }).onError(e);
    }
  };
  return adapter;
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function sqliteMigrationAdapter(url: string): PrismaBetterSQLite3 {
  const factory = new PrismaBetterSQLite3({ url });
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  // The engine applies each migration script to the shadow database with
  // executeRaw, i.e. one prepared statement, which better-sqlite3 refuses
  // for a script of several statements, or of none (an empty or comment-only
  // migration): P3006 "External error". Run such a script as a script.
  factory.connectToShadowDb = async () => {
    const shadow = await connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (e) {
        if (query.args.length > 0 || !/more than one statement|contains no statements/.test(causeMessage(e))) throw e;
        await shadow.executeScript(query.sql);
        return 0;
      }
    };
    return shadow;
  };
  return factory;
}

function causeMessage(e: unknown): string {
  const err = e as { message?: string; cause?: { message?: string; originalMessage?: string } };
  return [err.message, err.cause?.message, err.cause?.originalMessage].filter(Boolean).join(" ");
}
