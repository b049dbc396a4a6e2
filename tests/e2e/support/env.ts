// Where the end-to-end server listens and which database it uses. The
// Playwright config passes these to tests/e2e/support/start-server.mjs, and
// tests can open the same database (e.g. to read the outbox) with
// createDb(E2E_DATABASE_URL).
import path from "node:path";
import { fileURLToPath } from "node:url";

export const E2E_PORT = Number(process.env.E2E_PORT) || 3100;
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DB_PATH = fileURLToPath(new URL("../../.tmp/e2e.db", import.meta.url));
export const E2E_DATABASE_URL = `file:${E2E_DB_PATH}`;
export const REPO_ROOT = path.resolve(fileURLToPath(new URL("../../../", import.meta.url)));
