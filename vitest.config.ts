import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/security/**/*.test.ts"],
    environment: "node",
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses:
    // let Vite load it (tests/security call the sign-in action, which goes through next-auth).
    server: { deps: { inline: ["next-auth"] } },
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    // One test file at a time (Vitest's default on two cores): two at once measured slower here, the
    // PostgreSQL server and the SQLite copies competing for the same two cores (SQLite 227 s → 451 s,
    // PostgreSQL 291 s → over 540 s). VITEST_MAX_WORKERS overrides on bigger machines.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || 1,
    // Timeouts only catch a hung test: a passing test never waits on them. On a
    // shared 2-core machine a test that takes 2 s alone can take twenty times
    // that, so they are wide; per-test overrides only ever widen them.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    env: { AUTH_SECRET: "test-secret-for-signed-links-only-3c1f9a" },
  },
});
