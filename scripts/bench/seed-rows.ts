// The rows of one benchmark event (dataset.ts decides its shape), written
// through seed.ts's insert(). Dates are written as the Prisma adapter writes them.
import { randomUUID } from "node:crypto";
import { randomCode } from "@/lib/identifiers/public-code";
import { companyKey } from "@/lib/profile/company-key";
import { isDisagreement, normalizedScores, reviewScore, summarize, type ScoredReview } from "@/lib/reviews/stats";
import { DEMO_EVENT } from "@/prisma/seed-data/demo";
import { rng } from "../lib/random";
import * as data from "./dataset";
import type { Insert } from "./seed";
import { writeRelease } from "./seed-programme";

export const EVENT_SLUG = "benchconf-2027";
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const id = (prefix: string, n: number) => `${prefix}${n.toString(36).padStart(7, "0")}`;
const eventId = "bench_event";
/** Distinct public codes for users and for proposals (each table has its own), as lib/identifiers draws them. */
const takenCodes = { User: new Set<string>(), Proposal: new Set<string>() };
function freshCode(table: keyof typeof takenCodes): string {
  for (;;) {
    const code = randomCode();
    if (!takenCodes[table].has(code)) return (takenCodes[table].add(code), code);
  }
}

export function writeEvent(insert: Insert, shape: data.DatasetShape) {
  const opens = Math.floor((Date.now() - 20 * DAY) / 3_600_000) * 3_600_000;
  const people = writePeople(insert, shape, opens);
  const event = writeEventSetup(insert, shape, opens, people);
  const random = rng(42);
  const proposals = writeProposals(insert, shape, opens, people.speakerIds, event, random);
  const reviewed = writeReviews(insert, shape, opens, people.reviewerIds, event.criteria, proposals, random);
  const bench = writeAssignmentsAndTalk(insert, opens, people.reviewerIds, proposals, reviewed);
  writeRelease(insert, eventId, EVENT_SLUG, opens);
  return {
    eventId,
    slug: EVENT_SLUG,
    users: { organizer: people.organizerId, reviewer: people.reviewerIds[0], speaker: people.speakerIds[0] },
    ...bench,
    counts: {
      ...shape,
      submitted: proposals.submitted.length,
      benchReviewerReviews: [...reviewed.pairs].filter((s) => s.endsWith(":0")).length,
    },
  };
}

function writePeople(insert: Insert, shape: data.DatasetShape, opens: number) {
  const user = (uid: string, email: string, name: string, company: string) => {
    insert("User", {
      id: uid,
      code: freshCode("User"),
      name,
      email,
      emailVerified: iso(opens),
      image: null,
      isDemo: 0,
      createdAt: iso(opens),
      updatedAt: iso(opens),
    });
    insert("SpeakerProfile", {
      userId: uid,
      bio: `Bio of ${name}.`,
      company,
      companyKey: companyKey(company),
      location: "",
      website: "",
      github: "",
      mastodon: "",
      updatedAt: iso(opens),
    });
  };
  const organizerId = "org_user";
  user(organizerId, "organizer@bench.example", "Bench Organizer", "");
  const reviewerIds = Array.from({ length: shape.reviewers }, (_, r) => id("rev", r));
  // The bench reviewer works where no speaker does: the affiliation check runs but flags nothing.
  const reviewerCompanies = reviewerIds.map((_, r) => (r === 0 ? "Bench Reviews Inc" : data.company(r * 13)));
  reviewerIds.forEach((rid, r) => user(rid, `reviewer${r}@bench.example`, data.personName(r + 7), reviewerCompanies[r]));
  const speakerIds = Array.from({ length: shape.speakers }, (_, s) => id("spk", s));
  speakerIds.forEach((sid, s) => user(sid, `speaker${s}@bench.example`, data.personName(s), data.company(s)));
  return { organizerId, reviewerIds, reviewerCompanies, speakerIds };
}

function writeEventSetup(insert: Insert, shape: data.DatasetShape, opens: number, people: ReturnType<typeof writePeople>) {
  insert("Organization", { id: "bench_org", name: "Bench Org", slug: "bench-org", createdAt: iso(opens) });
  insert("OrganizationMember", { id: "bench_orgm", organizationId: "bench_org", userId: people.organizerId, role: "OWNER" });
  insert("Event", {
    id: eventId,
    organizationId: "bench_org",
    name: `BenchConf (${shape.proposals} proposals)`,
    slug: EVENT_SLUG,
    description: DEMO_EVENT.description,
    timeZone: DEMO_EVENT.timeZone,
    cfpOpensAt: iso(opens),
    cfpClosesAt: iso(opens + 60 * DAY),
    blindReview: 1,
    reviewVisibility: "AFTER_OWN_REVIEW",
    reviewsPerProposal: 3,
    ratingGuide: DEMO_EVENT.ratingGuide,
    lastProposalNumber: shape.proposals,
    createdAt: iso(opens),
    updatedAt: iso(opens),
  });
  const sessionTypeIds = DEMO_EVENT.sessionTypes.map(
    (s, i) => (insert("SessionType", { id: `st${i}`, eventId, name: s.name, durationMinutes: s.durationMinutes, position: i }), `st${i}`),
  );
  const trackIds = DEMO_EVENT.tracks.map((name, i) => (insert("Track", { id: `tr${i}`, eventId, name, position: i }), `tr${i}`));
  const criteria = DEMO_EVENT.criteria.map((c, i) => ({ ...c, id: `crit${i}`, position: i }));
  for (const c of criteria) insert("ReviewCriterion", { ...c, eventId });
  insert("EventMember", {
    id: "em_org",
    eventId,
    userId: people.organizerId,
    role: "ORGANIZER",
    reviewCap: null,
    companyKey: "",
    createdAt: iso(opens),
  });
  people.reviewerIds.forEach((userId, r) =>
    insert("EventMember", {
      id: id("em", r),
      eventId,
      userId,
      role: "REVIEWER",
      reviewCap: null,
      companyKey: companyKey(people.reviewerCompanies[r]),
      createdAt: iso(opens),
    }),
  );
  return { sessionTypeIds, trackIds, criteria };
}

/** Proposals with their talks and speakers; every proposal gets a stats row later, as createProposal makes one. */
function writeProposals(
  insert: Insert,
  shape: data.DatasetShape,
  opens: number,
  speakerIds: string[],
  event: ReturnType<typeof writeEventSetup>,
  random: () => number,
) {
  const ids: string[] = [];
  const submitted: number[] = [];
  const quality: number[] = [];
  for (let p = 0; p < shape.proposals; p++) {
    const pid = id("prop", p);
    const status = data.proposalStatus(p);
    const [owner, ...co] = data.proposalSpeakers(p, shape.speakers);
    const created = opens + (p / shape.proposals) * 19 * DAY;
    const text = {
      title: data.proposalTitle(p),
      abstract: data.proposalAbstract(p),
      notes: p % 5 === 0 ? "Happy to adapt the length." : "",
      level: (["BEGINNER", "INTERMEDIATE", "ADVANCED"] as const)[p % 3],
    };
    insert("Talk", { id: id("talk", p), ownerId: speakerIds[owner], ...text, createdAt: iso(created), updatedAt: iso(created) });
    insert("Proposal", {
      id: pid,
      code: freshCode("Proposal"),
      number: p + 1,
      guid: randomUUID(),
      eventId,
      talkId: id("talk", p),
      ...text,
      sessionTypeId: event.sessionTypeIds[p % 3],
      trackId: p % 10 === 9 ? null : event.trackIds[p % event.trackIds.length],
      status,
      submittedAt: status === "DRAFT" ? null : iso(created + 3_600_000),
      decidedAt: null,
      createdAt: iso(created),
      updatedAt: iso(created + 3_600_000),
    });
    insert("ProposalSpeaker", { id: id("ps", p * 2), proposalId: pid, userId: speakerIds[owner], role: "OWNER" });
    co.forEach((s) => insert("ProposalSpeaker", { id: id("ps", p * 2 + 1), proposalId: pid, userId: speakerIds[s], role: "COSPEAKER" }));
    ids.push(pid);
    quality.push(1 + 4 * random()); // what this talk deserves on the 1–5 scale
    if (status === "SUBMITTED") submitted.push(p);
  }
  return { ids, submitted, quality };
}

/** Reviews with per-criterion scores; Review.score is the app's weighted mean on 0..1; then ProposalStats. */
function writeReviews(
  insert: Insert,
  shape: data.DatasetShape,
  opens: number,
  reviewerIds: string[],
  criteria: { id: string; minScore: number; maxScore: number; weight: number }[],
  proposals: ReturnType<typeof writeProposals>,
  random: () => number,
) {
  const { submitted, quality } = proposals;
  const plan = data.reviewPlan(shape, submitted.length);
  const bias = reviewerIds.map(() => (random() - 0.5) * 1.2); // harsh and lenient reviewers
  const reviews: ScoredReview[] = [];
  const pairs = new Set<string>();
  for (let k = 0; k < shape.reviews; k++) {
    const j = k % submitted.length;
    const r = plan.reviewerOf(j, Math.floor(k / submitted.length));
    const p = submitted[j];
    const values: Record<string, number | null> = {};
    criteria.forEach((c, i) => {
      const v = Math.min(c.maxScore, Math.max(c.minScore, Math.round(quality[p] + bias[r] + (random() - 0.5) * 1.5)));
      values[c.id] = i > 0 && random() < 0.07 ? null : v; // "no opinion" now and then
    });
    const score = reviewScore(criteria, values)!;
    const at = iso(opens + 20 * DAY * ((k + 1) / (shape.reviews + 1)));
    insert("Review", {
      id: id("rvw", k),
      proposalId: proposals.ids[p],
      reviewerId: reviewerIds[r],
      score,
      comment: data.REVIEW_COMMENTS[k % data.REVIEW_COMMENTS.length],
      createdAt: at,
      updatedAt: at,
    });
    for (const c of criteria)
      if (values[c.id] !== null) insert("ReviewScore", { reviewId: id("rvw", k), criterionId: c.id, value: values[c.id] });
    reviews.push({ proposalId: proposals.ids[p], reviewerId: reviewerIds[r], score });
    pairs.add(`${p}:${r}`);
  }
  writeStats(insert, proposals.ids, reviews);
  return { plan, pairs };
}

/** ProposalStats exactly as recomputeProposalStats writes them, plus refreshEventStats' normalizedScore. */
function writeStats(insert: Insert, proposalIds: string[], reviews: ScoredReview[]) {
  const byProposal = new Map<string, number[]>(proposalIds.map((pid) => [pid, []]));
  for (const r of reviews) byProposal.get(r.proposalId)!.push(r.score);
  const normalized = normalizedScores(reviews);
  for (const [proposalId, scores] of byProposal) {
    const s = summarize(scores);
    insert("ProposalStats", {
      proposalId,
      eventId,
      reviewCount: s.count,
      scoreSum: scores.reduce((sum, x) => sum + x, 0),
      avgScore: s.mean,
      medianScore: s.median,
      stddevScore: s.stddev,
      minScore: s.min,
      maxScore: s.max,
      normalizedScore: normalized.get(proposalId) ?? null,
      disagreement: isDisagreement(s) ? 1 : 0,
    });
  }
}

/** Assignments (three reviewed and one still to do per proposal), a few declared conflicts, some discussion. */
function writeAssignmentsAndTalk(
  insert: Insert,
  opens: number,
  reviewerIds: string[],
  proposals: ReturnType<typeof writeProposals>,
  reviewed: ReturnType<typeof writeReviews>,
) {
  const { plan, pairs } = reviewed;
  const benchReviewed: string[] = [];
  const benchTodo: string[] = [];
  proposals.submitted.forEach((p, j) => {
    const proposalId = proposals.ids[p];
    for (const t of plan.assignedRounds) {
      const r = plan.reviewerOf(j, t);
      insert("ReviewAssignment", {
        id: id("asg", p * 8 + t),
        eventId,
        proposalId,
        reviewerId: reviewerIds[r],
        source: t < 3 ? "AUTO" : "MANUAL",
        createdAt: iso(opens + DAY),
      });
      if (r === 0) (pairs.has(`${p}:0`) ? benchReviewed : benchTodo).push(proposalId);
    }
    if (j % 5 === 0) {
      const at = iso(opens + 5 * DAY);
      insert("ReviewComment", {
        id: id("cmt", p),
        proposalId,
        authorId: reviewerIds[plan.reviewerOf(j, 0)],
        body: "Shall we discuss the level? It reads as advanced to me.",
        createdAt: at,
        updatedAt: at,
      });
    }
  });
  reviewerIds.forEach((reviewerId, r) => {
    const p = proposals.submitted[(r * 37 + 11) % proposals.submitted.length];
    if (r !== 0 && !pairs.has(`${p}:${r}`))
      insert("ProposalConflict", {
        id: id("pc", r),
        eventId,
        proposalId: proposals.ids[p],
        reviewerId,
        source: "REVIEWER",
        createdById: reviewerId,
        createdAt: iso(opens + DAY),
      });
  });
  return { benchReviewed, benchTodo };
}
