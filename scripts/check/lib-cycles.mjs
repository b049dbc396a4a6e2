// lib/ folders that import each other round a cycle (docs/architecture.md):
// shared by scripts/check/architecture-metrics.mjs and tests/unit/lib-cycles.test.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export function libFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated") return [];
    return statSync(full).isDirectory() ? libFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** lib/<folder> of a file; top-level files of lib/ are their own folder. */
const folderOf = (lib, file) => path.relative(lib, file).split(path.sep).slice(0, -1)[0] ?? path.basename(file).replace(/\.tsx?$/, "");

function importsOf(lib, file) {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?[^"';]*?from\s+["']([^"']+)["']/gm)]
    .map(([, spec]) =>
      spec.startsWith("@/lib/") ? path.join(lib, spec.slice(6)) : spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : null,
    )
    .filter((target) => target && target.startsWith(lib + path.sep) && !target.includes(`${path.sep}generated`));
}

/** Folder-to-folder imports in lib/ that point back along a cycle ("a b": a imports b while b reaches a). */
export function libFolderEdgesOnCycles(lib) {
  const edges = new Map(); // "a b" -> count of imports
  for (const file of libFiles(lib)) {
    for (const target of importsOf(lib, file)) {
      const [a, b] = [folderOf(lib, file), folderOf(lib, target + ".ts")];
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
  return backEdges.sort();
}
