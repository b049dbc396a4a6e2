import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportColumn } from "../column-providers";
import { BATCH_SIZE, inSlices, type RowSource } from "../stream";

const col = (key: string): ExportColumn => ({ key, label: key });

/**
 * One row per speaker of the exported proposals, in the order of their first
 * proposal's number; personal data only with `personal`. Walks the proposals
 * by number (a keyset) and remembers the speakers already written: the only
 * state that grows with the export is that set of ids.
 */
export function speakerRows(db: Db, proposals: Prisma.ProposalWhereInput, opts: { personal: boolean }): RowSource<number> {
  const columns = [
    col("code"),
    col("name"),
    ...(opts.personal ? [col("email"), col("company"), col("location")] : []),
    col("biography"),
    col("website"),
    col("github"),
    col("mastodon"),
    col("proposal_codes"),
    col("proposal_titles"),
  ];
  const seen = new Set<string>();
  return {
    kind: "speakers",
    columns,
    async batch(after) {
      const batch = await db.proposal.findMany({
        where: after === null ? proposals : { AND: [proposals, { number: { gt: after } }] },
        orderBy: { number: "asc" },
        take: BATCH_SIZE,
        select: { number: true, speakers: { orderBy: { id: "asc" }, select: { userId: true } } },
      });
      const ids: string[] = [];
      for (const p of batch) {
        for (const s of p.speakers) {
          if (seen.has(s.userId)) continue;
          seen.add(s.userId);
          ids.push(s.userId);
        }
      }
      const users = await inSlices(ids, (slice) =>
        db.user.findMany({
          where: { id: { in: slice } },
          select: {
            id: true,
            code: true,
            name: true,
            email: true,
            profile: { select: { bio: true, company: true, location: true, website: true, github: true, mastodon: true } },
          },
        }),
      );
      // Each speaker's exported proposals: their roles by the userId index, then those proposals by id within
      // the export's filter (asking the event's proposals "has one of these speakers" scans the whole event).
      const roles = await inSlices(ids, (slice) =>
        db.proposalSpeaker.findMany({ where: { userId: { in: slice } }, select: { userId: true, proposalId: true } }),
      );
      const proposalIds = [...new Set(roles.map((r) => r.proposalId))];
      const theirs = await inSlices(proposalIds, (slice) =>
        db.proposal.findMany({
          where: { AND: [proposals, { id: { in: slice } }] },
          select: { id: true, number: true, code: true, title: true },
        }),
      );
      theirs.sort((a, b) => a.number - b.number);
      const speakersOf = new Map<string, string[]>();
      for (const r of roles) speakersOf.set(r.proposalId, [...(speakersOf.get(r.proposalId) ?? []), r.userId]);
      const proposalsOf = new Map<string, { code: string; title: string }[]>();
      for (const p of theirs)
        for (const userId of speakersOf.get(p.id) ?? []) proposalsOf.set(userId, [...(proposalsOf.get(userId) ?? []), p]);
      const byId = new Map(users.map((u) => [u.id, u]));
      return {
        rows: ids
          .map((id) => byId.get(id)!)
          .map((u) => ({
            id: u.id,
            cells: {
              code: u.code,
              name: u.name ?? "",
              email: u.email,
              company: u.profile?.company ?? "",
              location: u.profile?.location ?? "",
              biography: u.profile?.bio ?? "",
              website: u.profile?.website ?? "",
              github: u.profile?.github ?? "",
              mastodon: u.profile?.mastodon ?? "",
              proposal_codes: (proposalsOf.get(u.id) ?? []).map((p) => p.code).join("; "),
              proposal_titles: (proposalsOf.get(u.id) ?? []).map((p) => p.title).join("; "),
            },
          })),
        next: batch.length === BATCH_SIZE ? batch[batch.length - 1].number : null,
      };
    },
  };
}
