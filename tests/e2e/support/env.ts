// Where the end-to-end server listens and which database it uses. The
// Playwright config passes these to tests/e2e/support/start-server.mjs, and
// tests can open the same database (e.g. to read the outbox) with
// createDb(E2E_DATABASE_URL).
//
// E2E_PORT and E2E_DB_PATH override the defaults, so two checkouts (e.g. git
// worktrees) can run their end-to-end tests on one machine at the same time:
// `E2E_PORT=3210 npx playwright test`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { REPO_ROOT } from "../../../scripts/lib/paths";

export { REPO_ROOT };
export const E2E_PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DB_PATH = process.env.E2E_DB_PATH
  ? path.resolve(REPO_ROOT, process.env.E2E_DB_PATH)
  : fileURLToPath(new URL("../../.tmp/e2e.db", import.meta.url));
export const E2E_DATABASE_URL = `file:${E2E_DB_PATH}`;
