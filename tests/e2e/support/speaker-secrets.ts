// The blind-review leak test's data, read from and written to the e2e database.
import type { Db } from "@/lib/db/client";
import type { Secret } from "../../support/leak-scanner";
import { unique } from "./data";
import { newUserCode } from "@/lib/identifiers/public-code";
import { newProposalIdentifiers } from "@/lib/identifiers/proposal-number";

/** Profile fields that identify a speaker, as the SpeakerProfile model names them. */
const PROFILE_FIELDS = ["bio", "company", "location", "website", "github", "mastodon"] as const;

/** What the public speaker pages of a published programme show (lib/programme/snapshot.ts). */
const PUBLIC_FIELDS: readonly Secret["kind"][] = ["name", "bio", "website", "github", "mastodon"];

/** Public codes of the speakers in the event's latest schedule release. */
async function publishedSpeakers(db: Db, eventSlug: string): Promise<Set<string>> {
  const release = await db.scheduleRelease.findFirst({ where: { event: { slug: eventSlug } }, orderBy: { version: "desc" } });
  const snapshot = release && (JSON.parse(release.snapshot) as { speakers: { code: string }[] });
  return new Set(snapshot?.speakers.map((s) => s.code) ?? []);
}

/**
 * Every string that identifies a speaker on any proposal of the event (drafts
 * and withdrawn ones too): name, email, user image and each non-empty profile
 * field. `viewerId`'s own identity is left out: seeing yourself is no leak.
 */
export async function speakerSecrets(db: Db, eventSlug: string, viewerId: string): Promise<Secret[]> {
  const speakers = await db.proposalSpeaker.findMany({
    where: { proposal: { event: { slug: eventSlug } }, userId: { not: viewerId } },
    distinct: ["userId"],
    select: { user: { select: { code: true, name: true, email: true, image: true, profile: true } } },
  });
  const published = await publishedSpeakers(db, eventSlug);
  const profile = speakers.flatMap(({ user }) => {
    const owner = user.name || user.email;
    const values: Array<[Secret["kind"], string | null | undefined]> = [
      ["name", user.name],
      ["email", user.email],
      ["image", user.image],
      ...PROFILE_FIELDS.map((field) => [field, user.profile?.[field]] as [Secret["kind"], string | undefined]),
    ];
    // A speaker of the published programme is public: their name and public profile fields are on the schedule.
    const isPublic = (kind: Secret["kind"]) => published.has(user.code) && PUBLIC_FIELDS.includes(kind);
    return values.filter(([kind, value]) => value?.trim() && !isPublic(kind)).map(([kind, value]) => ({ kind, value: value!, owner }));
  });
  return [...profile, ...(await hiddenAnswerSecrets(db, eventSlug, viewerId))];
}

/**
 * Answers to the event's questions that a reviewer must not read: every text
 * answer to a speaker question (identity data: hidden while review is blind),
 * and text answers to proposal questions not shown to reviewers. Choice and
 * yes/no answers are shared words ("Yes", "Travel only"), not searched.
 */
async function hiddenAnswerSecrets(db: Db, eventSlug: string, viewerId: string): Promise<Secret[]> {
  const textKinds = { in: ["STRING", "TEXT", "URL"] as ("STRING" | "TEXT" | "URL")[] };
  const [bySpeaker, byProposal] = await Promise.all([
    db.answer.findMany({
      where: { question: { event: { slug: eventSlug }, target: "SPEAKER", variant: textKinds }, speakerId: { not: viewerId } },
      select: { answer: true, speaker: { select: { name: true, email: true } } },
    }),
    db.answer.findMany({
      where: {
        question: { event: { slug: eventSlug }, target: "SUBMISSION", visibleToReviewers: false, variant: textKinds },
        proposal: { speakers: { none: { userId: viewerId } } },
      },
      select: {
        answer: true,
        proposal: { select: { speakers: { where: { role: "OWNER" }, select: { user: { select: { name: true, email: true } } } } } },
      },
    }),
  ]);
  return [
    ...bySpeaker.map((a) => ({ kind: "other" as const, value: a.answer, owner: a.speaker?.name || a.speaker?.email })),
    ...byProposal.map((a) => {
      const owner = a.proposal?.speakers[0]?.user;
      return { kind: "other" as const, value: a.answer, owner: owner?.name || owner?.email };
    }),
  ].filter((s) => s.value.trim());
}

/**
 * What a reviewer is meant to read: the event's texts and the proposals' own
 * words. A speaker who names their company in their title identified
 * themselves; the scanner reports such hits as excused, not as leaks.
 */
export async function reviewerVisibleTexts(db: Db, eventSlug: string): Promise<string[]> {
  const event = await db.event.findUniqueOrThrow({
    where: { slug: eventSlug },
    include: {
      sessionTypes: true,
      tracks: true,
      proposals: { where: { status: { in: ["SUBMITTED", "ACCEPTED", "REJECTED"] } }, select: { title: true, abstract: true, notes: true } },
    },
  });
  return [
    event.name,
    event.description,
    ...event.sessionTypes.map((s) => s.name),
    ...event.tracks.map((t) => t.name),
    ...event.proposals.flatMap((p) => [p.title, p.abstract, p.notes]),
  ].filter((t) => t.trim());
}

export type PlantedProposal = { proposalId: string; title: string; speakerName: string; coSpeakerName: string };

/**
 * A submitted proposal by a speaker whose profile has every field filled,
 * with characters that HTML, JSON and URLs each encode differently (é, ø, an
 * apostrophe, &, quotes, +), and a co-speaker. The seed's speakers only have
 * a company and a bio.
 */
export async function plantFullProfileProposal(db: Db, eventSlug: string): Promise<PlantedProposal> {
  const event = await db.event.findUniqueOrThrow({ where: { slug: eventSlug }, include: { sessionTypes: true, tracks: true } });
  const id = unique();
  const speakerName = "Zoë O'Brien-Ngata";
  const coSpeakerName = "Siân Ní Bhriain";
  const speaker = await db.user.create({
    data: {
      name: speakerName,
      email: `zoe.obrien+cfp-${id}@example.org`,
      code: await newUserCode(db),
      image: `https://avatars.example.org/u/zoe-obrien-${id}.png?size=96&v=4`,
      profile: {
        create: {
          bio: 'Maintains the **tokio-uring** bindings & writes about io_uring on "Zoë\'s Notes". Ten years of storage engines.',
          company: "Ökotech & Söhne",
          location: "Tromsø, Norway",
          website: `https://zoe-obrien.example.org/talks?lang=en&id=${id}`,
          github: `zoe-obrien-dev-${id}`,
          mastodon: `@zoe_${id.replace(/\D/g, "")}@hachyderm.example`,
        },
      },
    },
  });
  const coSpeaker = await db.user.create({
    data: {
      name: coSpeakerName,
      email: `sian-${id}@example.org`,
      code: await newUserCode(db),
      profile: { create: { location: "Galway, Ireland" } },
    },
  });
  const content = {
    title: `Zero-copy parsing with nom ${id}`,
    abstract: "We parse a binary log format **without copying**, then measure it.\n\nBring questions about lifetimes.",
    notes: "Live demo on a laptop; slides as a fallback.",
    level: "INTERMEDIATE" as const,
  };
  const talk = await db.talk.create({ data: { ...content, ownerId: speaker.id } });
  const proposal = await db.proposal.create({
    data: {
      ...content,
      ...(await newProposalIdentifiers(db, event.id)),
      eventId: event.id,
      talkId: talk.id,
      sessionTypeId: event.sessionTypes[0].id,
      trackId: event.tracks[0]?.id,
      status: "SUBMITTED",
      submittedAt: new Date(),
      speakers: {
        create: [
          { userId: speaker.id, role: "OWNER" },
          { userId: coSpeaker.id, role: "COSPEAKER" },
        ],
      },
      stats: { create: { eventId: event.id } },
    },
  });
  // Answers a reviewer must never read (lib/questions): a speaker answer
  // (identity data, hidden while review is blind) even though the question is
  // flagged for reviewers, and a proposal answer not flagged for them.
  const aboutYou = await plantQuestion(db, event.id, "SPEAKER", "Anything the organizers should know about you?", true);
  const budget = await plantQuestion(db, event.id, "SUBMISSION", "Budget notes (organizers only)", false);
  await db.answer.create({ data: { questionId: aboutYou.id, speakerId: speaker.id, answer: `Zoë uses a wheelchair; marker QSPK-${id}` } });
  await db.answer.create({ data: { questionId: budget.id, proposalId: proposal.id, answer: `Sponsor code QHID-${id} covers the flight` } });
  return { proposalId: proposal.id, title: content.title, speakerName, coSpeakerName };
}

async function plantQuestion(db: Db, eventId: string, target: "SPEAKER" | "SUBMISSION", question: string, visibleToReviewers: boolean) {
  return (
    (await db.question.findFirst({ where: { eventId, question } })) ??
    (await db.question.create({ data: { eventId, target, variant: "TEXT", question, visibleToReviewers, position: 90 } }))
  );
}
