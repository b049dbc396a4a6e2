// The fixtures every spec uses: `import { expect, test } from "./support/fixtures"`.
// How to use them: tests/e2e/support/README.md.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "@playwright/test";
import { createDb, type Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { expect, test as cspTest } from "./csp";
import { createDemo, type Demo } from "./demo";
import { E2E_DATABASE_URL } from "./env";
import { signInWithSession, type Who } from "./session";

export type SignIn = (target: Page | BrowserContext, who: Who) => Promise<User>;
export type PageAs = (who: Who | null, options?: BrowserContextOptions) => Promise<Page>;

type TestFixtures = {
  /** Signs `who` in on that page's browser context with a new database session. */
  signIn: SignIn;
  /** A page in a new browser context of its own, signed in as `who` (null: signed out); closed after the test. */
  pageAs: PageAs;
  /** This test's own copy of the demo conference, built on first use. */
  demo: Demo;
};
type WorkerFixtures = {
  /** The e2e server's database (one connection per worker). */
  db: Db;
};

export const test = cspTest.extend<TestFixtures, WorkerFixtures>({
  db: [
    async ({ playwright: _playwright }, use) => {
      // (Playwright needs a destructured first argument; `{}` is refused by the linter.)
      const db = createDb(E2E_DATABASE_URL);
      // The server and the other worker write to the same file: on a busy machine a writer can hold
      // SQLite's lock past the app's 5 s busy timeout. Test setup waits longer rather than fail.
      await db.$queryRawUnsafe("PRAGMA busy_timeout = 30000");
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  signIn: async ({ db }, use) => {
    await use((target, who) => signInWithSession(db, target, who));
  },
  pageAs: async ({ browser, db }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (who, options) => {
      const context = await (browser as Browser).newContext(options);
      contexts.push(context);
      if (who !== null) await signInWithSession(db, context, who);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  demo: async ({ db }, use) => {
    await use(await createDemo(db));
  },
});

export { expect };
