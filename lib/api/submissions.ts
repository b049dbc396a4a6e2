import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeCode } from "@/lib/identifiers/public-code";
import { matchingProposalIds } from "@/lib/search/match";
import type { SearchReach } from "@/lib/search/reach";
import { searchTerms } from "@/lib/search/terms";
import { ApiError } from "./errors";
import type { ApiContext } from "./authenticate";
import { skipTake } from "./paging";
import type { SubmissionsQuery } from "./query";
import { submissionSchema, type Answer, type Submission } from "./schemas";
import { submissionAnswers } from "./answers";
import { pendingState, pretalxState, statusesFor } from "./states";

export const SUBMISSION_SELECT = {
  id: true,
  code: true,
  number: true,
  guid: true,
  title: true,
  abstract: true,
  notes: true,
  level: true,
  status: true,
  pendingDecision: true,
  submittedAt: true,
  createdAt: true,
  updatedAt: true,
  sessionType: { select: { id: true, name: true, durationMinutes: true } },
  track: { select: { id: true, name: true } },
  stats: { select: { reviewCount: true, avgScore: true, medianScore: true, normalizedScore: true } },
  speakers: {
    orderBy: { id: "asc" },
    select: { role: true, user: { select: { code: true, name: true, email: true, profile: { select: { bio: true } } } } },
  },
} satisfies Prisma.ProposalSelect;
type Row = Prisma.ProposalGetPayload<{ select: typeof SUBMISSION_SELECT }>;

/**
 * What `search` may match in the full-text index (lib/search, ADR 0019): the
 * proposal's own text, and speakers' names only for a token that may read them
 * (the speakers scope). Never the organizer-only text: what a token cannot
 * read must not decide what it finds.
 */
export function apiSearchReach(ctx: Pick<ApiContext, "scopes">): SearchReach {
  return ctx.scopes.has("speakers") ? "reviewer" : "blindReviewer";
}

/**
 * The filters as a where-clause, inside the token creator's organizer scope (no drafts, none they speak on).
 * `search` matches a title containing it, the code, or (`fullTextIds`, from the full-text index) words of the text.
 */
export function submissionsWhere(
  ctx: ApiContext,
  q: Omit<SubmissionsQuery, "page" | "page_size">,
  fullTextIds: readonly string[] = [],
): Prisma.ProposalWhereInput {
  const and: Prisma.ProposalWhereInput[] = [ctx.organizer.proposals];
  if (q.state) and.push({ status: { in: statusesFor(q.state) } });
  if (q.track) and.push({ OR: [{ trackId: q.track }, { track: { name: q.track } }] });
  if (q.submission_type) and.push({ OR: [{ sessionTypeId: q.submission_type }, { sessionType: { name: q.submission_type } }] });
  if (q.search) {
    const or: Prisma.ProposalWhereInput[] = [{ title: { contains: q.search } }, { code: normalizeCode(q.search) }];
    if (fullTextIds.length > 0) or.push({ id: { in: [...fullTextIds] } });
    and.push({ OR: or });
  }
  return { AND: and };
}

export function toSubmission(p: Row, ctx: Pick<ApiContext, "scopes">, answers: Answer[] = []): Submission {
  const reviews = ctx.scopes.has("reviews");
  const speakers = ctx.scopes.has("speakers");
  const personal = ctx.scopes.has("personal");
  return submissionSchema.parse({
    code: p.code,
    number: p.number,
    guid: p.guid,
    title: p.title,
    // Owners first, in JavaScript: SQLite would sort the role enum as text.
    speakers: [...p.speakers]
      .sort((a, b) => Number(a.role !== "OWNER") - Number(b.role !== "OWNER"))
      .map(({ user }) => ({
        code: user.code,
        ...(speakers ? { name: user.name, biography: user.profile?.bio ?? "" } : {}),
        ...(personal ? { email: user.email } : {}),
      })),
    submission_type: p.sessionType?.name ?? null,
    submission_type_id: p.sessionType?.id ?? null,
    track: p.track?.name ?? null,
    track_id: p.track?.id ?? null,
    state: pretalxState(p.status),
    pending_state: pendingState(p.pendingDecision),
    waitlisted: p.status === "WAITLISTED",
    pending_waitlisted: p.pendingDecision === "WAITLISTED",
    abstract: p.abstract,
    description: "",
    notes: p.notes,
    level: p.level?.toLowerCase() ?? null,
    duration: p.sessionType?.durationMinutes ?? null,
    created: p.createdAt.toISOString(),
    updated: p.updatedAt.toISOString(),
    submitted: p.submittedAt?.toISOString() ?? null,
    answers,
    review_count: reviews ? (p.stats?.reviewCount ?? 0) : null,
    mean_score: reviews ? (p.stats?.avgScore ?? null) : null,
    median_score: reviews ? (p.stats?.medianScore ?? null) : null,
    normalized_score: reviews ? (p.stats?.normalizedScore ?? null) : null,
  });
}

/** One page of the event's proposals, in number order. */
export async function listSubmissions(db: Db, ctx: ApiContext, q: SubmissionsQuery) {
  const fullTextIds = q.search ? await matchingProposalIds(db, ctx.event.id, searchTerms(q.search), apiSearchReach(ctx)) : [];
  const where = submissionsWhere(ctx, q, fullTextIds);
  const [count, rows] = await Promise.all([
    db.proposal.count({ where }),
    db.proposal.findMany({ where, orderBy: { number: "asc" }, ...skipTake(q), select: SUBMISSION_SELECT }),
  ]);
  const answers = await submissionAnswers(db, ctx, rows);
  return { count, results: rows.map((r) => toSubmission(r, ctx, answers.get(r.id))) };
}

/** One proposal by its code; "not found" for a code outside the token's reach. */
export async function getSubmission(db: Db, ctx: ApiContext, code: string) {
  const row = await db.proposal.findFirst({
    where: { AND: [ctx.organizer.proposals, { code: normalizeCode(code) }] },
    select: SUBMISSION_SELECT,
  });
  if (!row) throw new ApiError("not_found", "No submission with this code.");
  return toSubmission(row, ctx, (await submissionAnswers(db, ctx, [row])).get(row.id));
}
