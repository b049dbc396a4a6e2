import { defineConfig } from "prisma/config";
import { databaseUrl, isPostgres } from "./lib/db/url";
import { migrationAdapter } from "./scripts/db/migration-adapter";

// The schema reads env("DATABASE_URL"); give it the same default the app uses.
const url = databaseUrl();
process.env.DATABASE_URL = url;

// DATABASE_URL picks the provider: a postgresql:// URL uses the derived
// PostgreSQL schema and its migrations (prisma/postgres/, generated from
// prisma/schema.prisma: docs/decisions/0005-postgresql.md); a file: URL the
// SQLite ones. Migrations run on Prisma's Wasm schema engine through the
// driver adapter: no native engine is downloaded (docs/decisions/0001-prisma-6-wasm.md).
const postgres = isPostgres(url);

export default defineConfig({
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => migrationAdapter(url),
  migrations: {
    path: postgres ? "prisma/postgres/migrations" : "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
});
