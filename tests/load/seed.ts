// The load run's event: a CFP that closes in the middle of the run, speakers
// who will write during it, a review team scoring the same proposals, and
// organizers deciding on them. Everyone signed in through a Session row, as
// next-auth's Prisma adapter writes one (no sign-in flow under load).
import { randomBytes } from "node:crypto";
import { signedInAs } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { SESSION_COOKIE } from "@/scripts/lib/session-cookie";
import { createProposal } from "@/lib/proposals/create-proposal";
import { addOrganizer, addReviewer, createEvent, createSpeaker, createUser, RUST_TALKS } from "@/tests/factories";

export type Shape = { speakers: number; reviewers: number; organizers: number; hotProposals: number };

export type Actor = { userId: string; cookie: string };

export type LoadEvent = {
  eventId: string;
  slug: string;
  cfpClosesAt: Date;
  sessionTypeIds: string[];
  trackIds: string[];
  criteria: { id: string; minScore: number; maxScore: number }[];
  speakers: Actor[];
  reviewers: Actor[];
  organizers: Actor[];
  /** Submitted before the run; every reviewer scores them and the organizers decide on them. */
  hotProposalIds: string[];
  /** The speaker of each of those (same order): confirms or declines once accepted. */
  hotSpeakers: Actor[];
  /** Each speaker's draft, made before the run (the rush is about finishing drafts): by speaker index. */
  drafts: { id: string; title: string }[];
};

async function signIn(db: Db, userId: string): Promise<Actor> {
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + 30 * 86_400_000) } });
  return { userId, cookie: `${SESSION_COOKIE}=${sessionToken}` };
}

export async function seedLoadEvent(db: Db, shape: Shape, cfpClosesAt: Date): Promise<LoadEvent> {
  const event = await createEvent(db, {
    name: "Load Test RustConf",
    slug: `load-${Date.now().toString(36)}`,
    criteria: [
      { name: "Relevance", description: "", minScore: 1, maxScore: 5, weight: 2 },
      { name: "Clarity", description: "", minScore: 0, maxScore: 10, weight: 1 },
    ],
  });
  // A declined talk's slot goes to the best waitlisted one at once: promotions race with the organizers.
  await db.event.update({
    where: { id: event.id },
    data: { cfpOpensAt: new Date(Date.now() - 86_400_000), cfpClosesAt, autoPromoteWaitlist: true },
  });

  // Proposals go in through the app's own createProposal, so they carry what a real one does
  // (status log, statistics row, confirmation email).
  const propose = async (speakerId: string, i: number, title: string, intent: "draft" | "submit") => {
    const talk = RUST_TALKS[i % RUST_TALKS.length];
    const input = {
      title,
      abstract: talk.abstract,
      notes: "",
      level: talk.level,
      sessionTypeId: event.sessionTypes[i % 2].id,
      trackId: event.tracks[i % 2].id,
      intent,
    };
    return createProposal(db, signedInAs(speakerId), event.id, input);
  };
  const hotProposalIds: string[] = [];
  const hotSpeakers: Actor[] = [];
  for (let i = 0; i < shape.hotProposals; i++) {
    const speaker = await createSpeaker(db);
    hotProposalIds.push((await propose(speaker.id, i, `Under review ${i + 1}: ${RUST_TALKS[i % RUST_TALKS.length].title}`, "submit")).id);
    hotSpeakers.push(await signIn(db, speaker.id));
  }
  const speakers: Actor[] = [];
  const drafts: LoadEvent["drafts"] = [];
  for (let i = 0; i < shape.speakers; i++) {
    const user = await createSpeaker(db);
    speakers.push(await signIn(db, user.id));
    const title = `Draft of speaker ${i}: ${RUST_TALKS[i % RUST_TALKS.length].title}`;
    drafts.push({ id: (await propose(user.id, i, title, "draft")).id, title });
  }
  const reviewers: Actor[] = [];
  for (let i = 0; i < shape.reviewers; i++) reviewers.push(await signIn(db, (await addReviewer(db, event, await createUser(db))).id));
  const organizers: Actor[] = [await signIn(db, event.organizer.id)];
  for (let i = 1; i < shape.organizers; i++) organizers.push(await signIn(db, (await addOrganizer(db, event)).id));

  return {
    eventId: event.id,
    slug: event.slug,
    cfpClosesAt,
    sessionTypeIds: event.sessionTypes.map((s) => s.id),
    trackIds: event.tracks.map((t) => t.id),
    criteria: event.criteria.map((c) => ({ id: c.id, minScore: c.minScore, maxScore: c.maxScore })),
    speakers,
    reviewers,
    organizers,
    hotProposalIds,
    hotSpeakers,
    drafts,
  };
}
