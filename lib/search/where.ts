import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { matchingProposalIds } from "./match";
import type { SearchReach } from "./reach";
import { searchTerms } from "./terms";

/**
 * The search box as a condition on Proposal, for a list that already has its
 * scope (organizer scope, reviewer queue): null without words, otherwise the
 * matching ids. The caller decides `reach` from who is asking.
 */
export async function searchWhere(
  db: DbTx,
  eventId: string,
  text: string | null | undefined,
  reach: SearchReach,
): Promise<Prisma.ProposalWhereInput | null> {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  return { id: { in: await matchingProposalIds(db, eventId, terms, reach) } };
}
