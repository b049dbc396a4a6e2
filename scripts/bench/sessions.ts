// Signed-in users without the sign-in flow: a Session row per user, as
// next-auth's Prisma adapter writes it (database sessions), and the cookie
// that carries its token.
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";

import { SESSION_COOKIE } from "../lib/session-cookie";

export function createSessions<K extends string>(dbPath: string, users: Record<K, string>): Record<K, string> {
  const sqlite = new Database(dbPath);
  const insert = sqlite.prepare('INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES (?, ?, ?, ?)');
  // Far enough ahead that next-auth's 24 h updateAge never rewrites the row during a run.
  const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().replace("Z", "+00:00");
  const cookies = {} as Record<K, string>;
  for (const [role, userId] of Object.entries(users) as [K, string][]) {
    const token = randomBytes(32).toString("hex");
    insert.run(`bench_${role}_${token.slice(0, 12)}`, token, userId, expires);
    cookies[role] = `${SESSION_COOKIE}=${token}`;
  }
  sqlite.close();
  return cookies;
}
