// Stable identifiers for rows the tests insert themselves (lib/identifiers):
// the same allocation as the app, so numbers continue the event's sequence.
import type { Db, DbTx } from "@/lib/db/client";
import { allocateProposalNumbers } from "@/lib/identifiers/proposal-number";
import { newProposalCode, randomCode } from "@/lib/identifiers/public-code";

/** A code and the event's next number for one new proposal. */
export async function proposalIdentifiers(db: Db | DbTx, eventId: string): Promise<{ code: string; number: number }> {
  return { code: await newProposalCode(db), number: await allocateProposalNumbers(db, eventId) };
}

/**
 * Identifiers for `count` proposals of one event inserted in bulk
 * (createMany): consecutive numbers and distinct random codes.
 */
export async function bulkProposalIdentifiers(db: Db | DbTx, eventId: string, count: number): Promise<{ code: string; number: number }[]> {
  const first = await allocateProposalNumbers(db, eventId, count);
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomCode());
  return [...codes].map((code, i) => ({ code, number: first + i }));
}
