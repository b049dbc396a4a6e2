// First run on a fresh clone: write a .env with a random auth secret and demo
// settings, unless one exists. Never overwrites.
import { existsSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";

if (!existsSync(".env")) {
  writeFileSync(
    ".env",
    [
      "# Written by `npm run setup` for local demo use. See README for production settings.",
      "DATABASE_URL=file:./prisma/dev.db",
      `AUTH_SECRET=${randomBytes(32).toString("base64url")}`,
      "AUTH_URL=http://localhost:3000",
      "DEMO_MODE=1",
      "",
    ].join("\n"),
  );
  console.log("Wrote .env (demo mode, SQLite at prisma/dev.db).");
}
