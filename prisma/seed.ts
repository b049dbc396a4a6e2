// Idempotent demo data: running it twice leaves the same database.
import { readFileSync } from "node:fs";
import { createDb } from "@/lib/db/client";
import { companyKey } from "@/lib/profile/company-key";
import { companyKeyForNewMember } from "@/lib/reviews/conflicts/member-company";
import { lockProposalStats, recomputeProposalStats, refreshEventStats } from "@/lib/reviews/proposal-stats";
import { reviewScore } from "@/lib/reviews/stats";
import { DEMO_EVENT, ORGANIZER, PROPOSALS, REVIEWERS, SPEAKERS, TAGS } from "./seed-data/demo";
import { tagNameKey } from "@/lib/tags/name-key";

const DAY = 86_400_000;
/** Whole hours read better on the CFP page than the seconds the seed ran at. */
const onTheHour = (ms: number) => new Date(Math.floor(ms / 3_600_000) * 3_600_000);
const db = createDb();

function abstractFor(startsWith: string[]): string {
  const lines = readFileSync(new URL("./seed-data/abstracts.txt", import.meta.url), "utf8").split("\n");
  const parts = startsWith.map((prefix) => {
    const line = lines.find((l) => l.startsWith(prefix));
    if (!line) throw new Error(`No abstract starts with "${prefix}"`);
    return line.trim();
  });
  return parts.join("\n\n");
}

async function upsertUser(p: { email: string; name: string; company?: string; bio?: string }) {
  const profile = { bio: p.bio ?? "", company: p.company ?? "", companyKey: companyKey(p.company ?? "") };
  return db.user.upsert({
    where: { email: p.email },
    create: { email: p.email, name: p.name, isDemo: true, emailVerified: new Date(), profile: { create: profile } },
    update: { name: p.name, isDemo: true },
  });
}

async function main() {
  const organizer = await upsertUser(ORGANIZER);
  const reviewers = await Promise.all(REVIEWERS.map(upsertUser));
  const speakers = await Promise.all(SPEAKERS.map(upsertUser));
  const byEmail = new Map([organizer, ...reviewers, ...speakers].map((u) => [u.email, u]));

  const org = await db.organization.upsert({
    where: { slug: "rust-community-france" },
    create: { name: "Rust Community France", slug: "rust-community-france", members: { create: { userId: organizer.id, role: "OWNER" } } },
    update: {},
  });

  const existing = await db.event.findUnique({ where: { slug: DEMO_EVENT.slug } });
  const event =
    existing ??
    (await db.event.create({
      data: {
        organizationId: org.id,
        name: DEMO_EVENT.name,
        slug: DEMO_EVENT.slug,
        description: DEMO_EVENT.description,
        timeZone: DEMO_EVENT.timeZone,
        cfpOpensAt: onTheHour(Date.now() - 20 * DAY),
        cfpClosesAt: onTheHour(Date.now() + 40 * DAY),
        confirmationDeadline: onTheHour(Date.now() + 70 * DAY),
        sessionTypes: { create: DEMO_EVENT.sessionTypes.map((s, position) => ({ ...s, position })) },
        tracks: { create: DEMO_EVENT.tracks.map((name, position) => ({ name, position })) },
        ratingGuide: DEMO_EVENT.ratingGuide,
        criteria: { create: DEMO_EVENT.criteria.map((c, position) => ({ ...c, position })) },
      },
    }));

  const team = [{ user: organizer, role: "ORGANIZER" as const }, ...reviewers.map((user) => ({ user, role: "REVIEWER" as const }))];
  for (const { user, role } of team) {
    await db.eventMember.upsert({
      where: { eventId_userId: { eventId: event.id, userId: user.id } },
      create: { eventId: event.id, userId: user.id, role, companyKey: await companyKeyForNewMember(db, user.id) },
      update: {},
    });
  }

  const [sessionTypes, tracks, criteria] = await Promise.all([
    db.sessionType.findMany({ where: { eventId: event.id } }),
    db.track.findMany({ where: { eventId: event.id } }),
    db.reviewCriterion.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } }),
  ]);

  for (const p of PROPOSALS) {
    const speaker = byEmail.get(p.speaker)!;
    const fields = { title: p.title, abstract: abstractFor(p.startsWith), notes: "", level: p.level };
    const talk =
      (await db.talk.findFirst({ where: { ownerId: speaker.id, title: p.title } })) ??
      (await db.talk.create({ data: { ...fields, ownerId: speaker.id } }));
    const proposal = await db.proposal.upsert({
      where: { eventId_talkId: { eventId: event.id, talkId: talk.id } },
      create: {
        ...fields,
        eventId: event.id,
        talkId: talk.id,
        sessionTypeId: sessionTypes.find((s) => s.name === p.sessionType)!.id,
        trackId: tracks.find((t) => t.name === p.track)!.id,
        status: "SUBMITTED",
        submittedAt: new Date(),
        speakers: { create: { userId: speaker.id, role: "OWNER" } },
        stats: { create: { eventId: event.id } },
      },
      update: {},
    });
    for (const [email, given] of Object.entries(p.scores)) {
      const reviewerId = byEmail.get(email)!.id;
      const values = Object.fromEntries(criteria.map((c, i) => [c.id, given[i] ?? null]));
      const score = reviewScore(criteria, values)!;
      await db.review.upsert({
        where: { proposalId_reviewerId: { proposalId: proposal.id, reviewerId } },
        create: {
          proposalId: proposal.id,
          reviewerId,
          score,
          comment:
            given[0] >= 4 ? "Clear outline, strong fit for the audience." : "Interesting, but the abstract needs a clearer takeaway.",
          scores: { create: criteria.map((c, i) => ({ criterionId: c.id, value: given[i] })) },
        },
        update: {},
      });
    }
    await lockProposalStats(db, proposal.id, event.id);
    await recomputeProposalStats(db, proposal.id);
  }
  for (const t of TAGS) {
    const nameKey = tagNameKey(t.name);
    const tag = await db.tag.upsert({
      where: { eventId_nameKey: { eventId: event.id, nameKey } },
      create: { eventId: event.id, name: t.name, nameKey, color: t.color, public: t.public },
      update: {},
    });
    const tagged = await db.proposal.findMany({ where: { eventId: event.id, title: { in: t.titles } }, select: { id: true } });
    for (const { id } of tagged) {
      await db.proposalTag.upsert({
        where: { proposalId_tagId: { proposalId: id, tagId: tag.id } },
        create: { proposalId: id, tagId: tag.id },
        update: {},
      });
    }
  }
  await refreshEventStats(db, event.id);
  console.log(`Seeded ${event.name}: ${PROPOSALS.length} proposals, ${REVIEWERS.length} reviewers, ${SPEAKERS.length} speakers.`);
}

main()
  .finally(() => db.$disconnect())
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
