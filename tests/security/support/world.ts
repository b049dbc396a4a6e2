// One event with everyone the authorization matrix calls actions as: its
// organizer, a reviewer, a reviewer with a declared conflict, a speaker and
// co-speaker on a submitted proposal, a second organizer who co-speaks on
// that proposal too (they must neither see nor steer its review), another
// speaker with their own proposal, and the organizer of another event. Every name, email, title and
// comment is distinctive, so a response that mentions one is easy to catch.
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import {
  addOrganizer,
  addReviewer,
  createEvent,
  createProposal,
  createProposalConflict,
  createReview,
  createSpeaker,
  createUser,
  type EventFixture,
  type ProposalFixture,
} from "@/tests/factories";

export const ACTORS = [
  "anonymous",
  "speaker",
  "cospeaker",
  "otherSpeaker",
  "reviewer",
  "conflictedReviewer",
  "foreignOrganizer",
  "speakingOrganizer",
  "organizer",
] as const;
export type ActorKind = (typeof ACTORS)[number];
export const SIGNED_IN: readonly ActorKind[] = ACTORS.filter((a) => a !== "anonymous");

export type World = {
  event: EventFixture;
  foreign: EventFixture;
  organizer: User;
  reviewer: User;
  reviewerMemberId: string;
  conflictedReviewer: User;
  speaker: User;
  cospeaker: User;
  /** An organizer of the event who also speaks on `proposal`. */
  speakingOrganizer: User;
  otherSpeaker: User;
  proposal: ProposalFixture;
  otherProposal: ProposalFixture;
  conflictId: string;
};

const person = (name: string) => ({ name, email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.com` });

export const TEXT = {
  title: "Quokka Runtime Internals",
  abstract: "We open the wombat-abstract scheduler and look at every queue.",
  notes: "Needs the marsupial-notes projector.",
  otherTitle: "Numbat Streams in Practice",
  reviewComment: "bilby-review-comment: solid outline",
  discussion: "echidna-discussion-note about the speaker",
  foreignEvent: "Platypus Summit 2031",
} as const;

export async function buildWorld(db: Db): Promise<World> {
  const organizer = await createUser(db, person("Orla Mendes-Quark"));
  const event = await createEvent(db, { organizer, name: "Open Source Lagoon 2030", reviewsPerProposal: 2 });
  const reviewer = await addReviewer(db, event, await createUser(db, person("Rufus Lindqvist-Heron")));
  const conflictedReviewer = await addReviewer(db, event, await createUser(db, person("Cleo Parkhurst-Ibis")));
  const speaker = await createSpeaker(db, person("Saskia Quillon-Tern"));
  const cospeaker = await createUser(db, person("Corin Valemont-Egret"));
  const otherSpeaker = await createUser(db, person("Otto Brandvik-Plover"));
  const speakingOrganizer = await addOrganizer(db, event, await createUser(db, person("Sunniva Dualrole-Avocet")));
  const proposal = await createProposal(db, {
    event,
    speaker,
    cospeakers: [cospeaker, speakingOrganizer],
    title: TEXT.title,
    abstract: TEXT.abstract,
    notes: TEXT.notes,
  });
  const otherProposal = await createProposal(db, { event, speaker: otherSpeaker, title: TEXT.otherTitle });
  const conflict = await createProposalConflict(db, { proposal, reviewer: conflictedReviewer });
  await createReview(db, { proposal, reviewer, comment: TEXT.reviewComment });
  await db.reviewComment.create({ data: { proposalId: proposal.id, authorId: organizer.id, body: TEXT.discussion } });
  const foreign = await createEvent(db, { organizer: await createUser(db, person("Felix Outland-Gannet")), name: TEXT.foreignEvent });
  const member = await db.eventMember.findUniqueOrThrow({ where: { eventId_userId: { eventId: event.id, userId: reviewer.id } } });
  return {
    event,
    foreign,
    organizer,
    reviewer,
    reviewerMemberId: member.id,
    conflictedReviewer,
    speaker,
    cospeaker,
    speakingOrganizer,
    otherSpeaker,
    proposal,
    otherProposal,
    conflictId: conflict.id,
  };
}

export function actorUser(w: World, kind: ActorKind): User | null {
  switch (kind) {
    case "anonymous":
      return null;
    case "foreignOrganizer":
      return w.foreign.organizer;
    default:
      return w[kind];
  }
}

const who = (u: User) => [u.name ?? "", u.email];

/**
 * Strings the actor must not find in a refusal: everything in the world
 * except what they may already know (themselves, their own proposal, the
 * team they are on, the texts a reviewer reads).
 */
export function secretsFor(w: World, kind: ActorKind | "rightful", self?: User | null): string[] {
  const all = new Set([
    TEXT.title,
    TEXT.abstract,
    TEXT.notes,
    TEXT.otherTitle,
    TEXT.reviewComment,
    TEXT.discussion,
    TEXT.foreignEvent,
    ...[
      w.organizer,
      w.reviewer,
      w.conflictedReviewer,
      w.speaker,
      w.cospeaker,
      w.speakingOrganizer,
      w.otherSpeaker,
      w.foreign.organizer,
    ].flatMap(who),
  ]);
  const team = [w.organizer, w.speakingOrganizer, w.reviewer, w.conflictedReviewer].flatMap(who);
  const coSpeakers = [w.speaker, w.cospeaker, w.speakingOrganizer].flatMap(who);
  const known: Record<ActorKind | "rightful", string[]> = {
    anonymous: [],
    speaker: [TEXT.title, TEXT.abstract, TEXT.notes, ...coSpeakers],
    cospeaker: [TEXT.title, TEXT.abstract, TEXT.notes, ...coSpeakers],
    otherSpeaker: [TEXT.otherTitle, ...who(w.otherSpeaker)],
    reviewer: [TEXT.title, TEXT.abstract, TEXT.notes, TEXT.otherTitle, TEXT.reviewComment, TEXT.discussion, ...team],
    conflictedReviewer: [TEXT.otherTitle, ...team],
    foreignOrganizer: [TEXT.foreignEvent, ...who(w.foreign.organizer)],
    // Everything an organizer knows, except the review and discussion of the proposal they speak on.
    speakingOrganizer: [...all].filter((t) => t !== TEXT.reviewComment && t !== TEXT.discussion),
    organizer: [...all],
    rightful: [],
  };
  for (const s of [...known[kind], ...(self ? who(self) : [])]) all.delete(s);
  return [...all].filter(Boolean);
}
