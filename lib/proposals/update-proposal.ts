import type { Db } from "@/lib/db";
import { assertCfpOpen } from "@/lib/events/cfp";
import { conflict } from "@/lib/errors";
import { assertEventReferences } from "./references";
import { proposalOfSpeaker } from "./speaker-access";
import { EDITABLE_STATUSES, type ProposalStatus } from "./state-machine";
import type { SaveProposalInput } from "./schemas";
import { transitionProposal } from "./transition";

/**
 * A speaker edits their proposal while the CFP is open and the proposal is
 * still a draft or submitted. With intent "submit", a draft is then submitted.
 */
export async function updateProposal(
  db: Db,
  actorId: string | null | undefined,
  proposalId: string,
  input: SaveProposalInput,
  options: { now?: Date } = {},
) {
  const { userId, proposal } = await proposalOfSpeaker(db, actorId, proposalId);
  if (!EDITABLE_STATUSES.includes(proposal.status as ProposalStatus)) {
    throw conflict(`A ${proposal.status.toLowerCase()} proposal can no longer be edited.`);
  }
  assertCfpOpen(proposal.event, options.now);
  await assertEventReferences(db, proposal.eventId, input.sessionTypeId, input.trackId);

  const { count } = await db.proposal.updateMany({
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
  if (count === 0) {
    throw conflict("This proposal changed since you opened it (in another tab?). Reload to see the latest version; copy your text first.");
  }

  if (input.intent === "submit" && proposal.status === "DRAFT") {
    return transitionProposal(db, userId, proposal.id, "submit", options);
  }
  return { id: proposal.id, eventId: proposal.eventId, status: proposal.status };
}
