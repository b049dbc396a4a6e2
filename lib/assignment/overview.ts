import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { coverage } from "./coverage";
import { loadAssignmentInputs } from "./inputs";

export const ASSIGNMENT_PAGE_SIZE = 50;

type Person = { id: string; name: string | null; email: string };

/**
 * The organizers' assignments page: coverage, each reviewer's load and
 * preferences, and one page of proposals (least covered first) with who is
 * on them and who else could be assigned. Only proposals the organizer may
 * handle: who reviews their own talk is none of their business.
 */
export async function assignmentOverview(db: Db, actor: SignedIn, eventId: string, page = 1) {
  const scope = await organizerScope(db, actor, eventId, "review:manage");
  const [inputs, team, tracks] = await Promise.all([
    loadAssignmentInputs(db, eventId, scope.proposals),
    db.eventMember.findMany({ where: { eventId }, select: { user: { select: { id: true, name: true, email: true } } } }),
    db.track.findMany({ where: { eventId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
  ]);
  const people = new Map<string, Person>(team.map((m) => [m.user.id, m.user]));
  const cov = coverage(inputs);
  const countBy = (pairs: { reviewerId: string }[]) => {
    const counts = new Map<string, number>();
    for (const p of pairs) counts.set(p.reviewerId, (counts.get(p.reviewerId) ?? 0) + 1);
    return counts;
  };
  const assignedCount = countBy(inputs.assigned);
  const reviewedCount = countBy(inputs.reviewed);
  const reviewers = inputs.reviewers
    .map((r) => ({
      ...r,
      person: people.get(r.id)!,
      assigned: assignedCount.get(r.id) ?? 0,
      reviewed: reviewedCount.get(r.id) ?? 0,
    }))
    .sort((a, b) => displayName(a.person).localeCompare(displayName(b.person)));

  const pages = Math.max(1, Math.ceil(inputs.proposals.length / ASSIGNMENT_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const ordered = [...inputs.proposals].sort(
    (a, b) =>
      cov.countOf.get(a.id)! - cov.countOf.get(b.id)! ||
      (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0) ||
      (a.id < b.id ? -1 : 1),
  );
  const pageIds = ordered.slice((current - 1) * ASSIGNMENT_PAGE_SIZE, current * ASSIGNMENT_PAGE_SIZE).map((p) => p.id);
  const details = await db.proposal.findMany({
    where: { id: { in: pageIds }, eventId },
    select: {
      id: true,
      title: true,
      track: { select: { name: true } },
      assignments: { select: { reviewerId: true, source: true }, orderBy: { createdAt: "asc" } },
      reviews: { select: { reviewerId: true } },
    },
  });
  const byId = new Map(details.map((d) => [d.id, d]));
  const conflicted = inputs.conflicts.isConflicted;
  const proposals = pageIds.map((id) => {
    const d = byId.get(id)!;
    const reviewedBy = new Set(d.reviews.map((r) => r.reviewerId));
    const assignedTo = new Set(d.assignments.map((a) => a.reviewerId));
    return {
      id,
      title: d.title,
      track: d.track?.name ?? null,
      count: cov.countOf.get(id)!,
      assigned: d.assignments.map((a) => ({
        person: people.get(a.reviewerId) ?? { id: a.reviewerId, name: null, email: "former team member" },
        source: a.source,
        reviewed: reviewedBy.has(a.reviewerId),
        conflicted: conflicted(a.reviewerId, id),
      })),
      reviewedUnassigned: [...reviewedBy]
        .filter((r) => !assignedTo.has(r) && !conflicted(r, id))
        .map((r) => people.get(r) ?? { id: r, name: null, email: "former team member" }),
      eligible: reviewers.filter((r) => !assignedTo.has(r.id) && !reviewedBy.has(r.id) && !conflicted(r.id, id)),
    };
  });

  return {
    summary: {
      reviewersPerProposal: cov.reviewersPerProposal,
      proposals: cov.proposals,
      covered: cov.covered,
      short: cov.short.length,
      notEnoughReviewers: cov.short.filter((s) => s.reason === "not-enough-reviewers").length,
    },
    tracks,
    reviewers,
    proposals,
    page: current,
    pages,
  };
}

export function displayName(p: { name: string | null; email: string }): string {
  return p.name || p.email;
}
