// Short public codes for proposals and speakers, like pretalx's: six
// characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S,
// 6/G), so they can be read aloud, typed from a printout and put in a URL.
// 28^6 ≈ 482 million codes; a new one is drawn at random and checked against
// the table before insert (the unique index is the final word). Rows that
// existed before codes did were given theirs by the migration
// 20261207050308_stable_identifiers.
import { randomInt } from "node:crypto";
import type { Db, DbTx } from "@/lib/db";

export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ3789";
export const CODE_LENGTH = 6;
export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A random code; not checked for uniqueness (see newProposalCode, newUserCode). */
export function randomCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Codes are shown upper-case; a typed `abcdef` finds `ABCDEF`. */
export function normalizeCode(input: string): string {
  return input.trim().toUpperCase();
}

async function unusedCode(taken: (code: string) => Promise<boolean>): Promise<string> {
  // With a few million rows a draw is taken once in a hundred: a handful of tries is plenty.
  for (let attempt = 0; attempt < 10; attempt++) {
    const code = randomCode();
    if (!(await taken(code))) return code;
  }
  throw new Error("Could not draw an unused public code in 10 attempts.");
}

/** A code no proposal has yet. */
export function newProposalCode(db: Db | DbTx): Promise<string> {
  return unusedCode(async (code) => (await db.proposal.count({ where: { code } })) > 0);
}

/** A code no user has yet. */
export function newUserCode(db: Db | DbTx): Promise<string> {
  return unusedCode(async (code) => (await db.user.count({ where: { code } })) > 0);
}

/** `count` distinct random codes at once, for bulk inserts into an empty or nearly empty table (seeds, benchmarks). */
export function distinctCodes(count: number): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomCode());
  return [...codes];
}
