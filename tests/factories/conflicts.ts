import type { Db, DbTx } from "@/lib/db/client";
import type { Event, Proposal, ProposalConflict, ReviewAssignment, SpeakerConflict, User } from "@/lib/generated/prisma/client";
import { addReviewer, createEvent } from "./events";

export type ProposalConflictTraits = {
  proposal: Pick<Proposal, "id" | "eventId">;
  reviewer: Pick<User, "id">;
  /** Default "REVIEWER" (declared by the reviewer themselves). */
  source?: "REVIEWER" | "ORGANIZER";
  /** Default: the reviewer. */
  createdBy?: Pick<User, "id">;
};

/** A stored "this reviewer may not review this proposal" row, as declare/manage write it. */
export function createProposalConflict(db: Db | DbTx, traits: ProposalConflictTraits): Promise<ProposalConflict> {
  const { proposal, reviewer } = traits;
  return db.proposalConflict.create({
    data: {
      eventId: proposal.eventId,
      proposalId: proposal.id,
      reviewerId: reviewer.id,
      source: traits.source ?? "REVIEWER",
      createdById: (traits.createdBy ?? reviewer).id,
    },
  });
}

export type SpeakerConflictTraits = {
  event: Pick<Event, "id">;
  reviewer: Pick<User, "id">;
  speaker: Pick<User, "id">;
  /** Default "ORGANIZER". */
  source?: "ORGANIZER" | "AFFILIATION";
  /** Default "ACTIVE"; "DISMISSED" is an affiliation match an organizer cleared. */
  status?: "ACTIVE" | "DISMISSED";
  /** Who recorded it; default the reviewer (only shown on the conflicts page). */
  createdBy?: Pick<User, "id">;
};

/** A reviewer–speaker conflict (or a dismissed affiliation match). */
export function createSpeakerConflict(db: Db | DbTx, traits: SpeakerConflictTraits): Promise<SpeakerConflict> {
  return db.speakerConflict.create({
    data: {
      eventId: traits.event.id,
      reviewerId: traits.reviewer.id,
      speakerId: traits.speaker.id,
      source: traits.source ?? "ORGANIZER",
      status: traits.status ?? "ACTIVE",
      createdById: (traits.createdBy ?? traits.reviewer).id,
    },
  });
}

/** Assigns a proposal to a reviewer (MANUAL unless told otherwise). */
export function assignProposal(
  db: Db | DbTx,
  traits: { proposal: Pick<Proposal, "id" | "eventId">; reviewer: Pick<User, "id">; source?: "MANUAL" | "AUTO" },
): Promise<ReviewAssignment> {
  return db.reviewAssignment.create({
    data: {
      eventId: traits.proposal.eventId,
      proposalId: traits.proposal.id,
      reviewerId: traits.reviewer.id,
      source: traits.source ?? "MANUAL",
    },
  });
}

/** Someone who must not get at a proposal's review data, and the error they get. */
export type OutsiderKind = "anonymous" | "speaker" | "reviewer of another event" | "organizer of another event" | "conflicted reviewer";
export const OUTSIDERS: readonly OutsiderKind[] = [
  "anonymous",
  "speaker",
  "reviewer of another event",
  "organizer of another event",
  "conflicted reviewer",
];

/**
 * Creates the outsider (the speaker is the proposal's own; the conflicted
 * reviewer is on the event's team and declared a conflict with the proposal)
 * and returns their id (null when anonymous) with the error code the review
 * domain answers them with: who may not know the event exists gets not_found.
 */
export async function createOutsider(
  db: Db,
  kind: OutsiderKind,
  event: Pick<Event, "id">,
  proposal: Pick<Proposal, "id" | "eventId"> & { speaker: Pick<User, "id"> },
): Promise<{ actorId: string | null; code: "unauthenticated" | "not_found" | "forbidden" }> {
  switch (kind) {
    case "anonymous":
      return { actorId: null, code: "unauthenticated" };
    case "speaker":
      return { actorId: proposal.speaker.id, code: "not_found" };
    case "reviewer of another event": {
      const other = await createEvent(db);
      return { actorId: (await addReviewer(db, other)).id, code: "not_found" };
    }
    case "organizer of another event":
      return { actorId: (await createEvent(db)).organizer.id, code: "not_found" };
    case "conflicted reviewer": {
      const reviewer = await addReviewer(db, event);
      await createProposalConflict(db, { proposal, reviewer });
      return { actorId: reviewer.id, code: "forbidden" };
    }
  }
}
