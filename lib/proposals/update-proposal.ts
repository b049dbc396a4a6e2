import type { SignedIn } from "@/lib/auth/actor";
import type { Db, DbTx } from "@/lib/db";
import { readClock, type ClockOptions } from "@/lib/clock";
import { recordActivity } from "@/lib/activity/record";
import { assertCfpOpen } from "@/lib/events/cfp";
import { conflict, forbidden } from "@/lib/errors";
import { assertSubmittable } from "@/lib/lifecycle/submittable";
import { assertEventReferences } from "./references";
import { proposalOfSpeaker } from "@/lib/auth/speaker-access";
import { checkTransition, EDITABLE_STATUSES, type ProposalStatus } from "@/lib/lifecycle/state-machine";
import type { SaveProposalInput } from "./schemas";
import { applyTransition } from "@/lib/lifecycle/transition";
import { queueWebhooks } from "@/lib/webhooks/enqueue";
import { saveSubmitterAnswers } from "@/lib/questions/save-answers";
import type { AnswersInput } from "@/lib/questions/schemas";

/**
 * A speaker edits their proposal while the CFP is open and the proposal is
 * still a draft or submitted. With intent "submit", a draft is then submitted.
 */
export async function updateProposal(
  db: Db,
  actor: SignedIn,
  proposalId: string,
  input: SaveProposalInput,
  options: ClockOptions & { answers?: AnswersInput } = {},
) {
  const now = readClock(options);
  const { userId, proposal } = await proposalOfSpeaker(db, actor, proposalId);
  if (!EDITABLE_STATUSES.includes(proposal.status as ProposalStatus)) {
    throw conflict(`A ${proposal.status.toLowerCase()} proposal can no longer be edited.`);
  }
  assertCfpOpen(proposal.event, now);
  await assertEventReferences(db, proposal.eventId, input.sessionTypeId, input.trackId);
  // A draft may stay incomplete; a submitted proposal stays complete, and a submission must be.
  if (input.intent === "submit" || proposal.status !== "DRAFT") assertSubmittable(input);

  // The edit and, with intent "submit", the submission are one transaction:
  // a refused submission (deadline, rate limit, a concurrent change) saves
  // nothing, so the answer the speaker gets is the whole truth.
  return db.$transaction(async (tx) => {
    // Read in the transaction that writes, so the log says what was really replaced.
    const before = await tx.proposal.findUnique({ where: { id: proposal.id }, select: EDITED_FIELDS });
    const { count } = await tx.proposal.updateMany({
      where: {
        id: proposal.id,
        status: { in: [...EDITABLE_STATUSES] },
        ...(input.version ? { updatedAt: new Date(input.version) } : {}),
      },
      data: {
        title: input.title,
        abstract: input.abstract,
        notes: input.notes,
        level: input.level,
        sessionTypeId: input.sessionTypeId,
        trackId: input.trackId,
      },
    });
    if (count === 0 || !before) {
      throw conflict(
        "This proposal changed since you opened it (in another tab?). Reload to see the latest version; copy your text first.",
      );
    }
    // The library keeps the latest text of the talk (ADR 0020); other events' proposals keep theirs.
    await tx.talk.update({
      where: { id: proposal.talkId },
      data: { title: input.title, abstract: input.abstract, notes: input.notes, level: input.level },
    });
    // Drafts are the speaker's business; edits after submission are the organizers' too.
    if (before.status !== "DRAFT") await recordEdit(tx, userId, { proposalId: proposal.id, eventId: proposal.eventId, now }, before, input);
    // Answers to the event's questions; required ones are checked when submitting and once submitted (lib/questions).
    await saveSubmitterAnswers(
      tx,
      {
        eventId: proposal.eventId,
        proposalId: proposal.id,
        userId,
        trackId: input.trackId,
        sessionTypeId: input.sessionTypeId,
        status: before.status,
        submitting: input.intent === "submit",
        now,
      },
      options.answers ?? {},
    );
    if (input.intent !== "submit" || before.status !== "DRAFT")
      return { id: proposal.id, eventId: proposal.eventId, status: before.status as ProposalStatus };

    if (!checkTransition("submit", "DRAFT", "SPEAKER").ok) throw forbidden();
    return applyTransition(tx, { proposalId: proposal.id, eventId: proposal.eventId, from: "DRAFT", name: "submit", actorId: userId, now });
  });
}

const EDITED_FIELDS = {
  status: true,
  title: true,
  abstract: true,
  notes: true,
  level: true,
  sessionTypeId: true,
  trackId: true,
  sessionType: { select: { name: true } },
  track: { select: { name: true } },
} as const;

type Edited = {
  title: string;
  abstract: string;
  notes: string;
  level: string | null;
  sessionTypeId: string | null;
  trackId: string | null;
};
type Change = { from: string | null; to: string | null };

/** An "edit" line with the fields that changed (session type and track by name); none when nothing did. */
async function recordEdit(
  tx: DbTx,
  actorId: string,
  { proposalId, eventId, now }: { proposalId: string; eventId: string; now: Date },
  before: Edited & { sessionType: { name: string } | null; track: { name: string } | null },
  after: Edited,
) {
  const changes: Record<string, Change> = {};
  for (const field of ["title", "abstract", "notes", "level"] as const) {
    if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  }
  if (before.sessionTypeId !== after.sessionTypeId) {
    const to = after.sessionTypeId ? await tx.sessionType.findUnique({ where: { id: after.sessionTypeId }, select: { name: true } }) : null;
    changes.sessionType = { from: before.sessionType?.name ?? null, to: to?.name ?? null };
  }
  if (before.trackId !== after.trackId) {
    const to = after.trackId ? await tx.track.findUnique({ where: { id: after.trackId }, select: { name: true } }) : null;
    changes.track = { from: before.track?.name ?? null, to: to?.name ?? null };
  }
  if (Object.keys(changes).length === 0) return;
  await recordActivity(tx, { proposalId, actorId, kind: "edit", data: { changes } });
  await queueWebhooks(tx, { eventId, proposalId, type: "proposal.updated", change: { fields: Object.keys(changes) }, now });
}
