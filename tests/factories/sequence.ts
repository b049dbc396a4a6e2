// Process-wide counter so generated emails, slugs and titles never collide
// within one database (each test has its own database anyway).
let n = 0;
export function nextSeq(): number {
  return ++n;
}

/** Picks from a list in order, wrapping around: deterministic, varied data. */
export function cycle<T>(list: readonly T[], i: number): T {
  return list[(i - 1) % list.length];
}

export function slugify(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export const DAY = 24 * 60 * 60 * 1000;
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);
