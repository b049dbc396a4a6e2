import type { Db, DbTx } from "@/lib/db/client";
import type { Event, Organization, ReviewCriterion, SessionType, Track, User } from "@/lib/generated/prisma/client";
import { DEFAULT_CRITERIA, type CriterionSpec } from "@/lib/events/default-criteria";
import { companyKeyForNewMember } from "@/lib/events/member-company-key";
import { createUser } from "./users";
import { cycle, daysFromNow, nextSeq, slugify, distinct } from "./sequence";

export type CfpState = "open" | "closed" | "upcoming";

/** An event as createEvent returns it: the row plus what it was created with. */
export type EventFixture = Event & {
  organization: Organization;
  organizer: User;
  /** [Talk (30 min), Lightning talk (10 min)], by position. */
  sessionTypes: SessionType[];
  /** Two tracks, by position. */
  tracks: Track[];
  /** By position; default one "Overall" criterion scored 1–5. */
  criteria: ReviewCriterion[];
};

const EVENT_NAMES = ["Ferris Summit", "Borrow Checker Days", "Oxidize Lisbon", "Crab Conf Nordic", "Zero Cost Conf"] as const;
const ORG_NAMES = ["Rust Community e.V.", "Ferrous Meetups Ltd", "Crustacean Events Association"] as const;

export function cfpWindow(cfp: CfpState): { cfpOpensAt: Date; cfpClosesAt: Date } {
  switch (cfp) {
    case "open":
      return { cfpOpensAt: daysFromNow(-14), cfpClosesAt: daysFromNow(30) };
    case "closed":
      return { cfpOpensAt: daysFromNow(-90), cfpClosesAt: daysFromNow(-1) };
    case "upcoming":
      return { cfpOpensAt: daysFromNow(7), cfpClosesAt: daysFromNow(60) };
  }
}

export async function createOrganization(db: Db | DbTx, traits: { name?: string; owner?: User } = {}): Promise<Organization> {
  const i = nextSeq();
  const name = traits.name ?? cycle(ORG_NAMES, i);
  return db.organization.create({
    data: {
      name,
      slug: `${slugify(name)}-${distinct(i)}`,
      ...(traits.owner ? { members: { create: { userId: traits.owner.id, role: "OWNER" } } } : {}),
    },
  });
}

export type EventTraits = {
  /** Default: a new user. Becomes the event's ORGANIZER (and OWNER of a new organization). */
  organizer?: User;
  /** Default "open": opened two weeks ago, closes in 30 days. */
  cfp?: CfpState;
  /** Default: a new organization owned by the organizer. */
  organization?: Organization;
  name?: string;
  slug?: string;
  description?: string;
  timeZone?: string;
  /** Default true. */
  blindReview?: boolean;
  reviewVisibility?: "NEVER" | "AFTER_OWN_REVIEW" | "ALWAYS";
  reviewsPerProposal?: number;
  /** Default DEFAULT_CRITERIA (one "Overall" 1–5). */
  criteria?: CriterionSpec[];
};

/**
 * An organization, an event with session types "Talk" (30 min) and
 * "Lightning talk" (10 min) and tracks "Systems & Embedded" and
 * "Web & Async", and its ORGANIZER EventMember.
 */
export async function createEvent(db: Db | DbTx, traits: EventTraits = {}): Promise<EventFixture> {
  const organizer = traits.organizer ?? (await createUser(db));
  const organization = traits.organization ?? (await createOrganization(db, { owner: organizer }));
  const i = nextSeq();
  const name = traits.name ?? `${cycle(EVENT_NAMES, i)} ${2027 + (i % 3)}`;
  const event = await db.event.create({
    data: {
      organizationId: organization.id,
      name,
      slug: traits.slug ?? `${slugify(name)}-${distinct(i)}`,
      description:
        traits.description ??
        "Two days of talks about Rust in production: systems, embedded, web and the async ecosystem. " +
          "First-time speakers are very welcome; we offer mentoring for every accepted talk.",
      timeZone: traits.timeZone ?? "Europe/Berlin",
      ...cfpWindow(traits.cfp ?? "open"),
      sessionTypes: {
        create: [
          { name: "Talk", durationMinutes: 30, position: 0 },
          { name: "Lightning talk", durationMinutes: 10, position: 1 },
        ],
      },
      tracks: {
        create: [
          { name: "Systems & Embedded", position: 0 },
          { name: "Web & Async", position: 1 },
        ],
      },
      members: { create: { userId: organizer.id, role: "ORGANIZER", companyKey: await companyKeyForNewMember(db, organizer.id) } },
      ...(traits.blindReview !== undefined ? { blindReview: traits.blindReview } : {}),
      ...(traits.reviewVisibility ? { reviewVisibility: traits.reviewVisibility } : {}),
      ...(traits.reviewsPerProposal ? { reviewsPerProposal: traits.reviewsPerProposal } : {}),
      criteria: { create: (traits.criteria ?? DEFAULT_CRITERIA).map((c, position) => ({ ...c, position })) },
    },
    include: {
      sessionTypes: { orderBy: { position: "asc" } },
      tracks: { orderBy: { position: "asc" } },
      criteria: { orderBy: { position: "asc" } },
    },
  });
  return { ...event, organization, organizer };
}

/** Adds `user` (default: a new user) to the event's team as REVIEWER; returns the user. */
export async function addReviewer(db: Db | DbTx, event: Pick<Event, "id">, user?: User): Promise<User> {
  return addEventMember(db, event, "REVIEWER", user);
}

/** Adds `user` (default: a new user) as an additional ORGANIZER; returns the user. */
export async function addOrganizer(db: Db | DbTx, event: Pick<Event, "id">, user?: User): Promise<User> {
  return addEventMember(db, event, "ORGANIZER", user);
}

async function addEventMember(db: Db | DbTx, event: Pick<Event, "id">, role: "ORGANIZER" | "REVIEWER", user?: User): Promise<User> {
  const member = user ?? (await createUser(db));
  // Joining takes the member's company from their profile, as inviteTeamMember does.
  await db.eventMember.create({
    data: { eventId: event.id, userId: member.id, role, companyKey: await companyKeyForNewMember(db, member.id) },
  });
  return member;
}
