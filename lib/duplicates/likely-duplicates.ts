import { type SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { likelySame, shingle, type Shingled } from "./similarity";

export type DuplicateLink = { id: string; title: string; similarity: number };

/**
 * Likely duplicates among the event's proposals the organizer may handle
 * (not withdrawn): pairs that share a speaker (owner or co-speaker) and have
 * very similar titles or abstracts (similarity.ts). Computed on read: for the
 * whole event, or (`onlyFor`, a page's rows) for those proposals only, which
 * reads just their speakers' proposals. Only proposals sharing a speaker are
 * compared, so the cost is the query plus the shingling, not every pair.
 * Returns, for each flagged proposal, the proposals it likely duplicates.
 */
export async function likelyDuplicates(db: DbTx, actor: SignedIn, eventId: string, options: { onlyFor?: readonly string[] } = {}) {
  const scope = await organizerScope(db, actor, eventId, "proposal:list-all");
  // A page asks about its own rows only: then just their speakers' proposals are read.
  const speakerIds = options.onlyFor
    ? (await db.proposalSpeaker.findMany({ where: { proposalId: { in: [...options.onlyFor] } }, select: { userId: true } })).map(
        (s) => s.userId,
      )
    : null;
  const rows = await db.proposal.findMany({
    where: {
      AND: [
        scope.proposals,
        { status: { not: "WITHDRAWN" } },
        ...(speakerIds ? [{ speakers: { some: { userId: { in: [...new Set(speakerIds)] } } } }] : []),
      ],
    },
    select: { id: true, title: true, abstract: true, speakers: { select: { userId: true } } },
  });
  const wanted = options.onlyFor ? new Set(options.onlyFor) : null;
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
        if (wanted && !wanted.has(rows[i].id) && !wanted.has(rows[j].id)) continue;
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
