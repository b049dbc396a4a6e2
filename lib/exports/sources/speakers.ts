import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportColumn } from "../column-providers";
import { BATCH_SIZE, type RowSource } from "../stream";

const col = (key: string): ExportColumn => ({ key, label: key });

/** One row per speaker of the exported proposals (ordered by user id); personal data only with `personal`. */
export function speakerRows(db: Db, proposals: Prisma.ProposalWhereInput, opts: { personal: boolean }): RowSource<string> {
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
  const where: Prisma.UserWhereInput = { proposalRoles: { some: { proposal: proposals } } };
  return {
    kind: "speakers",
    columns,
    async batch(after) {
      const rows = await db.user.findMany({
        where: after === null ? where : { AND: [where, { id: { gt: after } }] },
        orderBy: { id: "asc" },
        take: BATCH_SIZE,
        select: {
          id: true,
          code: true,
          name: true,
          email: true,
          profile: { select: { bio: true, company: true, location: true, website: true, github: true, mastodon: true } },
          proposalRoles: {
            where: { proposal: proposals },
            orderBy: { proposal: { number: "asc" } },
            select: { proposal: { select: { code: true, title: true } } },
          },
        },
      });
      return {
        rows: rows.map((u) => ({
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
            proposal_codes: u.proposalRoles.map((r) => r.proposal.code).join("; "),
            proposal_titles: u.proposalRoles.map((r) => r.proposal.title).join("; "),
          },
        })),
        next: rows.length === BATCH_SIZE ? rows[rows.length - 1].id : null,
      };
    },
  };
}
