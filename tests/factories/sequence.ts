// Process-wide counter so generated emails, slugs and titles never collide
// within one database (each test has its own database anyway).
let n = 0;
export function nextSeq(): number {
  return ++n;
}

// Playwright's workers share one e2e database and each counts from 1: their
// emails and slugs carry the worker's index (unique within a run).
const worker = process.env.TEST_WORKER_INDEX;

/** `i`, made unique across the processes writing to one database: for emails and slugs. */
export function distinct(i: number): string {
  return worker === undefined ? String(i) : `w${worker}-${i}`;
}

/** Picks from a list in order, wrapping around: deterministic, varied data. */
export function cycle<T>(list: readonly T[], i: number): T {
  return list[(i - 1) % list.length];
}

export { slugify } from "@/lib/text/slug";

export const DAY = 24 * 60 * 60 * 1000;
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);
