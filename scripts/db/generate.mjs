// Generates both Prisma clients: lib/generated/prisma (SQLite) and
// lib/generated/prisma-pg (PostgreSQL). The Wasm query compiler is built per
// provider, so each database needs its own client (docs/decisions/0005-postgresql.md).
//
//   npm run db:generate     derive prisma/postgres/schema.prisma from prisma/schema.prisma, then generate
//   postinstall             generate from the committed schemas only (--no-derive), so that
//                           `npm run db:check` still sees a stale derived schema in CI
import { PROVIDERS, prisma, prismaError } from "./lib.mjs";
import { writePostgresSchema } from "./postgres-schema.mjs";

if (!process.argv.includes("--no-derive") && writePostgresSchema()) {
  console.log(`Wrote ${PROVIDERS.postgres.schema} (derived from ${PROVIDERS.sqlite.schema}).`);
}

// The URL only selects the provider in prisma.config.ts; generate never
// connects. A file: URL with the PostgreSQL schema would make Prisma try to
// download a native engine.
const runs = [
  { schema: PROVIDERS.sqlite.schema, url: "file:./prisma/generate.db" },
  { schema: PROVIDERS.postgres.schema, url: "postgresql://generate@localhost/generate" },
];
const results = await Promise.all(runs.map((r) => prisma(["generate", "--schema", r.schema], r.url)));
let failed = false;
results.forEach((result, i) => {
  if (result.code === 0) {
    const line = result.stdout.split("\n").find((l) => l.includes("Generated Prisma Client"));
    console.log(line ? line.trim() : `Generated the client for ${runs[i].schema}`);
  } else {
    failed = true;
    console.error(`prisma generate --schema ${runs[i].schema} failed:\n${prismaError(result)}`);
  }
});
if (failed) process.exit(1);
