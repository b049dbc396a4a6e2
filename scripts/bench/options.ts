// Command-line options of `npm run bench`; see docs/benchmark.md.
import { cpus } from "node:os";
import { parseArgs } from "node:util";

export type Options = {
  /** Dataset sizes (proposals); each gets its own database and server run. */
  sizes: number[];
  duration: number;
  warmup: number;
  connections: number;
  build: boolean;
  /** Where result JSON goes; null = don't write (smoke runs). */
  resultsDir: string | null;
  mode: "full" | "quick" | "smoke";
  /** Before each dataset, wait (up to maxWait seconds) for the 1-minute load average to fall to maxLoad. */
  maxLoad: number;
  maxWait: number;
  /** NODE_OPTIONS for the server, e.g. "--max-old-space-size=256" to see how much of its memory is garbage. */
  serverNodeOptions: string;
  /** Only these pages (keys of pages.ts), with the trivial baseline; null = all. */
  pages: string[] | null;
  /** Only the organizer exports (no page load runs, no results file). */
  exportsOnly: boolean;
};

const HELP = `npm run bench -- [options]
  --sizes 1000,10000   proposals per dataset (default: 1000,10000)
  --duration 10        seconds measured per page (default 10)
  --warmup 3           seconds of warm-up per page, not measured (default 3)
  --connections 10     concurrent connections (default 10)
  --build              run \`next build\` even if .next exists
  --quick              3 s per page, 1 s warm-up
  --smoke              100 proposals, 2 s per page, results not written (CI-sized)
  --out DIR            results directory (default bench/results)
  --max-load 2         first wait for the machine's load average to fall to this (default: its CPU count; off for --smoke)
  --max-wait 600       ... but no longer than this many seconds
  --server-node-options "--max-old-space-size=256"   NODE_OPTIONS for next start
  --pages organizerSearch,queueSearch   only these pages (and the trivial baseline); targets of absent pages are skipped
  --exports-only       only download the organizer exports (docs/benchmark.md, "Exports")`;

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      build: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
      smoke: { type: "boolean", default: false },
      out: { type: "string" },
      "max-load": { type: "string" },
      "max-wait": { type: "string" },
      "server-node-options": { type: "string" },
      pages: { type: "string" },
      "exports-only": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const mode = values.smoke ? "smoke" : values.quick ? "quick" : "full";
  const preset = { full: [10, 3], quick: [3, 1], smoke: [2, 1] }[mode];
  const num = (s: string | undefined, fallback: number) => (s === undefined ? fallback : Number(s));
  return {
    sizes: (values.sizes ?? (mode === "smoke" ? "100" : "1000,10000")).split(",").map(Number),
    duration: num(values.duration, preset[0]),
    warmup: num(values.warmup, preset[1]),
    connections: num(values.connections, 10),
    build: values.build,
    resultsDir: values.out ?? (mode === "smoke" ? null : "bench/results"),
    mode,
    maxLoad: num(values["max-load"], mode === "smoke" ? Infinity : cpus().length),
    maxWait: num(values["max-wait"], 600),
    serverNodeOptions: values["server-node-options"] ?? "",
    pages: values.pages ? values.pages.split(",") : null,
    exportsOnly: values["exports-only"],
  };
}
