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
    // Two test files at a time on CI's two cores (Vitest's default would be one); each file has its own
    // database (tests/support/test-db.ts). Measured on one 2-core machine, same suite: SQLite 679 s with
    // one worker, 451 s with two. VITEST_MAX_WORKERS overrides.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS) || 2,
    // Timeouts only catch a hung test: a passing test never waits on them. On a
    // shared 2-core machine a test that takes 2 s alone can take twenty times
    // that, so they are wide; per-test overrides only ever widen them.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    env: { AUTH_SECRET: "test-secret-for-signed-links-only-3c1f9a" },
  },
});
