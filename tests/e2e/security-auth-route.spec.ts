import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_PORT, REPO_ROOT } from "./support/env";

// Against the real `next start`: one large anonymous request to next-auth's
// route is refused at once and the server keeps answering; and a production
// server without AUTH_URL refuses to start.

const TEN_MB = 10 * 1024 * 1024;

/** POSTs `size` bytes to the server, chunked (no Content-Length) when asked; resolves with the status, or "closed". */
function postLarge(size: number, chunked: boolean): Promise<number | "closed"> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: "localhost",
        port: E2E_PORT,
        path: "/api/auth/signin/email",
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...(chunked ? {} : { "content-length": String(size) }) },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", () => resolve("closed"));
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

test("the auth route refuses 10 MB bodies (with and without Content-Length) fast, and the server keeps answering", async ({ request }) => {
  for (const chunked of [false, true]) {
    const started = Date.now();
    const status = await postLarge(TEN_MB, chunked);
    expect([413, "closed"], `chunked: ${chunked}`).toContain(status);
    expect(Date.now() - started).toBeLessThan(10_000);
  }
  const csrf = await request.get("/api/auth/csrf");
  expect(csrf.status()).toBe(200);
  expect((await request.get("/signin")).status()).toBe(200);
});

test("a production server without AUTH_URL exits at start with a message naming it", async () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: "x".repeat(32),
    DATABASE_URL: "file:/nonexistent/never-opened.db",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.AUTH_URL;
  delete env.APP_URL;
  const server = spawn(path.join(REPO_ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(E2E_PORT + 50)], {
    cwd: REPO_ROOT,
    env,
  });
  let output = "";
  server.stdout.on("data", (d) => (output += d));
  server.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      server.kill("SIGTERM");
      resolve(null);
    }, 60_000);
    server.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(code, output).toBe(1);
  expect(output).toContain("AUTH_URL is not set");
});
