// Targets from the issue, the printed table and the result JSON.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";
import path from "node:path";
import type { RouteJs } from "./first-load-js";
import type { Measurement } from "./measure";
import type { Page } from "./pages";

export const TARGETS = {
  minRatioToTrivial: 0.5,
  organizerListP95Ms: 100, // at 10,000 proposals
  submitReviewP95Ms: 50,
  serverMemoryMb: 400,
  submitPageFirstLoadKb: 110, // gzip, kB = 1000 bytes as Next printed them
};

/** Pages held to the throughput target: all GET pages but the baseline itself. */
const RATIO_CHECKED = [
  "cfp",
  "schedule",
  "speaker",
  "queue",
  "reviewPage",
  "organizerList",
  "organizerSearch",
  "rankingSearch",
  "queueSearch",
];

export type Check = { target: string; value: string; pass: boolean | null };

export function checkTargets(size: number, results: Record<string, Measurement>, peakMb: number, routes: RouteJs[]): Check[] {
  const trivial = results.trivial.rps;
  const checks: Check[] = RATIO_CHECKED.filter((k) => results[k]).map((k) => ({
    target: `${k} ≥ ${TARGETS.minRatioToTrivial * 100}% of trivial page req/s`,
    value: `${Math.round((results[k].rps / trivial) * 100)}%`,
    pass: results[k].rps / trivial >= TARGETS.minRatioToTrivial,
  }));
  // The list's target holds for its search too (same page, one more query).
  for (const key of ["organizerList", "organizerSearch"].filter((k) => results[k])) {
    const list = results[key].latencyMs.p95;
    checks.push({
      target: `${key} p95 ≤ ${TARGETS.organizerListP95Ms} ms at 10,000 proposals`,
      value: `${list} ms`,
      pass: size >= 10_000 ? list <= TARGETS.organizerListP95Ms : null,
    });
  }
  if (results.submitReview) {
    const submit = results.submitReview.latencyMs.p95; // under the same 10 connections as the pages
    checks.push({
      target: `submit a review p95 ≤ ${TARGETS.submitReviewP95Ms} ms`,
      value: `${submit} ms`,
      pass: submit <= TARGETS.submitReviewP95Ms,
    });
  }
  checks.push({
    target: `server memory ≤ ${TARGETS.serverMemoryMb} MB`,
    value: `${Math.round(peakMb)} MB peak RSS`,
    pass: peakMb <= TARGETS.serverMemoryMb,
  });
  const form = routes.find((r) => r.route === "/events/[slug]/submit");
  if (form) {
    const kb = form.gzipBytes / 1000;
    checks.push({
      target: `first-load JS of /events/[slug]/submit ≤ ${TARGETS.submitPageFirstLoadKb} kB gzip`,
      value: `${kb.toFixed(1)} kB`,
      pass: kb <= TARGETS.submitPageFirstLoadKb,
    });
  }
  return checks;
}

const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : "-");

export function printResults(size: number, pages: Page[], results: Record<string, Measurement>, checks: Check[]) {
  const trivial = results.trivial.rps;
  console.log(`\n=== ${size.toLocaleString("en")} proposals ===`);
  console.table(
    Object.fromEntries(
      pages
        .filter((p) => results[p.key])
        .map((p) => {
          const m = results[p.key];
          const bad = Object.entries(m.statusCodes)
            .filter(([s]) => s !== "200")
            .map(([s, n]) => `${s}×${n}`)
            .join(" ");
          return [
            p.label,
            {
              "req/s": m.rps,
              "vs trivial": pct(m.rps / trivial),
              "p50 ms": m.latencyMs.p50,
              "p95 ms": m.latencyMs.p95,
              "p99 ms": m.latencyMs.p99,
              "CPU ms/req": m.serverCpuMsPerRequest,
              "CPU vs trivial": pct(results.trivial.serverCpuMsPerRequest / m.serverCpuMsPerRequest),
              "KB/resp": Math.round(m.bytesPerResponse / 1024),
              "others' CPU": `${m.otherCpuPercent}%`,
              "non-200": bad || "-",
            },
          ];
        }),
    ),
  );
  for (const c of checks) console.log(`${c.pass === null ? "  n/a" : c.pass ? "  PASS" : "  FAIL"}  ${c.target}: ${c.value}`);
}

export function printFirstLoadJs(routes: RouteJs[]) {
  console.log("\nFirst-load JS per route (gzip level 9, kB = 1000 bytes):");
  console.table(
    Object.fromEntries(
      routes.map((r) => [
        r.route,
        { files: r.files, "raw kB": +(r.rawBytes / 1000).toFixed(1), "gzip kB": +(r.gzipBytes / 1000).toFixed(1) },
      ]),
    ),
  );
}

export function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    kernel: release(),
    loadAverageAtEnd: loadavg().map((x) => +x.toFixed(2)),
  };
}

export function writeResults(dir: string, size: number, data: object): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${size}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  return file;
}
