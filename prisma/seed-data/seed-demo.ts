// Builds the demo conference (prisma/seed-data/demo.ts) in a database. The
// seed runs it once, untagged: the demo accounts and RustFest Lyon 2027,
// idempotently. The e2e specs run it with a tag for their own copy: the same
// people (same names and companies, addresses tagged, not demo accounts), the
// same proposals and reviews, in an event of its own, without the published
// programme (seed-programme.ts) the seeded event has.
import { readFileSync } from "node:fs";
import type { Db } from "@/lib/db/client";
import { companyKey } from "@/lib/profile/company-key";
import { companyKeyForNewMember } from "@/lib/events/member-company-key";
import { lockProposalStats, recomputeProposalStats, refreshEventStats } from "@/lib/reviews/proposal-stats";
import { reviewScore } from "@/lib/reviews/stats";
import type { Event, Proposal, User } from "@/lib/generated/prisma/client";
import { DEMO_EVENT, ORGANIZER, PROPOSALS, QUESTIONS, REVIEWERS, SPEAKERS, TAGS } from "./demo";
import { tagNameKey } from "@/lib/tags/name-key";
import { newUserCode } from "@/lib/identifiers/public-code";
import { newProposalIdentifiers } from "@/lib/identifiers/proposal-number";
import { seedProgramme } from "./seed-programme";

const DAY = 86_400_000;
/** Whole hours read better on the CFP page than the seconds the seed ran at. */
const onTheHour = (ms: number) => new Date(Math.floor(ms / 3_600_000) * 3_600_000);

function abstractFor(startsWith: string[]): string {
  const lines = readFileSync(new URL("./abstracts.txt", import.meta.url), "utf8").split("\n");
  const parts = startsWith.map((prefix) => {
    const line = lines.find((l) => l.startsWith(prefix));
    if (!line) throw new Error(`No abstract starts with "${prefix}"`);
    return line.trim();
  });
  return parts.join("\n\n");
}

export type SeededDemo = {
  event: Event;
  /** Every person by their demo address (olivia@example.com, ravi@example.com, …). */
  people: Map<string, User>;
  /** Every proposal by its title. */
  proposals: Map<string, Proposal>;
};

/** "mara@example.com" with tag "x1" is "mara.x1@example.com". */
export function taggedEmail(email: string, tag?: string): string {
  return tag ? email.replace("@", `.${tag}@`) : email;
}

/**
 * The demo conference. Without `tag`: the demo accounts (isDemo) and the
 * event `rustfest-lyon-2027`, created or left as they are (idempotent). With `tag` (letters
 * and digits): `rustfest-lyon-2027-<tag>`, "RustFest Lyon 2027 <tag>", and
 * people whose addresses carry the tag and who are not demo accounts; a tag
 * is used once.
 */
export async function seedDemo(db: Db, tag?: string): Promise<SeededDemo> {
  const upsertUser = async (p: { email: string; name: string; company?: string; bio?: string }) => {
    const profile = { bio: p.bio ?? "", company: p.company ?? "", companyKey: companyKey(p.company ?? "") };
    const email = taggedEmail(p.email, tag);
    const create = {
      email,
      name: p.name,
      code: await newUserCode(db),
      isDemo: !tag,
      emailVerified: new Date(),
      profile: { create: profile },
    };
    // A tagged copy is new: plain creates, which SQLite never refuses for a write another process made
    // meanwhile (an upsert reads first; see tests/e2e/support/demo.ts).
    const user = tag
      ? await db.user.create({ data: create })
      : await db.user.upsert({ where: { email }, create, update: { name: p.name, isDemo: true } });
    return [p.email, user] as const;
  };
  const people = new Map<string, User>();
  for (const p of [ORGANIZER, ...REVIEWERS, ...SPEAKERS]) {
    const [email, user] = await upsertUser(p);
    people.set(email, user);
  }
  const organizer = people.get(ORGANIZER.email)!;
  const reviewers = REVIEWERS.map((r) => people.get(r.email)!);
  const suffix = tag ? `-${tag}` : "";

  const orgData = {
    name: "Rust Community France",
    slug: `rust-community-france${suffix}`,
    members: { create: { userId: organizer.id, role: "OWNER" as const } },
  };
  const org = tag
    ? await db.organization.create({ data: orgData })
    : await db.organization.upsert({ where: { slug: orgData.slug }, create: orgData, update: {} });

  const slug = `${DEMO_EVENT.slug}${suffix}`;
  const existing = await db.event.findUnique({ where: { slug } });
  const event =
    existing ??
    (await db.event.create({
      data: {
        organizationId: org.id,
        name: tag ? `${DEMO_EVENT.name} ${tag}` : DEMO_EVENT.name,
        slug,
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
    const member = { eventId: event.id, userId: user.id, role, companyKey: await companyKeyForNewMember(db, user.id) };
    if (tag) await db.eventMember.create({ data: member });
    else await db.eventMember.upsert({ where: { eventId_userId: { eventId: event.id, userId: user.id } }, create: member, update: {} });
  }

  const [sessionTypes, tracks, criteria] = await Promise.all([
    db.sessionType.findMany({ where: { eventId: event.id } }),
    db.track.findMany({ where: { eventId: event.id } }),
    db.reviewCriterion.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } }),
  ]);

  // The custom questions (ADR 0018) and the speakers' answers to the per-speaker ones.
  const questions = [];
  for (const [position, q] of QUESTIONS.entries()) {
    const { options, ...fields } = q;
    const include = { options: { orderBy: { position: "asc" as const } } };
    const found = tag ? null : await db.question.findFirst({ where: { eventId: event.id, question: q.question }, include });
    questions.push(
      found ??
        (await db.question.create({
          data: {
            ...fields,
            eventId: event.id,
            position,
            options: { create: options.map((answer, i) => ({ answer, position: i, identifier: `DEMO${position}${i}` })) },
          },
          include,
        })),
    );
  }
  const [coc, travel, firstTalk] = questions;
  for (const [i, s] of SPEAKERS.entries()) {
    const speaker = people.get(s.email)!;
    const answers = [
      { questionId: travel.id, answer: "", options: { connect: [{ id: travel.options[i % travel.options.length].id }] } },
      { questionId: firstTalk.id, answer: i % 3 === 0 ? "true" : "false" },
    ];
    for (const a of answers) {
      if (tag) await db.answer.create({ data: { ...a, speakerId: speaker.id } });
      else
        await db.answer.upsert({
          where: { questionId_speakerId: { questionId: a.questionId, speakerId: speaker.id } },
          create: { ...a, speakerId: speaker.id },
          update: {},
        });
    }
  }

  const proposals = new Map<string, Proposal>();
  for (const p of PROPOSALS) {
    const speaker = people.get(p.speaker)!;
    const fields = { title: p.title, abstract: abstractFor(p.startsWith), notes: "", level: p.level };
    const talk =
      (await db.talk.findFirst({ where: { ownerId: speaker.id, title: p.title } })) ??
      (await db.talk.create({ data: { ...fields, ownerId: speaker.id } }));
    const create = {
      ...fields,
      eventId: event.id,
      talkId: talk.id,
      sessionTypeId: sessionTypes.find((s) => s.name === p.sessionType)!.id,
      trackId: tracks.find((t) => t.name === p.track)!.id,
      status: "SUBMITTED" as const,
      submittedAt: new Date(),
      speakers: { create: { userId: speaker.id, role: "OWNER" as const } },
      stats: { create: { eventId: event.id } },
    };
    // Created once, with the event's next number: a second run changes nothing.
    const existing = tag ? null : await db.proposal.findUnique({ where: { eventId_talkId: { eventId: event.id, talkId: talk.id } } });
    const proposal = existing ?? (await db.proposal.create({ data: { ...(await newProposalIdentifiers(db, event.id)), ...create } }));
    proposals.set(p.title, proposal);
    const consent = { questionId: coc.id, proposalId: proposal.id, answer: "true" };
    if (tag) await db.answer.create({ data: consent });
    else
      await db.answer.upsert({
        where: { questionId_proposalId: { questionId: coc.id, proposalId: proposal.id } },
        create: consent,
        update: {},
      });
    for (const [email, given] of Object.entries(p.scores)) {
      const reviewerId = people.get(email)!.id;
      const values = Object.fromEntries(criteria.map((c, i) => [c.id, given[i] ?? null]));
      const score = reviewScore(criteria, values)!;
      const review = {
        proposalId: proposal.id,
        reviewerId,
        score,
        comment: given[0] >= 4 ? "Clear outline, strong fit for the audience." : "Interesting, but the abstract needs a clearer takeaway.",
        scores: { create: criteria.map((c, i) => ({ criterionId: c.id, value: given[i] })) },
      };
      if (tag) await db.review.create({ data: review });
      else
        await db.review.upsert({ where: { proposalId_reviewerId: { proposalId: proposal.id, reviewerId } }, create: review, update: {} });
    }
    await lockProposalStats(db, proposal.id, event.id);
    await recomputeProposalStats(db, proposal.id);
  }
  for (const t of TAGS) {
    const nameKey = tagNameKey(t.name);
    const data = { eventId: event.id, name: t.name, nameKey, color: t.color, public: t.public };
    const tagRow = tag
      ? await db.tag.create({ data })
      : await db.tag.upsert({ where: { eventId_nameKey: { eventId: event.id, nameKey } }, create: data, update: {} });
    for (const title of t.titles) {
      const proposal = proposals.get(title);
      if (!proposal) continue;
      const link = { proposalId: proposal.id, tagId: tagRow.id };
      if (tag) await db.proposalTag.create({ data: link });
      else await db.proposalTag.upsert({ where: { proposalId_tagId: link }, create: link, update: {} });
    }
  }
  // The published programme (invited talks, rooms, release 1): the seeded event only, so a tagged
  // copy holds exactly the CFP's proposals the specs count.
  if (!tag) await seedProgramme(db, event, organizer);
  await refreshEventStats(db, event.id);
  return { event, people, proposals };
}
