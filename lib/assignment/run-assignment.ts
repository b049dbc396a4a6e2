import type { SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { appUrl } from "@/lib/config";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { conflict } from "@/lib/errors";
import { assertAsPreviewed, fingerprintOf } from "@/lib/forms/fingerprint";
import type { Prisma } from "@/lib/generated/prisma/client";
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
 * With `asPreviewed` (the fingerprint of planAutoAssignment's dry run), the
 * plan must be the one previewed: otherwise, or if it went stale, nothing is
 * written and the organizer is told, instead of a different plan being made.
 */
export async function runAutoAssignment(
  db: Db,
  actor: SignedIn,
  eventId: string,
  options: { asPreviewed?: string } = {},
): Promise<AutoAssignmentResult> {
  const scope = await organizerScope(db, actor, eventId, "review:manage");
  const attempts = options.asPreviewed === undefined ? ATTEMPTS : 1;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const { inputs, pairs } = await makePlan(db, eventId, scope.proposals);
    if (options.asPreviewed !== undefined) assertAsPreviewed(options.asPreviewed, partsOf(pairs), ASSIGNMENT_CHANGED);
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
  throw conflict(
    options.asPreviewed === undefined
      ? "The assignments changed while they were being computed. Please run the assignment again."
      : ASSIGNMENT_CHANGED,
  );
}

export const ASSIGNMENT_CHANGED =
  "The assignments changed since this preview was made (reviewers, conflicts, proposals or assignments changed meanwhile). Nothing was assigned: check the new preview and confirm again.";

export type AssignmentPlan = {
  /** What the run would report afterwards. */
  result: AutoAssignmentResult;
  /** Each reviewer who gets new proposals, and how many (each is emailed once). */
  recipients: { id: string; name: string | null; email: string; count: number }[];
  /** The first recipient's email, rendered by the code that queues it. */
  email: { to: string; subject: string; body: string } | null;
  fingerprint: string;
};

/** The dry run of "Run automatic assignment": the same plan runAutoAssignment would write now, and its emails. Writes nothing. */
export async function planAutoAssignment(db: Db, actor: SignedIn, eventId: string): Promise<AssignmentPlan> {
  const scope = await organizerScope(db, actor, eventId, "review:manage");
  const { inputs, pairs } = await makePlan(db, eventId, scope.proposals);
  const emails = await assignmentEmails(db, eventId, pairs);
  const recipients = emails
    .map((m) => ({ ...m.to, count: m.count }))
    .sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email) || a.id.localeCompare(b.id));
  const first = emails.find((m) => m.to.id === recipients[0]?.id);
  const email = first && {
    to: first.to.name ? `${first.to.name} <${first.to.email}>` : first.to.email,
    subject: first.subject,
    body: first.body,
  };
  return { result: summarize(inputs, pairs), recipients, email: email ?? null, fingerprint: fingerprintOf(partsOf(pairs)) };
}

const partsOf = (pairs: AssignPair[]) => pairs.map((p) => `${p.proposalId}:${p.reviewerId}`);

async function makePlan(db: Db, eventId: string, handleable: Prisma.ProposalWhereInput) {
  const inputs = await loadAssignmentInputs(db, eventId, handleable);
  const pairs = autoAssign({
    proposals: inputs.proposals,
    reviewers: inputs.reviewers,
    existing: inputs.existing,
    isConflicted: inputs.conflicts.isConflicted,
    reviewersPerProposal: inputs.reviewersPerProposal,
  });
  return { inputs, pairs };
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
  for (const mail of await assignmentEmails(tx, eventId, pairs)) {
    await enqueueEmail(tx, { to: mail.to.email, kind: "review-assignment", subject: mail.subject, text: mail.body, eventId });
  }
}

/** One "review-assignment" message per reviewer with new pairs, in the event's wording: what notifyReviewers queues and the preview shows. */
async function assignmentEmails(tx: DbTx, eventId: string, pairs: AssignPair[]) {
  const countOf = new Map<string, number>();
  for (const p of pairs) countOf.set(p.reviewerId, (countOf.get(p.reviewerId) ?? 0) + 1);
  if (countOf.size === 0) return [];
  const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { name: true, slug: true } });
  const reviewers = await tx.user.findMany({ where: { id: { in: [...countOf.keys()] } }, select: { id: true, name: true, email: true } });
  const url = `${appUrl()}/signin?callbackUrl=${encodeURIComponent(`/review/${event.slug}`)}`;
  const template = await templateFor(tx, eventId, "review-assignment");
  return reviewers.map((r) => {
    const count = countOf.get(r.id)!;
    const mail = renderTemplate(template, {
      reviewer_name: r.name || "there",
      event_name: event.name,
      count: String(count),
      review_url: url,
    });
    return { to: r, count, subject: mail.subject, body: mail.body };
  });
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === "P2002";
}
