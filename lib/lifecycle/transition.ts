import { eventRole, type SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { readClock, systemClock, type ClockOptions } from "@/lib/clock";
import { can, type Role } from "@/lib/auth/permissions";
import { recordActivity } from "@/lib/activity/record";
import { assertBeforeConfirmationDeadline } from "@/lib/lifecycle/deadline";
import { queueSpeakerEmails } from "@/lib/lifecycle/notify";
import { handleVacancy } from "@/lib/lifecycle/waitlist";
import { queueWebhooks } from "@/lib/webhooks/enqueue";
import { assertCfpOpen } from "@/lib/events/cfp";
import { assertStoredSubmittable } from "@/lib/lifecycle/submittable";
import { consumeSubmission } from "@/lib/rate-limit/submissions";
import { assertUnderSpeakerCap } from "./speaker-cap";
import { conflict, forbidden, notFound, unauthenticated } from "@/lib/errors";
import {
  checkTransition,
  HOLDS_A_SLOT,
  PUBLISHING_TRANSITIONS,
  SPEAKER_EMAIL_FOR,
  TRANSITIONS,
  WEBHOOK_EVENT_FOR,
  type PendingDecision,
  type ProposalStatus,
  type TransitionName,
} from "./state-machine";

const STALE = "This proposal changed since you loaded the page. Reload and try again.";

/**
 * The one way a proposal's status changes on someone's request. The actor's
 * role comes from the database; the write is conditional on the status we
 * checked (applyTransition), so a stale, replayed or forged request changes nothing.
 */
export async function transitionProposal(
  db: Db,
  actor: SignedIn,
  proposalId: string,
  name: TransitionName,
  options: ClockOptions & { expectPending?: PendingDecision } = {},
) {
  const userId = actor.userId;
  // One reading of the clock for the check and the write: a submission
  // accepted before the deadline is stamped before it, however long the
  // transaction then waits for the write lock.
  const now = readClock(options);
  const proposal = await db.proposal.findUnique({
    where: { id: proposalId },
    include: { event: true, speakers: { where: { userId }, select: { id: true } } },
  });
  if (!proposal) throw notFound("This proposal");

  const isSpeaker = proposal.speakers.length > 0;
  const memberRole = await eventRole(db, userId, proposal.eventId);
  if (!isSpeaker && !memberRole) throw notFound("This proposal");

  // The actor acts in whichever of their roles here grants the transition.
  const { capability } = TRANSITIONS[name];
  const held: Role[] = isSpeaker ? ["SPEAKER"] : [];
  if (memberRole) held.push(memberRole);
  const role = held.find((r) => can(r, capability)) ?? null;
  // Nobody decides on a proposal they speak on.
  if (capability === "proposal:decide" && isSpeaker) throw forbidden("You cannot decide on your own proposal.");

  const from = proposal.status as ProposalStatus;
  const check = checkTransition(name, from, role);
  if (!check.ok) {
    if (check.reason === "wrong_role") throw forbidden();
    throw conflict(`This proposal is ${from.toLowerCase()}, so it cannot be ${pastTense(name)}.`);
  }
  if (name === "submit") assertCfpOpen(proposal.event, now);
  if (name === "confirm") assertBeforeConfirmationDeadline(proposal.event, proposal.decidedAt, now);

  return db.$transaction((tx) =>
    applyTransition(tx, {
      proposalId: proposal.id,
      eventId: proposal.eventId,
      from,
      name,
      actorId: userId,
      expectPending: options.expectPending,
      now,
    }),
  );
}

type AppliedTransition = {
  proposalId: string;
  eventId: string;
  from: ProposalStatus;
  name: TransitionName;
  actorId: string | null;
  expectPending?: PendingDecision;
  /** When the caller decided (checked a deadline); default: now, read once the row is ours. */
  now?: Date;
  /**
   * "import": replaying a proposal's history from another tool (lib/imports):
   * the status line is written, but nobody is emailed, no submission is
   * counted, no webhook fires and the waitlist is not touched.
   */
  origin?: "import";
};

/**
 * The only code that writes a proposal's status (creation and waitlist
 * promotion come through here too). Inside the caller's transaction: the
 * submission count for "submit", the conditional update (count 0 = someone
 * else changed it first: `conflict`), the activity line, the speakers' email,
 * and a freed slot's waitlist handling.
 */
export async function applyTransition(tx: DbTx, t: AppliedTransition) {
  const applied = await applyTransitionIfCurrent(tx, t);
  if (!applied) throw conflict(STALE);
  return applied;
}

/** applyTransition, answering null instead of `conflict` when the status is no longer `from` (the waitlist moves on to the next candidate). */
export async function applyTransitionIfCurrent(tx: DbTx, t: AppliedTransition) {
  const to = TRANSITIONS[t.name].to;
  // Take the row before reading the clock (a no-op update locks it on
  // PostgreSQL; SQLite has one writer): a review saved a moment earlier has
  // then committed, and the decision is stamped after it.
  if (!t.now) await tx.$executeRaw`UPDATE "Proposal" SET "id" = "id" WHERE "id" = ${t.proposalId}`;
  const now = t.now ?? systemClock.now();
  // Counted in the transaction that submits: over the limit it throws and nothing is saved.
  const imported = t.origin === "import";
  // An import replays what the other tool already accepted: no rate limit, no completeness check.
  if (t.name === "submit" && !imported) {
    if (!t.actorId) throw unauthenticated();
    await assertStoredSubmittable(tx, t.proposalId);
    await consumeSubmission(tx, t.actorId, now);
    await assertUnderSpeakerCap(tx, t.proposalId, t.eventId, t.actorId);
  }
  const publishes = PUBLISHING_TRANSITIONS.includes(t.name);
  const { count } = await tx.proposal.updateMany({
    where: {
      id: t.proposalId,
      eventId: t.eventId,
      status: t.from,
      ...(t.expectPending ? { pendingDecision: t.expectPending } : {}),
    },
    data: {
      status: to,
      ...(t.name === "submit" ? { submittedAt: now } : {}),
      ...(publishes ? { decidedAt: now, pendingDecision: null } : {}),
      ...(t.name === "confirm" || t.name === "decline" ? { respondedAt: now } : {}),
    },
  });
  if (count === 0) return null;
  await recordActivity(tx, {
    proposalId: t.proposalId,
    actorId: t.actorId,
    kind: "status",
    data: { from: t.from, to, transition: t.name, ...(imported ? { imported: true } : {}) },
  });
  if (imported) return { id: t.proposalId, eventId: t.eventId, status: to };
  const kind = SPEAKER_EMAIL_FOR[t.name];
  if (kind) await queueSpeakerEmails(tx, { proposalId: t.proposalId, kind, actorId: t.actorId });
  await queueWebhooks(tx, {
    eventId: t.eventId,
    proposalId: t.proposalId,
    type: WEBHOOK_EVENT_FOR[t.name],
    change: { from: t.from, to, transition: t.name },
    now,
  });
  if (HOLDS_A_SLOT.includes(t.from) && !HOLDS_A_SLOT.includes(to)) {
    await handleVacancy(tx, { proposalId: t.proposalId, eventId: t.eventId, actorId: t.actorId, now });
  }
  return { id: t.proposalId, eventId: t.eventId, status: to };
}

function pastTense(name: TransitionName): string {
  return {
    submit: "submitted",
    withdraw: "withdrawn",
    publishAccepted: "accepted",
    publishWaitlisted: "waitlisted",
    publishRejected: "rejected",
    promote: "promoted",
    confirm: "confirmed",
    decline: "declined",
  }[name];
}
