// `npm run db:check`: fails (exit 1) when the migrations of either provider
// do not produce prisma/schema.prisma, so the two databases cannot drift.
//
//   1. prisma/postgres/schema.prisma is what prisma/schema.prisma derives;
//   2. every SQLite migration has a PostgreSQL twin of the same name, and
//      the reverse; each folder's migration_lock.toml names its provider;
//   3. for each provider, all its migrations applied to a fresh shadow
//      database (in-memory SQLite; a cfp_shadow_* PostgreSQL database) give
//      exactly the schema: `prisma migrate diff --from-migrations` is empty.
//
// `--root <dir>` checks another checkout's prisma/ folder (the tests use it).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LOCK_FILE, diffFromMigrations, makeTempDir, migrationNames, parseArgs, paths, rel, withScratchDatabases } from "./lib.mjs";
import { expectedPostgresSchema, postgresSchemaIsCurrent } from "./postgres-schema.mjs";

const { root } = parseArgs(process.argv.slice(2));
const p = paths(root);
const problems = [];
const started = Date.now();

try {
  await check();
} catch (e) {
  problems.push(e.message);
}

if (problems.length > 0) {
  console.error(`db:check failed: the migrations and the schema disagree.\n`);
  for (const problem of problems) console.error(`✗ ${problem}\n`);
  console.error('How to fix: docs/postgres.md, section "Changing the data model".');
  process.exit(1);
}
console.log(
  `db:check ok: SQLite and PostgreSQL migrations both match prisma/schema.prisma (${((Date.now() - started) / 1000).toFixed(1)} s).`,
);

async function check() {
  let expectedPg;
  try {
    expectedPg = expectedPostgresSchema(root);
  } catch (e) {
    problems.push(e.message);
    return;
  }
  if (!postgresSchemaIsCurrent(root)) {
    problems.push(`${rel(p.postgres.schema)} is stale (or missing): run \`npm run db:generate\` and commit it.`);
  }

  for (const provider of [p.sqlite, p.postgres]) {
    const file = path.join(provider.migrations, LOCK_FILE);
    let text = "";
    try {
      text = readFileSync(file, "utf8");
    } catch {
      // reported below
    }
    if (!text.includes(`provider = "${provider.lock}"`)) problems.push(`${rel(file)} must say provider = "${provider.lock}".`);
  }

  const sqliteNames = migrationNames(p.sqlite.migrations);
  const postgresNames = migrationNames(p.postgres.migrations);
  const noTwin = sqliteNames.filter((n) => !postgresNames.includes(n));
  const noSqlite = postgresNames.filter((n) => !sqliteNames.includes(n));
  if (noTwin.length > 0) {
    problems.push(
      `SQLite migrations without a PostgreSQL twin in ${rel(p.postgres.migrations)}: ${noTwin.join(", ")}.\n` +
        "  Create the twins: npm run db:migration -- --sync",
    );
  }
  if (noSqlite.length > 0) {
    problems.push(`PostgreSQL migrations without a SQLite migration in ${rel(p.sqlite.migrations)}: ${noSqlite.join(", ")}.`);
  }

  // Compare with the schema derived now, so a stale file is not also reported as drift.
  const tmp = makeTempDir();
  const postgresSchema = path.join(tmp, "schema-pg.prisma");
  writeFileSync(postgresSchema, expectedPg);
  try {
    const [sqlite, postgres] = await withScratchDatabases((urls) =>
      Promise.all([
        diffFromMigrations(urls.sqlite, p.sqlite.migrations, p.sqlite.schema).catch((e) => ({ error: e })),
        diffFromMigrations(urls.postgres, p.postgres.migrations, postgresSchema).catch((e) => ({ error: e })),
      ]),
    );
    report("SQLite", p.sqlite.migrations, sqlite, "npm run db:migration -- <name>");
    report(
      "PostgreSQL",
      p.postgres.migrations,
      postgres,
      noTwin.length > 0 ? "npm run db:migration -- --sync" : "npm run db:migration -- <name> (or fix the twin that differs by hand)",
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function report(label, dir, result, fix) {
  if (result.error) {
    problems.push(`${label}: applying ${rel(dir)} failed:\n${indent(result.error.message)}`);
  } else if (!result.empty) {
    problems.push(
      `${label}: the migrations in ${rel(dir)} do not produce prisma/schema.prisma. ` +
        `This SQL is missing from them:\n${indent(result.sql.trim())}\n  Fix: ${fix}`,
    );
  }
}

function indent(text) {
  return text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}
