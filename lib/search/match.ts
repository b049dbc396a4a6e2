import type { DbTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { providerOf } from "@/lib/db/provider";
import { POSTGRES_WEIGHTS, SQLITE_COLUMNS, type SearchReach } from "./reach";

/**
 * At most this many matches, best first: past that a search has stopped
 * narrowing anything, and the ids go into an `in (…)` of the list's query.
 */
export const SEARCH_LIMIT = 1000;

/**
 * The ids of an event's proposals whose indexed text (ProposalSearch) has
 * every term as a word prefix, in the columns `reach` may match, best match
 * first. Each database's own full-text index answers: FTS5 on SQLite, the
 * GIN-indexed weighted tsvector on PostgreSQL (the migration's expression,
 * repeated here exactly). Terms come from searchTerms: letters and digits.
 */
export async function matchingProposalIds(
  db: DbTx,
  eventId: string,
  terms: readonly string[],
  reach: SearchReach,
  limit = SEARCH_LIMIT,
): Promise<string[]> {
  if (terms.length === 0) return [];
  const rows =
    providerOf(db) === "postgresql"
      ? await db.$queryRaw<{ proposalId: string }[]>(postgresQuery(eventId, terms, reach, limit))
      : await db.$queryRaw<{ proposalId: string }[]>(sqliteQuery(eventId, terms, reach, limit));
  return rows.map((r) => r.proposalId);
}

function sqliteQuery(eventId: string, terms: readonly string[], reach: SearchReach, limit: number) {
  const match = `{${SQLITE_COLUMNS[reach]}} : (${terms.map((t) => `"${t}"*`).join(" AND ")})`;
  return Prisma.sql`
    SELECT s."proposalId" FROM "ProposalSearchFts" f JOIN "ProposalSearch" s ON s."id" = f.rowid
    WHERE "ProposalSearchFts" MATCH ${match} AND s."eventId" = ${eventId}
    ORDER BY f.rank LIMIT ${limit}`;
}

const DOCUMENT = Prisma.raw(`(
    setweight(to_tsvector('simple'::regconfig, "content" || E'\\n' || "answers"), 'A') ||
    setweight(to_tsvector('simple'::regconfig, "speakers" || E'\\n' || "identity"), 'B') ||
    setweight(to_tsvector('simple'::regconfig, "internal"), 'C')
)`);

function postgresQuery(eventId: string, terms: readonly string[], reach: SearchReach, limit: number) {
  const query = terms.map((t) => `${t}:*${POSTGRES_WEIGHTS[reach]}`).join(" & ");
  return Prisma.sql`
    SELECT "proposalId" FROM "ProposalSearch"
    WHERE "eventId" = ${eventId} AND ${DOCUMENT} @@ to_tsquery('simple'::regconfig, ${query})
    ORDER BY ts_rank(${DOCUMENT}, to_tsquery('simple'::regconfig, ${query})) DESC, "proposalId" LIMIT ${limit}`;
}
