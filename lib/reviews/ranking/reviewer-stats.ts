import type { SignedIn } from "@/lib/auth/actor";
import type { DbTx } from "@/lib/db";
import { organizerScope } from "@/lib/auth/organizer-scope";
import {
  reviewerCalibration,
  reviewerSummary,
  scaleHistogram,
  type ReviewerProfile,
  type ReviewerSummary,
  type ScoreProfile,
} from "@/lib/reviews/stats";
import { eventReviewScores, openAssignments } from "./reviewer-queries";

export type ReviewerStatsRow = {
  reviewerId: string;
  name: string | null;
  email: string;
  /** null: reviewed for this event but is no longer on its team. */
  role: "ORGANIZER" | "REVIEWER" | null;
  /** Assignments on proposals still open for review that this reviewer has not reviewed. */
  pending: number;
  summary: ReviewerSummary;
  profile: ReviewerProfile;
};

/**
 * Each reviewer's workload and scoring habits on an event, next to the
 * team's: reviews done, open assignments, mean and spread of the scores they
 * gave, and their score distribution (lib/reviews/stats/calibration.ts).
 * Lists every REVIEWER member, and anyone else who reviewed or has an open
 * assignment. Only reviews of proposals the actor may handle count
 * (lib/auth/organizer-scope.ts): none they speak on, as the proposal page
 * hides those from them.
 *
 * Histograms need every score: the database counts them per reviewer and
 * distinct score, so the rows read grow with reviewers, not reviews.
 */
export async function reviewerStats(db: DbTx, actor: SignedIn, eventId: string) {
  const scope = await organizerScope(db, actor, eventId, "proposal:view-reviews");
  const [criteria, members, reviews, pending] = await Promise.all([
    db.reviewCriterion.findMany({
      where: { eventId },
      orderBy: { position: "asc" },
      select: { id: true, name: true, minScore: true, maxScore: true },
    }),
    db.eventMember.findMany({ where: { eventId }, select: { role: true, user: { select: { id: true, name: true, email: true } } } }),
    eventReviewScores(db, scope),
    openAssignments(db, scope),
  ]);
  const calibration = reviewerCalibration(reviews, criteria);
  const profiles = new Map(calibration.reviewers.map((p) => [p.reviewerId, p]));

  const people = new Map(members.map((m) => [m.user.id, { ...m.user, role: m.role as ReviewerStatsRow["role"] }]));
  const listed = new Set([...members.filter((m) => m.role === "REVIEWER").map((m) => m.user.id), ...profiles.keys(), ...pending.keys()]);
  const formerIds = [...listed].filter((id) => !people.has(id));
  if (formerIds.length > 0) {
    const former = await db.user.findMany({ where: { id: { in: formerIds } }, select: { id: true, name: true, email: true } });
    for (const u of former) people.set(u.id, { ...u, role: null });
  }

  const rows = [...listed].flatMap((reviewerId): ReviewerStatsRow[] => {
    const person = people.get(reviewerId);
    if (!person) return [];
    const profile = profiles.get(reviewerId) ?? emptyProfile(reviewerId, criteria);
    return [
      {
        reviewerId,
        name: person.name,
        email: person.email,
        role: person.role,
        pending: pending.get(reviewerId) ?? 0,
        summary: reviewerSummary(profile, criteria),
        profile,
      },
    ];
  });
  rows.sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email) || a.email.localeCompare(b.email));
  return { criteria, team: calibration.team satisfies ScoreProfile, reviewers: rows };
}

export type ReviewerStats = Awaited<ReturnType<typeof reviewerStats>>;

function emptyProfile(reviewerId: string, criteria: readonly { minScore: number; maxScore: number }[]): ReviewerProfile {
  return { reviewerId, count: 0, mean: null, stddev: null, histogram: scaleHistogram([], criteria) };
}
