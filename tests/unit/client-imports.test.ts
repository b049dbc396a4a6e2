import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "@/scripts/lib/paths";

// Client components ship to the browser with everything they import. zod
// alone is 18 kB gzip, so the forms take their limits and labels from
// zod-free modules (lib/text/proposal-limits.ts, lib/reviews/review-fields.ts,
// ...) and the server validates with the schemas. This follows every
// non-type import from each "use client" file through the repository.
const root = REPO_ROOT;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(root, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Packages reached from `file` through value imports (type-only imports are erased); values say through which files. */
function packagesReached(file: string, seen = new Set<string>()): Map<string, string> {
  const reached = new Map<string, string>();
  if (seen.has(file)) return reached;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  // A server action module reaches the browser as a reference, not as code.
  if (seen.size > 1 && /^\s*["']use server["']/.test(source)) return reached;
  for (const [, typeOnly, spec] of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^"';]*?from\s+["']([^"']+)["']/gm)) {
    if (typeOnly) continue;
    const local = resolve(file, spec);
    if (local) for (const [pkg, via] of packagesReached(local, seen)) reached.set(pkg, `${path.relative(root, file)} → ${via}`);
    else if (!spec.startsWith(".") && !spec.startsWith("@/")) reached.set(spec, path.relative(root, file));
  }
  return reached;
}

const clientFiles = ["components", "app"]
  .flatMap((dir) => sourceFiles(path.join(root, dir)))
  .filter((file) => /^\s*["']use client["']/.test(readFileSync(file, "utf8")));

describe("client components", () => {
  it("are found", () => {
    expect(clientFiles.map((f) => path.relative(root, f))).toContain("components/proposals/ProposalForm.tsx");
  });

  it.each(clientFiles.map((f) => [path.relative(root, f), f]))("%s does not pull zod into the browser", (_, file) => {
    const zod = [...packagesReached(file)].filter(([pkg]) => pkg === "zod" || pkg.startsWith("zod/"));
    expect(zod.map(([, via]) => via)).toEqual([]);
  });

  // The database, the mailer, secrets and request state stay on the server:
  // a client component reaching one of these would either fail to bundle or
  // ship server code to every browser.
  const SERVER_ONLY = /^(node:|@prisma\/|better-sqlite3$|pg$|nodemailer$|next-auth|@auth\/|next\/headers$|server-only$)/;
  it.each(clientFiles.map((f) => [path.relative(root, f), f]))("%s reaches no server module", (_, file) => {
    const server = [...packagesReached(file)].filter(([pkg]) => SERVER_ONLY.test(pkg));
    expect(server.map(([pkg, via]) => `${pkg} via ${via}`)).toEqual([]);
  });
});
