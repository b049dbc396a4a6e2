// Every test of a file gets a fresh database that already holds the world
// (./world.ts). On SQLite the world is built once per file and each test gets
// a copy of that file, as useTestDb copies the empty template: the same
// isolation for a fraction of the cost (the authorization matrix runs ~800
// tests). On PostgreSQL each test builds its own world.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createDb, sqliteFilePath, type Db } from "@/lib/db/client";
import { isPostgresRun, sqliteCopiesOf, sqliteDriver, useTestDb, type TestDatabase } from "@/tests/support/test-db";
import { buildWorld, type World } from "./world";

export function useWorldDb(): { getDb: () => Db; world: () => World } {
  let world: World | null = null;
  const current = () => world ?? raise("No world yet: use it inside a test.");

  if (isPostgresRun()) {
    const getDb = useTestDb();
    beforeEach(async () => void (world = await buildWorld(getDb())));
    return { getDb, world: current };
  }

  let template: TestDatabase | null = null;
  beforeAll(async () => {
    template = await sqliteDriver.create();
    const db = createDb(template.url);
    try {
      world = await buildWorld(db);
    } finally {
      // The last connection to close checkpoints the WAL into the file, so a plain copy holds the world.
      await db.$disconnect();
    }
    if (existsSync(`${sqliteFilePath(template.url)}-wal`)) throw new Error("the world's database still has a WAL file after closing");
  });
  afterAll(() => template?.dispose());
  const getDb = useTestDb(sqliteCopiesOf(() => sqliteFilePath(template?.url ?? raise("No world database: beforeAll did not run."))));
  return { getDb, world: current };
}

function raise(message: string): never {
  throw new Error(message);
}
