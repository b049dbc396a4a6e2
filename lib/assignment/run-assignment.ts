import type { SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { appUrl } from "@/lib/config";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { conflict } from "@/lib/errors";
import { enqueueEmail } from "@/lib/email/outbox";
import { templateFor } from "@/lib/email/event-templates/load";
import { renderTemplate } from "@/lib/email/event-templates/render";
import { autoAssign, type AssignPair } from "./auto-assign";
import { loadConflictSet } from "./conflict-set";
import { coverage } from "./coverage";
import { loadAssignmentInputs, type AssignmentInputs } from "./inputs";

export type AutoAssignmentResult = {
  added: number;
  /** Reviewers who got at least one new proposal (each is emailed once). */
  reviewersNotified: number;
  proposals: number;
  covered: number;
  reviewersPerProposal: number;
  /** Proposals left below N: because too few reviewers may take them at all, or because those who may are at their cap. */
  short: { notEnoughReviewers: number; capsReached: number };
};

const ATTEMPTS = 3;
// Writing thousands of rows takes seconds (about 0.3 ms a row through Prisma on SQLite):
// more than the 5 s default, and a second run may wait for the first.
const TRANSACTION = { maxWait: 10_000, timeout: 30_000 };

class StalePlan extends Error {}

/**
 * Assigns reviewers (REVIEWER members, never organizers) to the event's
 * submitted proposals until each has N, within caps and never across a
 * conflict; existing assignments and reviews count and are kept, so a rerun
 * adds nothing once coverage is met. Proposals the organizer speaks on are
 * left for another organizer (lib/auth/organizer-scope.ts). The plan is computed outside the write
 * transaction; if another run or a new conflict got there first, the write
 * fails (unique pair) or is found stale and the plan is made again.
 */
export async function runAutoAssignment(db: Db, actor: SignedIn, eventId: string): Promise<AutoAssignmentResult> {
  const scope = await organizerScope(db, actor, eventId, "review:manage");
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const inputs = await loadAssignmentInputs(db, eventId, scope.proposals);
    const pairs = autoAssign({
      proposals: inputs.proposals,
      reviewers: inputs.reviewers,
      existing: inputs.existing,
      isConflicted: inputs.conflicts.isConflicted,
      reviewersPerProposal: inputs.reviewersPerProposal,
    });
    if (pairs.length === 0) return summarize(inputs, pairs);
    try {
      await db.$transaction(async (tx) => {
        // Writing first takes SQLite's write lock, so the checks below read the latest state.
        await tx.reviewAssignment.createMany({ data: pairs.map((p) => ({ ...p, eventId, source: "AUTO" as const })) });
        await assertStillAssignable(tx, eventId, pairs);
        await notifyReviewers(tx, eventId, pairs);
      }, TRANSACTION);
      return summarize(inputs, pairs);
    } catch (e) {
      if (!(e instanceof StalePlan || isUniqueViolation(e))) throw e;
    }
  }
  throw conflict("The assignments changed while they were being computed. Please run the assignment again.");
}

function summarize(inputs: AssignmentInputs, pairs: AssignPair[]): AutoAssignmentResult {
  const after = coverage(inputs, pairs);
  const notEnough = after.short.filter((s) => s.reason === "not-enough-reviewers").length;
  return {
    added: pairs.length,
    reviewersNotified: new Set(pairs.map((p) => p.reviewerId)).size,
    proposals: after.proposals,
    covered: after.covered,
    reviewersPerProposal: after.reviewersPerProposal,
    short: { notEnoughReviewers: notEnough, capsReached: after.short.length - notEnough },
  };
}

/** Each pair's proposal is still submitted, its reviewer still a reviewer, and no conflict appeared meanwhile. */
async function assertStillAssignable(tx: DbTx, eventId: string, pairs: AssignPair[]) {
  // One query at a time: inside a transaction (pg refuses parallel queries on one connection).
  const proposals = await tx.proposal.findMany({ where: { eventId, status: "SUBMITTED" }, select: { id: true } });
  const reviewers = await tx.eventMember.findMany({ where: { eventId, role: "REVIEWER" }, select: { userId: true } });
  const conflicts = await loadConflictSet(tx, eventId, { status: "SUBMITTED" });
  const proposalIds = new Set(proposals.map((p) => p.id));
  const reviewerIds = new Set(reviewers.map((r) => r.userId));
  const ok = (p: AssignPair) =>
    proposalIds.has(p.proposalId) && reviewerIds.has(p.reviewerId) && !conflicts.isConflicted(p.reviewerId, p.proposalId);
  if (!pairs.every(ok)) throw new StalePlan();
}

async function notifyReviewers(tx: DbTx, eventId: string, pairs: AssignPair[]) {
  const countOf = new Map<string, number>();
  for (const p of pairs) countOf.set(p.reviewerId, (countOf.get(p.reviewerId) ?? 0) + 1);
  const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { name: true, slug: true } });
  const reviewers = await tx.user.findMany({ where: { id: { in: [...countOf.keys()] } }, select: { id: true, name: true, email: true } });
  const url = `${appUrl()}/signin?callbackUrl=${encodeURIComponent(`/review/${event.slug}`)}`;
  const template = await templateFor(tx, eventId, "review-assignment");
  for (const r of reviewers) {
    const values = { reviewer_name: r.name || "there", event_name: event.name, count: String(countOf.get(r.id)!), review_url: url };
    const mail = renderTemplate(template, values);
    await enqueueEmail(tx, { to: r.email, kind: "review-assignment", subject: mail.subject, text: mail.body, eventId });
  }
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === "P2002";
}
