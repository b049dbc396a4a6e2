// `npm run bench`: seed a large event, start the production server on it,
// load each page with autocannon and report against the issue's targets.
// How it works and the latest numbers: docs/benchmark.md.
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { firstLoadJs } from "./first-load-js";
import { measure, type Measurement } from "./measure";
import { parseOptions, type Options } from "./options";
import { benchPages, checkPages } from "./pages";
import { sampleMemory, waitForQuietMachine, waitIdle } from "./proc";
import { checkTargets, machine, printFirstLoadJs, printResults, writeResults } from "./report";
import { seed } from "./seed";
import { ensureBuild, freePort, startServer } from "./server";
import { createSessions } from "./sessions";

async function benchSize(size: number, opts: Options, build: object) {
  const quiet = await waitForQuietMachine(opts.maxLoad, opts.maxWait);
  const dbPath = path.join(tmpdir(), "cfp-bench", `bench-${size}.db`);
  console.log(`\nSeeding ${size.toLocaleString("en")} proposals into ${dbPath} ...`);
  const { fixtures, timings } = await seed(dbPath, size);
  console.log(`  migrate ${timings.migrateMs} ms, insert ${timings.insertMs} ms:`, fixtures.counts);
  const cookies = createSessions(dbPath, fixtures.users);
  const server = await startServer(dbPath, await freePort());
  const memory = sampleMemory(server.pid);
  const startedAt = new Date().toISOString();
  const results: Record<string, Measurement> = {};
  const idleAfter: Record<string, number> = {};
  try {
    const pages = await benchPages(fixtures, cookies, server.url);
    await checkPages(server.url, pages);
    const idleMb = memory.currentMb();
    for (const page of pages) {
      process.stdout.write(`  ${page.label} ... `);
      results[page.key] = await measure({ url: server.url, connections: opts.connections, seconds: opts.duration, warmup: opts.warmup, next: page.next, serverPid: server.pid });
      idleAfter[page.key] = await waitIdle(server.pid);
      console.log(`${results[page.key].rps} req/s, p95 ${results[page.key].latencyMs.p95} ms${idleAfter[page.key] > 1 ? `, server busy ${idleAfter[page.key]} s after the load stopped` : ""}`);
    }
    const routes = firstLoadJs();
    const checks = checkTargets(size, results, memory.peakMb(), routes);
    printResults(size, pages, results, checks);
    console.log(`  server RSS: ${Math.round(idleMb)} MB after start, ${Math.round(memory.peakMb())} MB peak`);
    const sqlite = new Database(dbPath, { readonly: true });
    const reviewsSaved = (sqlite.prepare(`SELECT count(*) AS n FROM "Review" WHERE "comment" LIKE 'Bench review %'`).get() as { n: number }).n;
    sqlite.close();
    if (!opts.resultsDir) return;
    const file = writeResults(opts.resultsDir, size, {
      date: startedAt,
      command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
      mode: opts.mode,
      machine: { ...machine(), loadAverageAtStart: quiet.load, waitedForQuietSeconds: quiet.waitedSeconds },
      build,
      load: { connections: opts.connections, durationSeconds: opts.duration, warmupSeconds: opts.warmup },
      dataset: fixtures.counts,
      seeding: timings,
      serverMemoryMb: { afterStart: Math.round(idleMb), peak: Math.round(memory.peakMb()) },
      pages: Object.fromEntries(pages.map((p) => [p.key, { label: p.label, ...results[p.key], ratioToTrivial: +(results[p.key].rps / results.trivial.rps).toFixed(2), serverBusyAfterSeconds: idleAfter[p.key] }])),
      reviewsWrittenBySubmitBench: reviewsSaved,
      targets: checks,
      firstLoadJs: routes,
    });
    console.log(`  results: ${file}`);
  } catch (e) {
    console.error(server.log());
    throw e;
  } finally {
    memory.stop();
    await server.stop();
  }
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const build = ensureBuild(opts.build);
  console.log(build.built ? `Built in ${build.seconds} s${build.typeChecked ? "" : " (type check skipped: it failed)"}.` : "Using the existing .next build (--build to rebuild).");
  printFirstLoadJs(firstLoadJs());
  for (const size of opts.sizes) await benchSize(size, opts, build);
  console.log(`\nDone in ${Math.round((performance.now() - started) / 1000)} s.`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
