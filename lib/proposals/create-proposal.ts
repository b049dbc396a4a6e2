import type { Db } from "@/lib/db";
import { readClock, type ClockOptions } from "@/lib/clock";
import { assertCfpOpen } from "@/lib/events/cfp";
import { requireUser } from "@/lib/events/access";
import { conflict, notFound } from "@/lib/errors";
import { recordActivity } from "@/lib/activity/record";
import { queueSpeakerEmails } from "@/lib/decisions/notify";
import { consumeSubmission } from "@/lib/rate-limit/submissions";
import { assertEventReferences } from "./references";
import type { SaveProposalInput } from "./schemas";

/**
 * A speaker proposes a talk to an event whose CFP is open. The talk goes to
 * the speaker's library (or an existing talk of theirs is reused) and the
 * proposal keeps its own copy of the fields.
 */
export async function createProposal(
  db: Db,
  actorId: string | null | undefined,
  eventId: string,
  input: SaveProposalInput,
  options: ClockOptions & { talkId?: string | null } = {},
) {
  const userId = requireUser(actorId);
  // One reading of the clock for the deadline check and submittedAt (see transitionProposal).
  const now = readClock(options);
  const event = await db.event.findUnique({ where: { id: eventId } });
  if (!event) throw notFound("This event");
  assertCfpOpen(event, now);
  await assertEventReferences(db, eventId, input.sessionTypeId, input.trackId);

  const fields = {
    title: input.title,
    abstract: input.abstract,
    notes: input.notes,
    level: input.level,
  };
  const submit = input.intent === "submit";

  return db.$transaction(async (tx) => {
    const talk = options.talkId
      ? await tx.talk.findFirst({ where: { id: options.talkId, ownerId: userId } })
      : await tx.talk.create({ data: { ...fields, ownerId: userId } });
    if (!talk) throw notFound("This talk");
    // Only a talk from the library can already have been proposed here.
    if (options.talkId && (await tx.proposal.findUnique({ where: { eventId_talkId: { eventId, talkId: talk.id } } }))) {
      throw conflict("You have already proposed this talk to this event.");
    }

    const proposal = await tx.proposal.create({
      data: {
        ...fields,
        eventId,
        talkId: talk.id,
        sessionTypeId: input.sessionTypeId,
        trackId: input.trackId,
        status: submit ? "SUBMITTED" : "DRAFT",
        submittedAt: submit ? now : null,
        speakers: { create: { userId, role: "OWNER" } },
        stats: { create: { eventId } },
      },
    });
    if (submit) {
      await consumeSubmission(tx, userId, now);
      await recordActivity(tx, { proposalId: proposal.id, actorId: userId, kind: "status", data: { from: null, to: "SUBMITTED", transition: "submit" } });
      await queueSpeakerEmails(tx, { proposalId: proposal.id, kind: "submission-received", actorId: userId });
    }
    return proposal;
  });
}
