// The production build and a `next start` of it on a free port, against a bench or load database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

const NEXT = "node_modules/.bin/next";
const ENV = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };

/**
 * `next build` when asked or when there is no build. If only the type check
 * fails (say, a test file mid-edit on a shared branch), the same bundles are
 * built with Next's compile + generate modes, which skip it: the benchmark
 * needs the production bundles, not a green type check. Says which it did.
 */
type Build = { buildId: string; built: boolean; typeChecked: boolean | null; seconds: number };
const buildId = () => readFileSync(".next/BUILD_ID", "utf8").trim();

export function ensureBuild(force: boolean): Build {
  if (!force && existsSync(".next/BUILD_ID")) return { buildId: buildId(), built: false, typeChecked: null, seconds: 0 };
  const started = performance.now();
  const run = (args: string[]) => spawnSync(NEXT, ["build", ...args], { env: ENV, encoding: "utf8" });
  const full = run([]);
  let typeChecked = true;
  if (full.status !== 0) {
    const log = full.stdout + full.stderr;
    if (!/Failed to type check/.test(log)) throw new Error(`next build failed:\n${log}`);
    console.warn("! next build failed its type check; building the same bundles without it (compile + generate modes).");
    typeChecked = false;
    for (const mode of ["compile", "generate"]) {
      const r = run([`--experimental-build-mode=${mode}`]);
      if (r.status !== 0) throw new Error(`next build (${mode}) failed:\n${r.stdout}${r.stderr}`);
    }
  }
  return { buildId: buildId(), built: true, typeChecked, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export type Server = { url: string; pid: number; log: () => string; stop: () => Promise<void>; kill: () => Promise<void> };

/** Whether something answers on the port: a server left over would take our requests. */
const portTaken = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2000) }).then(
    () => true,
    () => false,
  );

/**
 * The production build served on `port` against `databaseUrl`, in its own
 * process group so that kill() takes it down at once with SIGKILL (no
 * graceful shutdown), as a crash would. `command` is `next start` by default;
 * the load run uses `npm start`, as production does, and delivers email to `smtpUrl`.
 */
export async function startServer(
  databaseUrl: string,
  port: number,
  { nodeOptions = "", command = [NEXT, "start"], smtpUrl = "" }: { nodeOptions?: string; command?: string[]; smtpUrl?: string } = {},
): Promise<Server> {
  const url = `http://localhost:${port}`;
  if (await portTaken(url)) throw new Error(`${url} already answers: another server holds port ${port}`);
  const [bin, ...args] = command;
  const child: ChildProcess = spawn(bin, [...args, "-p", String(port)], {
    detached: true,
    env: {
      ...ENV,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "bench-secret-not-for-production-0c1d2e3f4a5b6c7d",
      AUTH_URL: url,
      AUTH_TRUST_HOST: "true",
      DEMO_MODE: "",
      // Without an SMTP server (the benchmark) emails stay in the outbox; the load run gives its sink.
      SMTP_URL: smtpUrl,
      NODE_OPTIONS: nodeOptions,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (d) => output.push(String(d)));
  child.stderr!.on("data", (d) => output.push(String(d)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output.join("")}`);
    if (Date.now() > deadline) {
      signal("SIGKILL");
      throw new Error(`next start not ready after 60 s:\n${output.join("")}`);
    }
    if (
      await fetch(`${url}/signin/check-email`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    log: () => output.join(""),
    kill: async () => {
      signal("SIGKILL");
      await exited;
    },
    stop: async () => {
      signal("SIGTERM");
      // Wide: the server first lets the delivery loop mark the message in hand (lib/shutdown.ts).
      const timer = setTimeout(() => signal("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
