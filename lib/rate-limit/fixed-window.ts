import { createHash } from "node:crypto";
import { systemClock } from "@/lib/clock";
import type { Db, DbTx } from "@/lib/db";
import { LONGEST_WINDOW_MS, type RateLimit } from "./limits";

// A fixed-window counter in the database, so every instance of the app
// shares it. One row per (key, window); a hit is one atomic
// INSERT … ON CONFLICT DO UPDATE SET count = count + 1 (Prisma's native
// upsert on a compound id), so concurrent hits never lose a count.

export type Verdict = {
  /** This hit (or, for peek, the next one) is within the limit. */
  allowed: boolean;
  /** Hits counted in the current window, this one included. */
  count: number;
  /** When the current window ends. */
  resetAt: Date;
};

export function windowStartOf(limit: RateLimit, now: Date): Date {
  return new Date(Math.floor(now.getTime() / limit.windowMs) * limit.windowMs);
}

/** The limit's name and a hash of the subject: addresses and client IPs are never stored as such. */
export function bucketKey(limit: RateLimit, subject: string): string {
  return `${limit.name}:${createHash("sha256").update(subject).digest("hex").slice(0, 40)}`;
}

/** Counts one hit for `subject` and says whether it is within the limit. */
export async function consume(db: Db | DbTx, limit: RateLimit, subject: string, now = systemClock.now()): Promise<Verdict> {
  const key = bucketKey(limit, subject);
  const windowStart = windowStartOf(limit, now);
  const { count } = await db.rateLimitBucket.upsert({
    where: { key_windowStart: { key, windowStart } },
    create: { key, windowStart, count: 1 },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
  // A new bucket is a good moment to drop the expired ones: at most once per key and window.
  if (count === 1) await deleteExpiredBuckets(db, now);
  return { allowed: count <= limit.max, count, resetAt: new Date(windowStart.getTime() + limit.windowMs) };
}

/** Whether the next hit would be within the limit, without counting it. */
export async function peek(db: Db | DbTx, limit: RateLimit, subject: string, now = systemClock.now()): Promise<Verdict> {
  const windowStart = windowStartOf(limit, now);
  const row = await db.rateLimitBucket.findUnique({
    where: { key_windowStart: { key: bucketKey(limit, subject), windowStart } },
    select: { count: true },
  });
  const count = row?.count ?? 0;
  return { allowed: count < limit.max, count, resetAt: new Date(windowStart.getTime() + limit.windowMs) };
}

/** Deletes buckets whose window is over for every limit; returns how many. */
export async function deleteExpiredBuckets(db: Db | DbTx, now = systemClock.now()): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - LONGEST_WINDOW_MS) } } });
  return count;
}

/** "about 12 minutes" (or "about 5 hours" past 90 minutes), for messages. */
export function waitText(resetAt: Date, now = systemClock.now()): string {
  const minutes = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 60_000));
  if (minutes > 90) return `about ${Math.round(minutes / 60)} hours`;
  return minutes === 1 ? "a minute" : `about ${minutes} minutes`;
}
