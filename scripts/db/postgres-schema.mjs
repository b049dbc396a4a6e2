// Derives the PostgreSQL schema (prisma/postgres/schema.prisma) from the one
// hand-edited schema (prisma/schema.prisma, provider sqlite). Only the
// datasource provider and the generator output change; every model, enum and
// attribute is copied as is, so both databases get the same data model.
//
//   node scripts/db/postgres-schema.mjs           write the file (npm run db:generate does)
//   node scripts/db/postgres-schema.mjs --check   exit 1 if it is stale
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PROVIDERS, REPO_ROOT } from "./lib.mjs";

const HEADER = `// GENERATED FILE, DO NOT EDIT. Derived from prisma/schema.prisma (the one
// source of truth) by scripts/db/postgres-schema.mjs: edit that schema, then
// run \`npm run db:generate\`. \`npm run db:check\` fails when this file is stale.
// See docs/decisions/0005-postgresql.md.

`;

/** The text of the PostgreSQL schema for the text of the SQLite schema. */
export function derivePostgresSchema(sqliteText) {
  const blocks = [...sqliteText.matchAll(/^(datasource|generator)\s+\w+\s*\{[^}]*\}/gm)].map((m) => m[0]);
  const datasources = blocks.filter((b) => b.startsWith("datasource"));
  if (datasources.length !== 1 || !/^\s*provider\s*=\s*"sqlite"/m.test(datasources[0])) {
    throw new Error(
      `${PROVIDERS.sqlite.schema} must have one datasource with provider = "sqlite": the PostgreSQL schema is derived from it`,
    );
  }
  // Native type attributes (@db.VarChar, ...) differ per provider and would
  // make one of the two schemas invalid, so the shared schema cannot use them.
  const nativeType = sqliteText.match(/^[^/\n]*@db\.\w+/m);
  if (nativeType) {
    throw new Error(`${PROVIDERS.sqlite.schema}: native type attributes are provider-specific, not allowed: ${nativeType[0].trim()}`);
  }
  let out = sqliteText;
  for (const block of blocks) {
    const replaced = block.startsWith("datasource")
      ? block.replace(/^(\s*provider\s*=\s*)"sqlite"/m, '$1"postgresql"')
      : block.replace(/^(\s*output\s*=\s*)"([^"]+)"/m, (_, lead, output) => `${lead}"${postgresOutput(output)}"`);
    out = out.replace(block, replaced);
  }
  return HEADER + out;
}

/** ../lib/generated/prisma (relative to prisma/) → ../../lib/generated/prisma-pg (relative to prisma/postgres/). */
function postgresOutput(output) {
  const from = path.posix.dirname(PROVIDERS.sqlite.schema);
  const to = path.posix.dirname(PROVIDERS.postgres.schema);
  return path.posix.relative(to, `${path.posix.join(from, output)}-pg`);
}

export function expectedPostgresSchema(root = REPO_ROOT) {
  return derivePostgresSchema(readFileSync(path.join(root, PROVIDERS.sqlite.schema), "utf8"));
}

/** True when prisma/postgres/schema.prisma is what prisma/schema.prisma derives. */
export function postgresSchemaIsCurrent(root = REPO_ROOT) {
  try {
    return readFileSync(path.join(root, PROVIDERS.postgres.schema), "utf8") === expectedPostgresSchema(root);
  } catch {
    return false;
  }
}

/** Writes prisma/postgres/schema.prisma; returns true when it changed. */
export function writePostgresSchema(root = REPO_ROOT) {
  if (postgresSchemaIsCurrent(root)) return false;
  const file = path.join(root, PROVIDERS.postgres.schema);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, expectedPostgresSchema(root));
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes("--check")) {
    if (!postgresSchemaIsCurrent()) {
      console.error(`${PROVIDERS.postgres.schema} is stale: run \`npm run db:generate\` and commit it.`);
      process.exit(1);
    }
  } else if (writePostgresSchema()) {
    console.log(`Wrote ${PROVIDERS.postgres.schema} (derived from ${PROVIDERS.sqlite.schema}).`);
  }
}
