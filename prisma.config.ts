import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseUrl } from "./lib/db/url";

// The schema reads env("DATABASE_URL"); give it the same default the app uses.
process.env.DATABASE_URL = databaseUrl();

// Migrations run on Prisma's Wasm schema engine through the driver adapter:
// no native engine is downloaded (docs/decisions/0001-prisma-6-wasm.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl() }),
  migrations: { seed: "tsx prisma/seed.ts" },
});
