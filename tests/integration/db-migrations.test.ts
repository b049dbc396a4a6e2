// The migration tooling (scripts/db/): db:check catches drift between the
// schema and either provider's migrations, db:migration writes both, and
// --sync writes a missing PostgreSQL twin. The scripts run on a copy of
// prisma/ (their --root option) and use PostgreSQL (PG_ADMIN_URL) for the
// PostgreSQL side, whatever TEST_DATABASE says: so this runs in the SQLite
// run only, not again in the PostgreSQL one.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "@/tests/support/paths";
import { isPostgresRun } from "@/tests/support/test-db";

function script(name: string, root: string, ...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile("node", [path.join(REPO_ROOT, "scripts/db", name), "--root", root, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

let root: string | null = null;

/** A copy of the repository's prisma/ folder (schemas and migrations only). */
function copyOfPrisma(): string {
  root = mkdtempSync(path.join(tmpdir(), "cfp-migrations-test-"));
  const filter = (src: string) => !/\.db(-\w+)?$/.test(src) && !src.includes("seed");
  cpSync(path.join(REPO_ROOT, "prisma"), path.join(root, "prisma"), { recursive: true, filter });
  return root;
}

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

const migrationFolders = (dir: string) =>
  readdirSync(dir)
    .filter((n) => /^\d{14}_/.test(n))
    .sort();

describe.skipIf(isPostgresRun())("database migrations for both providers (tooling; SQLite run only)", () => {
  it("db:check fails on a schema change without migrations; db:migration writes both; --sync restores a missing PostgreSQL twin", async () => {
    const dir = copyOfPrisma();
    const schemaFile = path.join(dir, "prisma/schema.prisma");
    const schema = readFileSync(schemaFile, "utf8");
    writeFileSync(
      schemaFile,
      schema.replace(/model SpeakerProfile \{/, "model SpeakerProfile {\n  pronouns  String?") +
        "\nenum SponsorTier {\n  GOLD\n  SILVER\n}\n\nmodel Sponsor {\n  id   String      @id @default(cuid())\n  tier SponsorTier @default(SILVER)\n}\n",
    );

    const sqliteDir = path.join(dir, "prisma/migrations");
    const postgresDir = path.join(dir, "prisma/postgres/migrations");
    const before = migrationFolders(sqliteDir);

    const drift = await script("check.mjs", dir);
    expect(drift.code).toBe(1);
    expect(drift.output).toContain("prisma/postgres/schema.prisma is stale");
    expect(drift.output).toMatch(/SQLite: the migrations in .* do not produce prisma\/schema\.prisma/);
    expect(drift.output).toContain('ALTER TABLE "SpeakerProfile" ADD COLUMN "pronouns" TEXT');
    expect(drift.output).toContain(`CREATE TYPE "SponsorTier" AS ENUM ('GOLD', 'SILVER')`);

    const created = await script("migration.mjs", dir, "add sponsors");
    expect(created.code, created.output).toBe(0);
    const folders = migrationFolders(sqliteDir);
    expect(folders.slice(0, -1)).toEqual(before);
    const added = folders.at(-1)!;
    expect(added).toMatch(/^\d{14}_add_sponsors$/);
    expect(migrationFolders(postgresDir)).toEqual(folders);
    const twinFile = path.join(postgresDir, added, "migration.sql");
    const twin = readFileSync(twinFile, "utf8");
    expect(twin).toContain(`CREATE TYPE "SponsorTier"`);
    expect(twin).toContain(`"tier" "SponsorTier" NOT NULL DEFAULT 'SILVER'`);

    // What a merge brings when someone added a SQLite migration only.
    rmSync(path.dirname(twinFile), { recursive: true });
    const synced = await script("migration.mjs", dir, "--sync");
    expect(synced.code, synced.output).toBe(0);
    expect(readFileSync(twinFile, "utf8")).toBe(twin);

    const clean = await script("check.mjs", dir);
    expect(clean.code, clean.output).toBe(0);
  }, 900_000);
});
