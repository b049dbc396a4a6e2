// The production server for the load run (`npm start`), in its own process group so that a SIGKILL
// takes the whole server down at once (no graceful shutdown, no flush), and
// a restart on the same port and database.
import { spawn, type ChildProcess } from "node:child_process";

export type LoadServer = { url: string; kill: () => Promise<void>; stop: () => Promise<void>; log: () => string };

/** Whether something answers on the port: a server left over would take our requests. */
const portTaken = (url: string) => fetch(url, { signal: AbortSignal.timeout(2000) }).then(() => true, () => false);

export async function startServer(databaseUrl: string, port: number): Promise<LoadServer> {
  const url = `http://localhost:${port}`;
  if (await portTaken(url)) throw new Error(`${url} already answers: another server holds port ${port}`);
  const output: string[] = [];
  // `npm start`, as production runs it (with its heap cap).
  const child: ChildProcess = spawn("npm", ["start", "--", "-p", String(port)], {
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: "load-secret-not-for-production-8f7e6d5c4b3a2910",
      AUTH_URL: url,
      AUTH_TRUST_HOST: "true",
      DEMO_MODE: "",
      // Emails stay in the outbox: no SMTP server here, and delivery is not what is under test.
      SMTP_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
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
    if (await fetch(`${url}/signin/check-email`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    log: () => output.join(""),
    kill: async () => {
      signal("SIGKILL");
      await exited;
    },
    stop: async () => {
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
