import type { Db, DbTx } from "@/lib/db/client";
import type {
  Event,
  Level,
  PendingDecision,
  Proposal,
  ProposalStatus,
  SessionType,
  Talk,
  Track,
  User,
} from "@/lib/generated/prisma/client";
import { createUser } from "./users";
import { proposalIdentifiers } from "./identifiers";
import { DAY, cycle, nextSeq } from "./sequence";

export type ProposalStatusTrait = "draft" | "submitted" | "accepted" | "waitlisted" | "rejected" | "confirmed" | "declined" | "withdrawn";

const STATUS: Record<ProposalStatusTrait, ProposalStatus> = {
  draft: "DRAFT",
  submitted: "SUBMITTED",
  accepted: "ACCEPTED",
  waitlisted: "WAITLISTED",
  rejected: "REJECTED",
  confirmed: "CONFIRMED",
  declined: "DECLINED",
  withdrawn: "WITHDRAWN",
};

/** Statuses reached after submitting, after a published decision, after the speaker's answer. */
const SUBMITTED: readonly ProposalStatus[] = ["SUBMITTED", "ACCEPTED", "WAITLISTED", "REJECTED", "CONFIRMED", "DECLINED"];
const DECIDED: readonly ProposalStatus[] = ["ACCEPTED", "WAITLISTED", "REJECTED", "CONFIRMED", "DECLINED"];
const RESPONDED: readonly ProposalStatus[] = ["CONFIRMED", "DECLINED"];

export const RUST_TALKS: readonly { title: string; abstract: string; level: Level }[] = [
  {
    title: "Async Rust Without the Tears: Pin, Wakers and You",
    abstract:
      "Pin is the most feared type in the standard library. We build a tiny executor from scratch, " +
      "watch exactly where self-referential futures appear, and come out knowing when Pin matters and when it does not.",
    level: "INTERMEDIATE",
  },
  {
    title: "Zero-Cost Abstractions in Practice: Reading the Assembly",
    abstract:
      "Iterators, closures and generics promise to compile down to the loop you would have written by hand. " +
      "With Compiler Explorer open, we check that promise on real code and find the few places where it breaks.",
    level: "ADVANCED",
  },
  {
    title: "From C++ to Rust: Migrating a 400k-Line Codebase One Crate at a Time",
    abstract:
      "How our team moved a trading engine to Rust without a rewrite: cxx bridges, shared build graphs, " +
      "fuzzing both sides, and the organisational lessons we wish we had known on day one.",
    level: "INTERMEDIATE",
  },
  {
    title: "Embedded Rust on the RP2040: No OS, No Allocator, No Problem",
    abstract:
      "A live-coded tour of embassy on a $4 microcontroller: async tasks without a heap, type-safe pins, " +
      "and a driver for a temperature sensor written in fifteen minutes.",
    level: "BEGINNER",
  },
  {
    title: "Lifetimes Demystified for Garbage-Collected Developers",
    abstract:
      "If you come from Go, Java or Python, lifetimes can feel like an arbitrary tax. We draw the ownership graph " +
      "of everyday programs and show that the borrow checker is asking questions you already answer in your head.",
    level: "BEGINNER",
  },
  {
    title: "Unsafe Rust: A Field Guide to Soundness",
    abstract:
      "What unsafe actually lets you do, what it never lets you do, and how Miri, loom and careful invariants " +
      "turn scary code into code you can review with confidence.",
    level: "ADVANCED",
  },
  {
    title: "Type-State Programming: Making Invalid States Unrepresentable",
    abstract:
      "Builders that cannot be built twice, connections that cannot be used before the handshake: encoding " +
      "protocols in the type system with zero runtime cost, and knowing when to stop.",
    level: "INTERMEDIATE",
  },
  {
    title: "Error Handling in Rust: thiserror, anyhow and Beyond",
    abstract:
      "Libraries and applications want different things from errors. We compare patterns from popular crates " +
      "and end with a checklist for error types your users will thank you for.",
    level: "BEGINNER",
  },
  {
    title: "Tokio Internals: How the Work-Stealing Scheduler Really Works",
    abstract:
      "A guided walk through the runtime: the LIFO slot, cooperative budgeting, and why blocking in async code " +
      "hurts more than you think. Includes tracing output from a misbehaving production service.",
    level: "ADVANCED",
  },
  {
    title: "Procedural Macros from Scratch",
    abstract:
      "syn, quote and a lot of patience: we write a derive macro end to end, with helpful compile errors, " +
      "span-correct diagnostics and tests using trybuild.",
    level: "INTERMEDIATE",
  },
];

export type ProposalFixture = Proposal & { talk: Talk; speaker: User };

export type ProposalTraits = {
  /** The event (createEvent's result, or any Event row). */
  event: Pick<Event, "id"> & { sessionTypes?: SessionType[]; tracks?: Track[] };
  /** Default: a new user. Owns the talk and is the proposal's OWNER speaker. */
  speaker?: User;
  /** Default "submitted". Published decisions set decidedAt; confirmed/declined set respondedAt. */
  status?: ProposalStatusTrait;
  /** An organizer's unpublished decision (internal; speakers never see it). */
  pendingDecision?: PendingDecision;
  /** Default three days ago for submitted and later statuses; orders the waitlist's ties. */
  submittedAt?: Date;
  /** Added as COSPEAKER. */
  cospeakers?: User[];
  title?: string;
  abstract?: string;
  notes?: string;
  level?: Level;
  /** "talk" (default), "lightning", or a SessionType row of this event. */
  sessionType?: "talk" | "lightning" | SessionType;
  /** Default: the event's first track; null for none. */
  track?: Track | null;
  /** Propose an existing talk from the speaker's library instead of creating one. */
  talk?: Talk;
};

/**
 * A Talk in the speaker's library and its Proposal to the event (a copy of
 * the talk's fields), with the speaker as OWNER. submittedAt / decidedAt /
 * respondedAt follow the status. No ProposalStats row is created.
 */
export async function createProposal(db: Db | DbTx, traits: ProposalTraits): Promise<ProposalFixture> {
  const { event } = traits;
  const speaker = traits.speaker ?? (await createUser(db));
  const i = nextSeq();
  const sample = cycle(RUST_TALKS, i);

  const sessionTypes =
    event.sessionTypes ?? (await db.sessionType.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } }));
  const sessionType =
    typeof traits.sessionType === "object"
      ? traits.sessionType
      : (sessionTypes.find((s) => s.name === (traits.sessionType === "lightning" ? "Lightning talk" : "Talk")) ?? sessionTypes[0]);
  if (!sessionType) throw new Error(`createProposal: event ${event.id} has no session types`);

  let trackId: string | null;
  if (traits.track !== undefined) trackId = traits.track?.id ?? null;
  else {
    const tracks = event.tracks ?? (await db.track.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } }));
    trackId = tracks[0]?.id ?? null;
  }

  const talk =
    traits.talk ??
    (await db.talk.create({
      data: {
        ownerId: speaker.id,
        title: traits.title ?? sample.title,
        abstract: traits.abstract ?? sample.abstract,
        notes: traits.notes ?? "I have given a shorter version of this talk at our local Rust meetup.",
        level: traits.level ?? sample.level,
      },
    }));

  const status = STATUS[traits.status ?? "submitted"];
  const now = Date.now();
  const submitted = SUBMITTED.includes(status);

  const proposal = await db.proposal.create({
    data: {
      ...(await proposalIdentifiers(db, event.id)),
      eventId: event.id,
      talkId: talk.id,
      title: talk.title,
      abstract: talk.abstract,
      notes: talk.notes,
      level: talk.level,
      sessionTypeId: sessionType.id,
      trackId,
      status,
      pendingDecision: traits.pendingDecision ?? null,
      submittedAt: submitted ? (traits.submittedAt ?? new Date(now - 3 * DAY)) : null,
      decidedAt: DECIDED.includes(status) ? new Date(now - DAY) : null,
      respondedAt: RESPONDED.includes(status) ? new Date(now - DAY / 2) : null,
      speakers: {
        create: [
          { userId: speaker.id, role: "OWNER" },
          ...(traits.cospeakers ?? []).map((u) => ({ userId: u.id, role: "COSPEAKER" as const })),
        ],
      },
    },
  });
  return { ...proposal, talk, speaker };
}
