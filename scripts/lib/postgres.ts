// PostgreSQL scratch databases for tests: names, creation, cleanup.
//
// Every database a test run creates is named cfp_<kind>_<unix seconds>_<pid>_...
// so that parallel runs (several worktrees, CI) never collide, and a run that
// was killed leaves databases that the next run recognizes by their age.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** A database on the server where tests may create and drop `cfp_*` databases. */
export const PG_ADMIN_URL = process.env.PG_ADMIN_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

const STALE_AFTER_SECONDS = 60 * 60;
const SCRATCH_NAME = /^cfp_(t|tpl|tool|shadow)_(\d{10})_/;

export function scratchName(kind: "t" | "tpl", ...parts: (string | number)[]): string {
  const stamp = Math.floor(Date.now() / 1000);
  return ["cfp", kind, stamp, process.pid, ...parts, randomBytes(3).toString("hex")].join("_");
}

export function databaseUrl(name: string, adminUrl = PG_ADMIN_URL): string {
  const u = new URL(adminUrl);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function connectAdmin(adminUrl = PG_ADMIN_URL): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(
      `TEST_DATABASE=postgres needs PostgreSQL at ${adminUrl} (set PG_ADMIN_URL, or start it: ` +
        `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start): ${(e as Error).message}`,
      { cause: e },
    );
  }
  return client;
}

/** PostgreSQL refuses to copy a template that has open connections (55006): wait and retry. */
export async function createDatabase(admin: pg.Client, name: string, template?: string): Promise<void> {
  const sql = `CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(sql);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== "55006" || attempt >= 20) throw e;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

export async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}

/** Drops `names` over a few connections at once: concurrent drops share their checkpoints. */
export async function dropDatabases(names: string[], adminUrl = PG_ADMIN_URL, parallel = 8): Promise<void> {
  if (names.length === 0) return;
  const queue = [...names];
  const workers = Array.from({ length: Math.min(parallel, queue.length) }, async () => {
    const client = await connectAdmin(adminUrl);
    try {
      for (let name = queue.shift(); name; name = queue.shift()) await dropDatabase(client, name);
    } finally {
      await client.end();
    }
  });
  await Promise.all(workers);
}

/** Names of the databases that match a LIKE pattern. */
export async function databasesLike(admin: pg.Client, pattern: string): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [pattern]);
  return rows.map((r) => r.datname);
}

/** Drops scratch databases older than an hour: left behind by runs that were killed. */
export async function dropStaleDatabases(admin: pg.Client): Promise<void> {
  const cutoff = Date.now() / 1000 - STALE_AFTER_SECONDS;
  const stale = (await databasesLike(admin, "cfp\\_%")).filter((name) => {
    const match = SCRATCH_NAME.exec(name);
    return match !== null && Number(match[2]) < cutoff;
  });
  await dropDatabases(stale);
}
