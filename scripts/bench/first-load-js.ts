// First-load JavaScript per route, computed from the build (Next 16 no
// longer prints it). A route loads:
//   - the build's rootMainFiles (.next/build-manifest.json: runtime, React, router),
//   - the entryJSFiles of every segment in the route's client reference manifest
//     (.next/server/app/<route>/page_client-reference-manifest.js: root layout,
//     error and not-found boundaries, the page's client components).
// Each distinct file is gzipped (zlib level 9, like the gzip-size package Next
// used) and summed. The noModule polyfills are left out, as Next did.
// checkAgainstHtml() compares that set with the chunks a served page really references.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import vm from "node:vm";

export type RouteJs = { route: string; files: number; rawBytes: number; gzipBytes: number };

const gzipCache = new Map<string, { raw: number; gzip: number }>();
function sizes(file: string) {
  let s = gzipCache.get(file);
  if (!s) {
    const buf = readFileSync(`.next/${file}`);
    s = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    gzipCache.set(file, s);
  }
  return s;
}

/** The route's chunks; null for builds whose manifests have no entryJSFiles (webpack builds). */
export function routeChunks(appPath: string): string[] | null {
  const rootMain: string[] = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")).rootMainFiles;
  const manifestFile = `.next/server/app${appPath}_client-reference-manifest.js`;
  const sandbox = { globalThis: {} as Record<string, unknown> };
  vm.runInNewContext(readFileSync(manifestFile, "utf8"), sandbox);
  const manifests = sandbox.globalThis.__RSC_MANIFEST as Record<string, { entryJSFiles: Record<string, string[]> }>;
  const entry = manifests[appPath];
  if (!entry?.entryJSFiles) return null;
  return [...new Set([...rootMain, ...Object.values(entry.entryJSFiles).flat()])].filter((f) => f.endsWith(".js"));
}

/** Every page route of the build, e.g. "/events/[slug]/submit" → its first-load JS (empty for webpack builds). */
export function firstLoadJs(): RouteJs[] {
  const routes: Record<string, string> = JSON.parse(readFileSync(".next/app-path-routes-manifest.json", "utf8"));
  return Object.entries(routes)
    .filter(([appPath]) => appPath.endsWith("/page") && !appPath.startsWith("/_"))
    .flatMap(([appPath, route]) => {
      const files = routeChunks(appPath);
      if (!files) return [];
      const total = files.map(sizes).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }), { raw: 0, gzip: 0 });
      return { route, files: files.length, rawBytes: total.raw, gzipBytes: total.gzip };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** Chunks a served page makes the browser load: <script src> tags plus client references in its flight data. */
export function chunksInHtml(html: string): string[] {
  const all = [...html.matchAll(/static\/chunks\/[^"'\\\s]+?\.js/g)].map((m) => decodeURIComponent(m[0]));
  const polyfills: string[] = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")).polyfillFiles;
  return [...new Set(all)].filter((f) => !polyfills.includes(f)).sort();
}

export function checkAgainstHtml(appPath: string, html: string) {
  const expected = (routeChunks(appPath) ?? []).sort();
  const served = chunksInHtml(html);
  return {
    matches: expected.length === served.length && expected.every((f, i) => f === served[i]),
    onlyInBuild: expected.filter((f) => !served.includes(f)),
    onlyInHtml: served.filter((f) => !expected.includes(f)),
  };
}
