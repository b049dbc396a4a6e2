// A proposal's number within its event: 1, 2, 3… in order of creation, never
// reused (a deleted proposal's number stays taken). The event row holds the
// last number handed out; one atomic increment allocates the next, so two
// proposals created at once never get the same one (and the unique index on
// Proposal(eventId, number) would refuse it if they did).
import type { DbTx } from "@/lib/db";
import { newProposalCode } from "./public-code";

/** Reserves `count` consecutive numbers for new proposals of the event and returns the first. Call it in the transaction that inserts them. */
export async function allocateProposalNumbers(tx: DbTx, eventId: string, count = 1): Promise<number> {
  const { lastProposalNumber } = await tx.event.update({
    where: { id: eventId },
    data: { lastProposalNumber: { increment: count } },
    select: { lastProposalNumber: true },
  });
  return lastProposalNumber - count + 1;
}

/** The identifiers a new proposal needs besides its guid (which Prisma generates): a public code and the next number. */
export async function newProposalIdentifiers(tx: DbTx, eventId: string): Promise<{ code: string; number: number }> {
  return { code: await newProposalCode(tx), number: await allocateProposalNumbers(tx, eventId) };
}
