// Where the server's CPU goes on one page: starts `next start` under
// `node --cpu-prof`, loads the page for 15 s (4 connections), stops the
// server and sums the profile's self time by library.
//
//   npx tsx scripts/bench/profile.ts <proposals> <page key>   e.g. 10000 organizerList
//   (page keys: see pages.ts; the .cpuprofile stays in $TMPDIR/cfp-bench/profile-<key>/ for DevTools)
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { measure } from "./measure";
import { benchPages } from "./pages";
import { seed } from "./seed";
import { freePort } from "@/scripts/lib/server";
import { createSessions } from "./sessions";

const [size, key] = [Number(process.argv[2] ?? 10_000), process.argv[3] ?? "organizerList"];
const work = path.join(tmpdir(), "cfp-bench");
const dbPath = path.join(work, `profile-${size}.db`);
const dir = path.join(work, `profile-${key}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const { fixtures } = await seed(dbPath, size);
const cookies = createSessions(dbPath, fixtures.users);
const port = await freePort();
const url = `http://localhost:${port}`;
const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: `file:${dbPath}`,
  AUTH_SECRET: "profile-secret-not-for-production-00000000",
  AUTH_URL: url,
  AUTH_TRUST_HOST: "true",
};
const server = spawn(
  process.execPath,
  ["--cpu-prof", `--cpu-prof-dir=${dir}`, "node_modules/next/dist/bin/next", "start", "-p", String(port)],
  { env, stdio: "ignore" },
);
while (
  !(await fetch(`${url}/signin/check-email`).then(
    (r) => r.ok,
    () => false,
  ))
)
  await new Promise((r) => setTimeout(r, 300));

const page = (await benchPages(fixtures, cookies, url)).find((p) => p.key === key);
if (!page) throw new Error(`No page "${key}"`);
const m = await measure({ url, connections: 4, seconds: 15, warmup: 3, next: page.next, serverPid: server.pid! });
console.log(
  `${page.label} at ${size} proposals: ${m.rps} req/s, ${m.serverCpuMsPerRequest} ms CPU per request (others used ${m.otherCpuPercent}% of the machine)`,
);
server.kill("SIGINT"); // node writes the profile on a clean exit
await new Promise((r) => server.once("exit", r));

type ProfileNode = { callFrame: { url: string; functionName: string }; hitCount: number };
const nodes: ProfileNode[] = JSON.parse(readFileSync(path.join(dir, readdirSync(dir)[0]), "utf8")).nodes;
const LIBS: [RegExp, string][] = [
  [/^wasm:|query_compiler/, "Prisma query compiler (Wasm)"],
  [/generated\/prisma|@prisma\/client/, "Prisma client (JS)"],
  [/better-sqlite3|adapter-better-sqlite3|driver-adapter-utils/, "SQLite (better-sqlite3 + adapter)"],
  [/app-page.*runtime|react-server-dom|react-dom/, "Next.js page runtime + React rendering"],
  [/next-auth|@auth\//, "Auth.js"],
  [/next\/dist/, "Next.js server"],
  [/\.next\/server/, "the app's server bundle"],
  [/^node:/, "Node.js core"],
];
const byLib = new Map<string, number>();
let busy = 0;
for (const n of nodes) {
  const { url: file, functionName } = n.callFrame;
  if (functionName === "(idle)" || functionName === "(root)") continue;
  const lib = file
    ? (LIBS.find(([re]) => re.test(file))?.[1] ?? file.replace(/.*node_modules\//, ""))
    : functionName.startsWith("(")
      ? functionName
      : "(native)";
  byLib.set(lib, (byLib.get(lib) ?? 0) + n.hitCount);
  busy += n.hitCount;
}
for (const [lib, hits] of [...byLib].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
  console.log(`${((hits / busy) * 100).toFixed(1).padStart(5)} %  ${lib}`);
}
