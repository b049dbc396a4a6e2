// Command-line options of `npm run load`; see docs/load.md.
import { parseArgs } from "node:util";
import type { Provider } from "./database";

export type LoadOptions = {
  providers: Provider[];
  clients: number;
  seconds: number;
  kill: boolean;
  seed: number;
  out: string | null;
};

const HELP = `npm run load -- [options]
  --db sqlite|postgres|both   database(s) to run against, one after the other (default both)
  --full                      300 clients for 120 s (default: 100 clients for 30 s, the CI size)
  --clients N                 concurrent clients: 60% speakers, 30% reviewer tabs, 10% organizer tabs
  --seconds N                 least length of the load; the CFP closes at 55% of it (phases wait for progress, up to 4×)
  --no-kill                   don't SIGKILL and restart the server at 35% of the run
  --seed N                    seed of the clients' random choices (default 1)
  --out DIR                   also write the ledger summary and findings as JSON to DIR`;

export function parseOptions(argv: string[]): LoadOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: "string", default: "both" },
      full: { type: "boolean", default: false },
      clients: { type: "string" },
      seconds: { type: "string" },
      "no-kill": { type: "boolean", default: false },
      seed: { type: "string", default: "1" },
      out: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const providers: Provider[] = values.db === "both" ? ["sqlite", "postgres"] : [values.db as Provider];
  if (!providers.every((p) => p === "sqlite" || p === "postgres")) throw new Error(`--db: sqlite, postgres or both, not ${values.db}`);
  const clients = Number(values.clients ?? (values.full ? 300 : 100));
  const seconds = Number(values.seconds ?? (values.full ? 120 : 30));
  if (!(clients >= 10) || !(seconds >= 5)) throw new Error("--clients must be at least 10 and --seconds at least 5");
  return { providers, clients, seconds, kill: !values["no-kill"], seed: Number(values.seed), out: values.out ?? null };
}
