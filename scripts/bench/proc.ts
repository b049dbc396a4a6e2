// The server as the kernel sees it: resident memory (VmRSS) and CPU time of
// its process and all descendants, read from /proc.
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the parenthesised command name: state ppid ...
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  return byParent;
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

function tree(pid: number): number[] {
  const byParent = children();
  const all: number[] = [];
  for (const stack = [pid]; stack.length > 0;) {
    const p = stack.pop()!;
    all.push(p);
    stack.push(...(byParent.get(p) ?? []));
  }
  return all;
}

/** RSS of the process tree rooted at pid, in MB. */
export function treeRssMb(pid: number): number {
  return tree(pid).reduce((kb, p) => kb + rssKb(p), 0) / 1024;
}

/** CPU time (user + system) the process tree has used so far, in seconds (clock ticks are 1/100 s on Linux). */
export function treeCpuSeconds(pid: number): number {
  return tree(pid).reduce((t, p) => t + cpuTicks(p), 0) / 100;
}

export type MemorySampler = {
  peakMb: () => number;
  currentMb: () => number;
  /** Starts a new window for windowPeakMb: the peak of one page's run. */
  mark: () => void;
  windowPeakMb: () => number;
  stop: () => void;
};

export function sampleMemory(pid: number, everyMs = 200): MemorySampler {
  let peak = 0;
  let windowPeak = 0;
  let current = 0;
  const sample = () => {
    current = treeRssMb(pid);
    peak = Math.max(peak, current);
    windowPeak = Math.max(windowPeak, current);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    peakMb: () => peak,
    currentMb: () => current,
    mark: () => (windowPeak = current),
    windowPeakMb: () => windowPeak,
    stop: () => clearInterval(timer),
  };
}

/**
 * Waits until the server stops working on its own (below 5% of one core over
 * half a second), e.g. after the work a server action schedules with after().
 * Returns how many seconds that took.
 */
export async function waitIdle(pid: number, maxSeconds = 120): Promise<number> {
  const started = performance.now();
  for (;;) {
    const before = treeCpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 500));
    const elapsed = (performance.now() - started) / 1000;
    if (treeCpuSeconds(pid) - before < 0.025 || elapsed > maxSeconds) return Math.round(elapsed * 10) / 10;
  }
}

/**
 * The benchmark shares the machine; other work on it (test runs, builds)
 * slows every page alike. Waits up to maxWaitSeconds for the 1-minute load
 * average to drop to maxLoad, and returns the load it starts with.
 */
export async function waitForQuietMachine(maxLoad: number, maxWaitSeconds: number): Promise<{ load: number; waitedSeconds: number }> {
  const started = performance.now();
  let warned = false;
  for (;;) {
    const load = loadavg()[0];
    const waited = Math.round((performance.now() - started) / 1000);
    if (load <= maxLoad || waited >= maxWaitSeconds) return { load: Math.round(load * 100) / 100, waitedSeconds: waited };
    if (!warned)
      console.log(`  waiting for the machine to quieten down (load ${load.toFixed(1)} > ${maxLoad}, up to ${maxWaitSeconds} s) ...`);
    warned = true;
    await new Promise((r) => setTimeout(r, 5000));
  }
}

/** Busy and total CPU time of the whole machine so far, in seconds (first line of /proc/stat). */
export function machineCpuSeconds(): { busy: number; total: number } {
  const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = ticks[3] + ticks[4]; // idle + iowait
  return { busy: (total - idle) / 100, total: total / 100 };
}
