#!/usr/bin/env node
// Playwright's webServer: a fresh SQLite database, the seed, then the
// production server from the existing `next build` output.
//
// Reads E2E_PORT and E2E_DB_PATH (set by playwright.config.ts); the defaults
// below only matter when this script is run by hand.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const port = process.env.E2E_PORT || "3100";
const dbPath = path.resolve(root, process.env.E2E_DB_PATH || "tests/.tmp/e2e.db");
const databaseUrl = `file:${dbPath}`;
const baseUrl = `http://localhost:${port}`;

const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  DEMO_MODE: "1",
  AUTH_SECRET: process.env.E2E_AUTH_SECRET || "e2e-secret-not-for-production-4f9c2a7b1d8e6f30",
  AUTH_URL: baseUrl,
  // As behind a trusted reverse proxy: X-Forwarded-Proto: https earns HSTS (tests/e2e/security-headers.spec.ts).
  AUTH_TRUST_HOST: "1",
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  // tests/e2e/webhooks-imports.spec.ts receives webhooks on 127.0.0.1, which production refuses (SSRF guard),
  // and should not wait the default 5 s between delivery rounds.
  WEBHOOKS_ALLOW_PRIVATE: "1",
  WEBHOOK_INTERVAL_MS: "300",
};

function log(message) {
  console.log(`[e2e server] ${message}`);
}

function run(label, command, args) {
  log(label);
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`[e2e server] ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("[e2e server] No production build in .next/: run `npm run build` before `npm run test:e2e`.");
  process.exit(1);
}

mkdirSync(path.dirname(dbPath), { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbPath + suffix, { force: true });

run(`migrating ${databaseUrl}`, bin("prisma"), ["migrate", "deploy"]);

// WAL, as in development and production (stored in the file; see scripts/sqlite-wal.mjs).
const sqlite = new Database(dbPath);
sqlite.pragma("journal_mode = WAL");
sqlite.close();

if (existsSync(path.join(root, "prisma", "seed.ts"))) {
  run("seeding", bin("tsx"), ["prisma/seed.ts"]);
} else {
  console.warn("[e2e server] WARNING: prisma/seed.ts does not exist yet; starting with an empty database.");
}

log(`starting next on ${baseUrl}`);
const server = spawn(bin("next"), ["start", "-p", port], { cwd: root, env, stdio: "inherit" });

// Playwright stops the web server with a signal: pass it on, and exit when next does.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
server.on("error", (err) => {
  console.error(`[e2e server] could not start next: ${err.message}`);
  process.exit(1);
});
