import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportColumn } from "../column-providers";
import { BATCH_SIZE, type RowSource } from "../stream";

const col = (key: string, label = key): ExportColumn => ({ key, label });

const SELECT = {
  id: true,
  code: true,
  number: true,
  guid: true,
  title: true,
  status: true,
  pendingDecision: true,
  level: true,
  abstract: true,
  notes: true,
  submittedAt: true,
  createdAt: true,
  updatedAt: true,
  sessionType: { select: { name: true, durationMinutes: true } },
  track: { select: { name: true } },
  stats: { select: { reviewCount: true, avgScore: true, medianScore: true, stddevScore: true, normalizedScore: true, disagreement: true } },
  speakers: { orderBy: { id: "asc" }, select: { role: true, user: { select: { code: true, name: true, email: true } } } },
} satisfies Prisma.ProposalSelect;

/** One row per proposal, in number order; speakers' identity unless blind, their email only with `personal`. */
export function proposalRows(db: Db, where: Prisma.ProposalWhereInput, opts: { personal: boolean; blind: boolean }): RowSource<number> {
  const identity = !opts.blind;
  const columns = [
    col("code"),
    col("number"),
    col("guid"),
    col("title"),
    col("state"),
    col("pending_decision"),
    col("session_type"),
    col("duration"),
    col("track"),
    col("level"),
    col("abstract"),
    col("notes"),
    ...(identity ? [col("speakers"), col("speaker_codes")] : []),
    ...(identity && opts.personal ? [col("speaker_emails")] : []),
    col("submitted"),
    col("created"),
    col("updated"),
    col("review_count"),
    col("mean_score"),
    col("median_score"),
    col("stddev"),
    col("normalized_score"),
    col("disagreement"),
  ];
  return {
    kind: "proposals",
    columns,
    async batch(after) {
      const rows = await db.proposal.findMany({
        where: after === null ? where : { AND: [where, { number: { gt: after } }] },
        orderBy: { number: "asc" },
        take: BATCH_SIZE,
        select: SELECT,
      });
      return {
        rows: rows.map((p) => {
          // Owners first, in JavaScript: SQLite would sort the role enum as text.
          const speakers = [...p.speakers].sort((a, b) => Number(a.role !== "OWNER") - Number(b.role !== "OWNER")).map((s) => s.user);
          const s = p.stats;
          return {
            id: p.id,
            cells: {
              code: p.code,
              number: p.number,
              guid: p.guid,
              title: p.title,
              state: p.status.toLowerCase(),
              pending_decision: p.pendingDecision?.toLowerCase() ?? "",
              session_type: p.sessionType?.name ?? "",
              duration: p.sessionType?.durationMinutes ?? "",
              track: p.track?.name ?? "",
              level: p.level?.toLowerCase() ?? "",
              abstract: p.abstract,
              notes: p.notes,
              speakers: speakers.map((u) => u.name || "").join("; "),
              speaker_codes: speakers.map((u) => u.code).join("; "),
              speaker_emails: speakers.map((u) => u.email).join("; "),
              submitted: p.submittedAt?.toISOString() ?? "",
              created: p.createdAt.toISOString(),
              updated: p.updatedAt.toISOString(),
              review_count: s?.reviewCount ?? 0,
              mean_score: s?.avgScore ?? null,
              median_score: s?.medianScore ?? null,
              stddev: s?.stddevScore ?? null,
              normalized_score: s?.normalizedScore ?? null,
              disagreement: s?.disagreement ?? false,
            },
          };
        }),
        next: rows.length === BATCH_SIZE ? rows[rows.length - 1].number : null,
      };
    },
  };
}
