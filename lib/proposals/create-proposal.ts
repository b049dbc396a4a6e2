import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { readClock, type ClockOptions } from "@/lib/clock";
import { assertCfpOpen } from "@/lib/events/cfp";
import { conflict, notFound } from "@/lib/errors";
import { assertSubmittable } from "@/lib/lifecycle/submittable";
import { assertEventReferences } from "./references";
import type { SaveProposalInput } from "./schemas";
import { applyTransition } from "@/lib/lifecycle/transition";
import { newProposalIdentifiers } from "@/lib/identifiers/proposal-number";

/**
 * A speaker proposes a talk to an event whose CFP is open. A new talk goes
 * to the speaker's library; a talk from their library (`talkId`, ADR 0020)
 * is proposed again as a copy: the proposal keeps its own fields, so later
 * edits stay with this event. The library keeps the latest text either way.
 */
export async function createProposal(
  db: Db,
  actor: SignedIn,
  eventId: string,
  input: SaveProposalInput,
  options: ClockOptions & { talkId?: string | null } = {},
) {
  const userId = actor.userId;
  // One reading of the clock for the deadline check and submittedAt (see transitionProposal).
  const now = readClock(options);
  const event = await db.event.findUnique({ where: { id: eventId } });
  if (!event) throw notFound("This event");
  assertCfpOpen(event, now);
  await assertEventReferences(db, eventId, input.sessionTypeId, input.trackId);
  const submit = input.intent === "submit";
  if (submit) assertSubmittable(input);

  const fields = { title: input.title, abstract: input.abstract, notes: input.notes, level: input.level };

  return db.$transaction(async (tx) => {
    // Only the talk's owner proposes it again: anyone else's id is "not found".
    const talk = options.talkId
      ? await tx.talk.findFirst({ where: { id: options.talkId, ownerId: userId }, select: { id: true } })
      : await tx.talk.create({ data: { ...fields, ownerId: userId }, select: { id: true } });
    if (!talk) throw notFound("This talk");
    if (options.talkId) {
      if (await tx.proposal.findUnique({ where: { eventId_talkId: { eventId, talkId: talk.id } }, select: { id: true } })) {
        throw conflict("You have already proposed this talk to this event.");
      }
      await tx.talk.update({ where: { id: talk.id }, data: fields });
    }

    const { code, number } = await newProposalIdentifiers(tx, eventId);
    const proposal = await tx.proposal.create({
      data: {
        ...fields,
        code,
        number,
        eventId,
        talkId: talk.id,
        sessionTypeId: input.sessionTypeId,
        trackId: input.trackId,
        speakers: { create: { userId, role: "OWNER" } },
        stats: { create: { eventId } },
      },
    });
    if (!submit) return proposal;
    // A new proposal is a draft (the schema's default); submitting is the transition, as for a saved draft.
    await applyTransition(tx, { proposalId: proposal.id, eventId, from: "DRAFT", name: "submit", actorId: userId, now });
    return tx.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
  });
}
