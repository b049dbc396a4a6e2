// The blind-review leak test's data, read from and written to the e2e database.
import type { Db } from "@/lib/db/client";
import type { Secret } from "../../support/leak-scanner";
import { unique } from "./data";
import { newUserCode } from "@/lib/identifiers/public-code";
import { newProposalIdentifiers } from "@/lib/identifiers/proposal-number";

/** Profile fields that identify a speaker, as the SpeakerProfile model names them. */
const PROFILE_FIELDS = ["bio", "company", "location", "website", "github", "mastodon"] as const;

/**
 * Every string that identifies a speaker on any proposal of the event (drafts
 * and withdrawn ones too): name, email, user image and each non-empty profile
 * field. `viewerId`'s own identity is left out: seeing yourself is no leak.
 */
export async function speakerSecrets(db: Db, eventSlug: string, viewerId: string): Promise<Secret[]> {
  const speakers = await db.proposalSpeaker.findMany({
    where: { proposal: { event: { slug: eventSlug } }, userId: { not: viewerId } },
    distinct: ["userId"],
    select: { user: { select: { name: true, email: true, image: true, profile: true } } },
  });
  return speakers.flatMap(({ user }) => {
    const owner = user.name || user.email;
    const values: Array<[Secret["kind"], string | null | undefined]> = [
      ["name", user.name],
      ["email", user.email],
      ["image", user.image],
      ...PROFILE_FIELDS.map((field) => [field, user.profile?.[field]] as [Secret["kind"], string | undefined]),
    ];
    return values.filter(([, value]) => value?.trim()).map(([kind, value]) => ({ kind, value: value!, owner }));
  });
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
  return { proposalId: proposal.id, title: content.title, speakerName, coSpeakerName };
}
