// `npm run bench`: seed a large event, start the production server on it,
// load each page with autocannon and report against the issue's targets.
// How it works and the latest numbers: docs/benchmark.md.
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { checkAgainstHtml, firstLoadJs } from "./first-load-js";
import { measure, warmUp, type Measurement } from "./measure";
import { parseOptions, type Options } from "./options";
import { benchPages, checkPages, type Page } from "./pages";
import { sampleMemory, waitForQuietMachine, waitIdle, type MemorySampler } from "./proc";
import { checkTargets, machine, printFirstLoadJs, printResults, writeResults } from "./report";
import { seed } from "./seed";
import { ensureBuild, freePort, startServer, type Server } from "@/scripts/lib/server";
import { createSessions } from "./sessions";
import { measureExports } from "./exports";

type PageRun = Measurement & { serverBusyAfterSeconds: number; serverRssPeakMb: number };

async function measurePages(server: Server, pages: Page[], opts: Options, memory: MemorySampler) {
  const base = { url: server.url, serverPid: server.pid };
  // Warm every page first, so the first page measured does not pay for the server's JIT warm-up alone.
  process.stdout.write(`  warming up (${opts.warmup} s per page) ...`);
  for (const page of pages)
    await warmUp({ ...base, connections: page.connections ?? opts.connections, seconds: opts.warmup, next: page.next });
  console.log(" done");
  const runs: Record<string, PageRun> = {};
  for (const page of pages) {
    process.stdout.write(`  ${page.label} ... `);
    memory.mark();
    const m = await measure({
      ...base,
      connections: page.connections ?? opts.connections,
      seconds: opts.duration,
      warmup: Math.min(1, opts.warmup),
      next: page.next,
    });
    const busy = await waitIdle(server.pid); // e.g. work a server action left to after()
    runs[page.key] = { ...m, serverBusyAfterSeconds: busy, serverRssPeakMb: Math.round(memory.windowPeakMb()) };
    console.log(
      `${m.rps} req/s, p95 ${m.latencyMs.p95} ms, RSS peak ${runs[page.key].serverRssPeakMb} MB${busy > 1 ? `, server busy ${busy} s after the load stopped` : ""}`,
    );
  }
  return runs;
}

function reviewsWritten(dbPath: string): number {
  const sqlite = new Database(dbPath, { readonly: true });
  const row = sqlite.prepare(`SELECT count(*) AS n FROM "Review" WHERE "comment" LIKE 'Bench review %'`).get() as { n: number };
  sqlite.close();
  return row.n;
}

async function benchSize(size: number, opts: Options, build: object) {
  const quiet = await waitForQuietMachine(opts.maxLoad, opts.maxWait);
  const dbPath = path.join(tmpdir(), "cfp-bench", `bench-${size}.db`);
  console.log(`\nSeeding ${size.toLocaleString("en")} proposals into ${dbPath} ...`);
  const { fixtures, timings } = await seed(dbPath, size);
  console.log(`  migrate ${timings.migrateMs} ms, insert ${timings.insertMs} ms:`, fixtures.counts);
  const cookies = createSessions(dbPath, fixtures.users);
  const server = await startServer(`file:${dbPath}`, await freePort(), { nodeOptions: opts.serverNodeOptions });
  const memory = sampleMemory(server.pid);
  const startedAt = new Date().toISOString();
  try {
    const all = await benchPages(fixtures, cookies, server.url);
    const pages = opts.pages ? all.filter((p) => p.key === "trivial" || opts.pages!.includes(p.key)) : all;
    await checkPages(server.url, pages);
    // The first-load JS method, checked against what the proposal form really loads.
    const formHtml = await (await fetch(`${server.url}/events/${fixtures.slug}/submit`, { headers: { cookie: cookies.speaker } })).text();
    const formJs = checkAgainstHtml("/(speaker)/events/[slug]/submit/page", formHtml);
    if (!formJs.matches) console.log("  ! first-load JS of the proposal form differs from what its HTML loads:", formJs);
    const idleMb = Math.round(memory.currentMb());
    if (opts.exportsOnly) {
      await measureExports(server.url, fixtures.slug, cookies.organizer, memory);
      console.log(`  server RSS: ${idleMb} MB after start, ${Math.round(memory.peakMb())} MB peak`);
      return;
    }
    const runs = await measurePages(server, pages, opts, memory);
    const exportRuns = await measureExports(server.url, fixtures.slug, cookies.organizer, memory);
    const endMb = Math.round(memory.currentMb());

    const slow = pages.filter((p) => runs[p.key].requests === 0);
    if (slow.length > 0) console.log(`  ! no response finished within the run (raise --duration): ${slow.map((p) => p.key).join(", ")}`);
    const broken = pages.filter((p) => Object.keys(runs[p.key].statusCodes).some((s) => s !== "200"));
    if (broken.length > 0) {
      console.log(`  ! non-200 answers on: ${broken.map((p) => p.key).join(", ")}`);
      process.exitCode = 1; // still a report, but a broken page is not a number to compare
    }
    const routes = firstLoadJs();
    const checks = checkTargets(size, runs, memory.peakMb(), routes);
    printResults(size, pages, runs, checks);
    console.log(`  server RSS: ${idleMb} MB after start, ${Math.round(memory.peakMb())} MB peak, ${endMb} MB at the end (idle)`);
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
      serverMemoryMb: {
        afterStart: idleMb,
        peak: Math.round(memory.peakMb()),
        atEndIdle: endMb,
        nodeOptions: opts.serverNodeOptions || null,
      },
      pages: Object.fromEntries(
        pages.map((p) => [
          p.key,
          {
            label: p.label,
            connections: p.connections ?? opts.connections,
            ...runs[p.key],
            ratioToTrivial: +(runs[p.key].rps / runs.trivial.rps).toFixed(2),
          },
        ]),
      ),
      exports: exportRuns,
      reviewsWrittenBySubmitBench: reviewsWritten(dbPath),
      targets: checks,
      firstLoadJs: routes,
      firstLoadJsMatchesServedHtml: formJs,
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
  console.log(
    build.built
      ? `Built in ${build.seconds} s${build.typeChecked ? "" : " (type check skipped: it failed)"}.`
      : "Using the existing .next build (--build to rebuild).",
  );
  printFirstLoadJs(firstLoadJs());
  for (const size of opts.sizes) await benchSize(size, opts, build);
  console.log(`\nDone in ${Math.round((performance.now() - started) / 1000)} s.`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
