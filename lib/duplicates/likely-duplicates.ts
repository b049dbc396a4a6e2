import type { DbTx } from "@/lib/db";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { likelySame, shingle, type Shingled } from "./similarity";

export type DuplicateLink = { id: string; title: string; similarity: number };

/**
 * Likely duplicates among the event's proposals the organizer may handle
 * (not withdrawn): pairs that share a speaker (owner or co-speaker) and have
 * very similar titles or abstracts (similarity.ts). Computed on read for the
 * whole event: only proposals sharing a speaker are compared, so the cost is
 * one query plus the shingling, not a comparison of every pair.
 * Returns, for each flagged proposal, the proposals it likely duplicates.
 */
export async function likelyDuplicates(db: DbTx, actorId: string | null | undefined, eventId: string) {
  const scope = await organizerScope(db, actorId, eventId, "proposal:list-all");
  const rows = await db.proposal.findMany({
    where: { AND: [scope.proposals, { status: { not: "WITHDRAWN" } }] },
    select: { id: true, title: true, abstract: true, speakers: { select: { userId: true } } },
  });
  const bySpeaker = new Map<string, number[]>();
  rows.forEach((p, i) => {
    for (const s of p.speakers) bySpeaker.set(s.userId, [...(bySpeaker.get(s.userId) ?? []), i]);
  });
  const shingles = new Map<number, Shingled>();
  const shingled = (i: number) => shingles.get(i) ?? shingles.set(i, shingle(rows[i])).get(i)!;
  const result = new Map<string, DuplicateLink[]>();
  const seen = new Set<string>();
  for (const group of bySpeaker.values()) {
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const [i, j] = [group[x], group[y]];
        const key = `${Math.min(i, j)}:${Math.max(i, j)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const similarity = likelySame(shingled(i), shingled(j));
        if (similarity === null) continue;
        link(result, rows[i].id, { id: rows[j].id, title: rows[j].title, similarity });
        link(result, rows[j].id, { id: rows[i].id, title: rows[i].title, similarity });
      }
    }
  }
  return result;
}

function link(result: Map<string, DuplicateLink[]>, from: string, to: DuplicateLink) {
  result.set(
    from,
    [...(result.get(from) ?? []), to].sort((a, b) => b.similarity - a.similarity),
  );
}
