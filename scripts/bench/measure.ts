// One page under load: a warm-up, then autocannon for `duration` seconds.
// Latencies are recorded per response (autocannon's histogram has no p95);
// the server's CPU time per request is recorded too, as it depends far less
// than req/s on what else the machine is doing.
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { machineCpuSeconds, treeCpuSeconds, waitIdle } from "./proc";

export type Step = { path: string; method?: "GET" | "POST"; headers?: Record<string, string>; body?: Buffer };

export type Measurement = {
  requests: number;
  rps: number;
  latencyMs: { mean: number; p50: number; p95: number; p99: number; max: number };
  statusCodes: Record<string, number>;
  errors: number;
  bytesPerResponse: number;
  serverCpuMsPerRequest: number;
  /** Share of the machine's CPU used by processes other than the server and this load generator: others' work. */
  otherCpuPercent: number;
  loadAverage1m: number;
};

type Load = { url: string; connections: number; seconds: number; next: () => Step };

async function load({ url, connections, seconds, next }: Load) {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let bytes = 0;
  const started = performance.now();
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, method: "GET", ...next() }) }],
  }).on("response", (_client, status, resBytes, ms) => {
    latencies.push(ms);
    statusCodes[status] = (statusCodes[status] ?? 0) + 1;
    bytes += resBytes;
  });
  return { latencies, statusCodes, bytes, errors: result.errors, elapsed: (performance.now() - started) / 1000 };
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Load without measuring: JIT, Prisma's query plans, SQLite's page cache. Waits for requests still in flight. */
export async function warmUp(opts: Load & { serverPid: number }) {
  if (opts.seconds <= 0) return;
  await load(opts);
  await waitIdle(opts.serverPid);
}

export async function measure(opts: Load & { warmup: number; serverPid: number }): Promise<Measurement> {
  await warmUp({ ...opts, seconds: opts.warmup });
  const cpuBefore = treeCpuSeconds(opts.serverPid);
  const machineBefore = machineCpuSeconds();
  const selfBefore = process.cpuUsage();
  const run = await load(opts);
  const cpu = treeCpuSeconds(opts.serverPid) - cpuBefore;
  const self = process.cpuUsage(selfBefore);
  const machine = machineCpuSeconds();
  const others = machine.busy - machineBefore.busy - cpu - (self.user + self.system) / 1e6;
  const sorted = [...run.latencies].sort((a, b) => a - b);
  const n = sorted.length;
  return {
    requests: n,
    rps: round(n / run.elapsed),
    latencyMs: {
      mean: round(sorted.reduce((s, x) => s + x, 0) / n),
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[n - 1]),
    },
    statusCodes: run.statusCodes,
    errors: run.errors,
    bytesPerResponse: Math.round(run.bytes / n),
    serverCpuMsPerRequest: round((cpu * 1000) / n, 2),
    otherCpuPercent: Math.max(0, Math.round((others / (machine.total - machineBefore.total)) * 100)),
    loadAverage1m: round(loadavg()[0], 2),
  };
}
