import { execFileSync } from "node:child_process";
import path from "node:path";
import { REPO_ROOT } from "./paths";

/** Applies every migration of the URL's provider to `url` through prisma.config.ts (tests, benchmark, load run). */
export function migrateDeploy(url: string): void {
  const prismaBin = path.join(REPO_ROOT, "node_modules", ".bin", "prisma");
  try {
    execFileSync(prismaBin, ["migrate", "deploy"], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: "pipe",
      encoding: "utf8",
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`prisma migrate deploy failed for ${url}\n${err.stdout ?? ""}\n${err.stderr ?? ""}\n${err.message}`, { cause: e });
  }
}
