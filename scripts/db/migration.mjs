// Migrations for both providers, generated from prisma/schema.prisma.
//
//   npm run db:migration -- <name>          a new migration for SQLite and PostgreSQL: what the
//                                           schema has that the migrations do not (same folder name)
//   npm run db:migration -- --sync          a PostgreSQL twin for every SQLite migration that has none
//   npm run db:migration -- --empty <name>  an empty migration in both folders, for hand-written SQL
//
// Both diffs are `prisma migrate diff --from-migrations <dir> --to-schema-datamodel <schema>`:
// Prisma applies the migrations to a shadow database (an in-memory SQLite
// database; a cfp_shadow_* PostgreSQL database, created and dropped beside a
// cfp_tool_* scratch database on PG_ADMIN_URL's server) and compares.
// `--root <dir>` runs on another checkout's prisma/ folder (the tests use it).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  LOCK_FILE,
  REPO_ROOT,
  copyMigrations,
  diffFromMigrations,
  lockFileText,
  makeTempDir,
  migrationNames,
  parseArgs,
  paths,
  rel,
  withScratchDatabases,
} from "./lib.mjs";
import { derivePostgresSchema, writePostgresSchema } from "./postgres-schema.mjs";

const EMPTY = "-- This is an empty migration.\n";

const { root, flags, positional } = parseArgs(process.argv.slice(2));
const p = paths(root);

try {
  if (writePostgresSchema(root)) console.log(`Updated ${rel(p.postgres.schema)} from ${rel(p.sqlite.schema)}.`);
  ensureLockFile(p.postgres);
  if (flags.has("--sync")) {
    await withScratchDatabases((urls) => sync(urls));
  } else if (positional.length === 1) {
    const name = folderSuffix(positional[0]);
    if (flags.has("--empty")) createEmpty(name);
    else await withScratchDatabases(async (urls) => create(urls, name));
  } else {
    console.error("Usage: npm run db:migration -- <name> | --sync | --empty <name>   (see docs/postgres.md)");
    process.exit(2);
  }
} catch (e) {
  console.error(`\n${e.message}`);
  process.exit(1);
}

/** A new migration for both providers: the diff from each provider's migrations to the schema. */
async function create(urls, name) {
  await sync(urls, { quiet: true });
  const [sqlite, postgres] = await Promise.all([
    diffFromMigrations(urls.sqlite, p.sqlite.migrations, p.sqlite.schema),
    diffFromMigrations(urls.postgres, p.postgres.migrations, p.postgres.schema),
  ]);
  if (sqlite.empty && postgres.empty) {
    console.log("The migrations of both providers already match prisma/schema.prisma: no migration created.");
    return;
  }
  const folder = nextFolderName(name);
  writeMigration(p.sqlite, folder, sqlite.empty ? EMPTY : sqlite.sql);
  writeMigration(p.postgres, folder, postgres.empty ? EMPTY : postgres.sql);
  if (sqlite.empty !== postgres.empty) {
    console.warn(`\nWarning: only the ${sqlite.empty ? "PostgreSQL" : "SQLite"} migration has changes; check both.`);
  }
  nextSteps();
}

function createEmpty(name) {
  const folder = nextFolderName(name);
  const note = "-- Hand-written migration: write the SQL for this provider; keep the other provider's twin equivalent.\n";
  writeMigration(p.sqlite, folder, note);
  writeMigration(p.postgres, folder, note);
  nextSteps();
}

/**
 * Writes the PostgreSQL twin of each SQLite migration that lacks one. The
 * twin of SQLite migration k is the PostgreSQL diff from twins 1..k-1 to the
 * schema that SQLite migrations 1..k produce. That schema is the current one
 * when the SQLite migrations match it; otherwise an earlier version of
 * prisma/schema.prisma from git that does (proved by an empty diff).
 */
async function sync(urls, { quiet = false } = {}) {
  const sqliteNames = migrationNames(p.sqlite.migrations);
  const postgresNames = new Set(migrationNames(p.postgres.migrations));
  const orphans = [...postgresNames].filter((n) => !sqliteNames.includes(n));
  if (orphans.length > 0) {
    throw new Error(
      `PostgreSQL migrations without a SQLite migration of the same name: ${orphans.join(", ")}.\n` +
        `Remove them from ${rel(p.postgres.migrations)} or add their SQLite twin.`,
    );
  }
  const missing = sqliteNames.filter((n) => !postgresNames.has(n));
  if (missing.length === 0) {
    if (!quiet) console.log("Every SQLite migration has its PostgreSQL twin: nothing to do.");
    return;
  }
  const firstMissing = sqliteNames.indexOf(missing[0]);
  const laterTwin = sqliteNames.slice(firstMissing).find((n) => postgresNames.has(n));
  if (laterTwin) {
    throw new Error(
      `SQLite migration ${missing[0]} has no PostgreSQL twin, but the later ${laterTwin} has one: ` +
        `write ${rel(path.join(p.postgres.migrations, missing[0], "migration.sql"))} by hand (docs/postgres.md).`,
    );
  }
  const tmp = makeTempDir();
  try {
    for (const name of missing) await writeTwin(urls, tmp, sqliteNames, name);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function writeTwin(urls, tmp, sqliteNames, name) {
  const k = sqliteNames.indexOf(name);
  const through = copyMigrations(p.sqlite.migrations, sqliteNames.slice(0, k + 1), tmp, p.sqlite.lock);
  const schemaText = await schemaAt(urls, tmp, through, name);
  const sqliteSchema = path.join(tmp, `schema-${k}.prisma`);
  const postgresSchema = path.join(tmp, `schema-${k}-pg.prisma`);
  writeFileSync(sqliteSchema, schemaText);
  writeFileSync(postgresSchema, derivePostgresSchema(schemaText));

  const before = sqliteNames.slice(0, k);
  const sqliteBefore = copyMigrations(p.sqlite.migrations, before, tmp, p.sqlite.lock);
  const postgresBefore = copyMigrations(p.postgres.migrations, before, tmp, p.postgres.lock);
  const [expectedSqlite, twin] = await Promise.all([
    diffFromMigrations(urls.sqlite, sqliteBefore, sqliteSchema),
    diffFromMigrations(urls.postgres, postgresBefore, postgresSchema),
  ]);
  writeMigration(p.postgres, name, twin.empty ? EMPTY : twin.sql);

  // A SQLite migration that Prisma would not have written this way was
  // edited by hand (data updates, SQLite-specific statements): the twin has
  // only the schema change, so the hand-written part must be ported.
  const actual = readFileSync(path.join(p.sqlite.migrations, name, "migration.sql"), "utf8");
  if (normalize(actual) !== normalize(expectedSqlite.empty ? EMPTY : expectedSqlite.sql)) {
    console.warn(
      `  Warning: ${rel(path.join(p.sqlite.migrations, name, "migration.sql"))} differs from what Prisma generates ` +
        "for its schema change (edited by hand?). Port any hand-written SQL (data updates) to the PostgreSQL twin.",
    );
  }
}

/** The text of a prisma/schema.prisma whose datamodel is what the migrations in `migrationsDir` produce. */
async function schemaAt(urls, tmp, migrationsDir, name) {
  const tried = new Set();
  for (const candidate of schemaCandidates(name)) {
    if (candidate === null || tried.has(candidate)) continue;
    tried.add(candidate);
    const file = path.join(tmp, `candidate-${tried.size}.prisma`);
    writeFileSync(file, candidate);
    try {
      if ((await diffFromMigrations(urls.sqlite, migrationsDir, file)).empty) return candidate;
    } catch {
      // an old schema that this Prisma version rejects: not the one
    }
  }
  throw new Error(
    `No version of prisma/schema.prisma matches the SQLite migrations up to ${name} ` +
      `(tried the current one${tried.size > 1 ? ` and ${tried.size - 1} from git` : ""}).\n` +
      "If you changed the schema after that migration, first make its twin from the schema it was made from, or " +
      `write ${rel(path.join(p.postgres.migrations, name, "migration.sql"))} by hand (docs/postgres.md).`,
  );
}

/** The current schema first, then (in the repository) the versions git knows, newest first. */
function* schemaCandidates(name) {
  yield readFileSync(p.sqlite.schema, "utf8");
  if (path.resolve(root) !== path.resolve(REPO_ROOT)) return;
  const schema = "prisma/schema.prisma";
  const git = (...args) => execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const show = (commit) => {
    try {
      return git("show", `${commit}:${schema}`);
    } catch {
      return null;
    }
  };
  let commits;
  try {
    const added = git("log", "--format=%H", "--diff-filter=A", "--", `prisma/migrations/${name}`).split("\n").filter(Boolean);
    commits = [...added, ...git("log", "--format=%H", "-n", "30", "--", schema).split("\n").filter(Boolean)];
  } catch {
    return; // not a git checkout
  }
  yield show("HEAD");
  for (const commit of commits) yield show(commit);
}

function writeMigration(provider, folder, sql) {
  const file = path.join(provider.migrations, folder, "migration.sql");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, sql);
  console.log(`Wrote ${rel(file)}`);
}

function ensureLockFile(provider) {
  const file = path.join(provider.migrations, LOCK_FILE);
  if (!existsSync(file)) {
    mkdirSync(provider.migrations, { recursive: true });
    writeFileSync(file, lockFileText(provider.lock));
  }
}

/** Prisma's folder naming: UTC yyyymmddhhmmss_name, always after the newest existing migration. */
function nextFolderName(name) {
  const existing = [...migrationNames(p.sqlite.migrations), ...migrationNames(p.postgres.migrations)].sort();
  const last = existing.at(-1)?.slice(0, 14) ?? "0";
  let stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  if (stamp <= last) stamp = String(BigInt(last) + 1n);
  return `${stamp}_${name}`;
}

function folderSuffix(raw) {
  const name = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 100);
  if (!name) throw new Error(`"${raw}" is not a usable migration name (letters, digits, underscores).`);
  return name;
}

function normalize(sql) {
  return sql.replace(/\s+/g, " ").trim();
}

function nextSteps() {
  console.log(`
Next: review both migration.sql files, then
  npm run db:migrate      apply to your database (DATABASE_URL picks the provider)
  npm run db:generate     regenerate both clients
  npm run db:check        migrations of both providers match the schema
and commit prisma/schema.prisma, prisma/postgres/ and prisma/migrations/ together.`);
}
