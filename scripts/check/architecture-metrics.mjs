#!/usr/bin/env node
// Architecture numbers for docs/architecture.md (issue: "measure and report"):
// - lib/ folder imports that point back along a cycle (A imports B while B,
//   directly or through others, imports A), counted as folder-to-folder edges;
// - files in lib/ that write a proposal's status (a proposal create/update
//   whose data names `status`): the lifecycle wants exactly one;
// - ESLint findings.
// Usage: node scripts/check/architecture-metrics.mjs [--json]
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const lib = path.join(root, "lib");

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated") return [];
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** lib/<folder> of a file; top-level files of lib/ are their own folder. */
const folderOf = (file) => path.relative(lib, file).split(path.sep).slice(0, -1)[0] ?? path.basename(file).replace(/\.tsx?$/, "");

function importsOf(file) {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?[^"';]*?from\s+["']([^"']+)["']/gm)]
    .map(([, spec]) =>
      spec.startsWith("@/lib/") ? path.join(lib, spec.slice(6)) : spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : null,
    )
    .filter((target) => target && target.startsWith(lib + path.sep) && !target.includes(`${path.sep}generated`));
}

const edges = new Map(); // "a b" -> count of imports
for (const file of files(lib)) {
  for (const target of importsOf(file)) {
    const [a, b] = [folderOf(file), folderOf(target + ".ts")];
    if (a !== b) edges.set(`${a} ${b}`, (edges.get(`${a} ${b}`) ?? 0) + 1);
  }
}
const graph = new Map();
for (const key of edges.keys()) {
  const [a, b] = key.split(" ");
  graph.set(a, [...(graph.get(a) ?? []), b]);
}
const reaches = (from, to, seen = new Set()) =>
  from === to || (!seen.has(from) && (seen.add(from), (graph.get(from) ?? []).some((n) => reaches(n, to, seen))));
const backEdges = [...edges.keys()].filter((key) => {
  const [a, b] = key.split(" ");
  return reaches(b, a);
});

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
