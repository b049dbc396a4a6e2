import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL, E2E_DB_PATH, E2E_PORT } from "./tests/e2e/support/env";

// Browsers cannot be downloaded here: use Debian's Chromium (apt-get install
// chromium). The flags keep it from calling home on a closed network.
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  // One server and one SQLite database (WAL) shared by all tests, which run in
  // parallel: each test signs people in with a database session and builds its
  // own event (tests/e2e/support/README.md), so none depends on another or on
  // the order. Two workers for the two cores of CI; E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS || 2),
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // No retries: a flaky test is a bug. (The last known cause, SQLITE_BUSY_SNAPSHOT between the fixtures'
  // process and the server, is fixed by lib/db/begin-immediate.ts.)
  retries: 0,
  // Long user journeys (several people, many pages, axe on each) on a 2-core machine.
  timeout: 90_000,
  // A busy machine renders slowly: a wide wait costs nothing when the page is right.
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-GB",
    timezoneId: "Europe/Berlin",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: "node tests/e2e/support/start-server.mjs",
    url: E2E_BASE_URL,
    env: { E2E_PORT: String(E2E_PORT), E2E_DB_PATH },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
