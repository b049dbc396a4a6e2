#!/usr/bin/env node
// Architecture numbers for docs/architecture.md (issue: "measure and report"):
// - lib/ folder imports that point back along a cycle (A imports B while B,
//   directly or through others, imports A), counted as folder-to-folder edges;
// - files in lib/ that write a proposal's status (a proposal create/update
//   whose data names `status`): the lifecycle wants exactly one;
// - ESLint findings.
// Usage: node scripts/check/architecture-metrics.mjs [--json]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { libFiles as files, libFolderEdgesOnCycles } from "./lib-cycles.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const lib = path.join(root, "lib");
const backEdges = libFolderEdgesOnCycles(lib);

const statusWriters = files(lib).filter((file) => {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/\.proposal\.(create|createMany|update|updateMany|upsert)\(\{([\s\S]*?)\n\s{0,6}\}\)/g)].some(([, , body]) =>
    /data:\s*\{[^}]*\bstatus\b/.test(body),
  );
});

let lintFindings;
try {
  const out = execFileSync(path.join(root, "node_modules", ".bin", "eslint"), ["--format", "json", "."], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  lintFindings = JSON.parse(out).reduce((n, f) => n + f.errorCount + f.warningCount, 0);
} catch (e) {
  lintFindings = e.stdout ? JSON.parse(e.stdout).reduce((n, f) => n + f.errorCount + f.warningCount, 0) : null;
}

const result = {
  libFolderEdgesOnCycles: backEdges.length,
  cycles: backEdges.sort(),
  statusWriters: statusWriters.map((f) => path.relative(root, f)),
  lintFindings,
};
if (process.argv.includes("--json")) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`lib/ folder imports on a cycle: ${result.libFolderEdgesOnCycles}`);
  for (const e of result.cycles) console.log(`  ${e.replace(" ", " -> ")}`);
  console.log(`files writing a proposal's status: ${result.statusWriters.length}`);
  for (const f of result.statusWriters) console.log(`  ${f}`);
  console.log(`lint findings: ${result.lintFindings}`);
}
