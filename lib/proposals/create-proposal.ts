import type { Db } from "@/lib/db";
import { readClock, type ClockOptions } from "@/lib/clock";
import { assertCfpOpen } from "@/lib/events/cfp";
import { requireUser } from "@/lib/events/access";
import { conflict, notFound } from "@/lib/errors";
import { assertEventReferences } from "./references";
import type { SaveProposalInput } from "./schemas";
import { applyTransition } from "@/lib/lifecycle/transition";
import { saveSubmitterAnswers } from "@/lib/questions/save-answers";
import type { AnswersInput } from "@/lib/questions/schemas";

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
  options: ClockOptions & { talkId?: string | null; answers?: AnswersInput } = {},
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
        speakers: { create: { userId, role: "OWNER" } },
        stats: { create: { eventId } },
      },
    });
    // Answers to the event's questions; required ones are checked before submitting (lib/questions).
    await saveSubmitterAnswers(
      tx,
      {
        eventId,
        proposalId: proposal.id,
        userId,
        trackId: input.trackId,
        sessionTypeId: input.sessionTypeId,
        status: "DRAFT",
        submitting: submit,
        now,
      },
      options.answers ?? {},
    );
    if (!submit) return proposal;
    // A new proposal is a draft (the schema's default); submitting is the transition, as for a saved draft.
    await applyTransition(tx, { proposalId: proposal.id, eventId, from: "DRAFT", name: "submit", actorId: userId, now });
    return tx.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
  });
}
