// The shape of a benchmark event, as plain deterministic data: who speaks on
// what, who reviews what, and the text of each proposal. seed.ts writes it.
import { readFileSync } from "node:fs";

/** Ratios from the issue: 10,000 proposals ↔ 12,000 speakers, 200 reviewers, 50,000 reviews. */
export function datasetShape(proposals: number) {
  return {
    proposals,
    speakers: Math.round(proposals * 1.2),
    // At least 8, so that a small event still has 5 distinct reviewers per proposal.
    reviewers: Math.max(8, Math.round(proposals / 50)),
    reviews: proposals * 5,
  };
}
export type DatasetShape = ReturnType<typeof datasetShape>;

export const BENCH_SPEAKER_PROPOSALS = 5;

/** 92% submitted, 5% drafts, 3% withdrawn; the bench speaker has one of each kind plus submissions. */
export function proposalStatus(p: number): "SUBMITTED" | "DRAFT" | "WITHDRAWN" {
  if (p < BENCH_SPEAKER_PROPOSALS) return (["SUBMITTED", "SUBMITTED", "SUBMITTED", "DRAFT", "WITHDRAWN"] as const)[p];
  const h = p % 100;
  return h < 5 ? "DRAFT" : h < 8 ? "WITHDRAWN" : "SUBMITTED";
}

/**
 * Speaker indexes on proposal p: [owner, co-speaker?]. Speaker 0 (the bench
 * speaker) owns the first proposals; three quarters of the speakers own the
 * rest (about 1.1 each), and one proposal in four has a co-speaker taken
 * from the remaining quarter.
 */
export function proposalSpeakers(p: number, speakers: number): number[] {
  if (p < BENCH_SPEAKER_PROPOSALS) return [0];
  const owners = Math.floor(speakers * 0.75);
  const owner = 1 + ((p - BENCH_SPEAKER_PROPOSALS) % (owners - 1));
  if (p % 4 !== 0) return [owner];
  return [owner, owners + ((p / 4) % (speakers - owners))];
}

/**
 * Who reviews which submitted proposal. Review k goes to submitted proposal
 * j = k mod n in round t = k div n, by reviewer (j + t·step) mod reviewers:
 * distinct reviewers per proposal, about the same load for everyone (≈250
 * for reviewer 0 at the ratios). Rounds 0–2 are assignments too;
 * round `rounds` is an assignment not yet reviewed.
 */
export function reviewPlan(shape: DatasetShape, submitted: number) {
  const rounds = Math.ceil(shape.reviews / submitted);
  const step = Math.max(1, Math.floor(shape.reviewers / (rounds + 1)));
  if (rounds + 1 > shape.reviewers) throw new Error(`Not enough reviewers for ${rounds} reviews per proposal`);
  const reviewerOf = (j: number, t: number) => (j + t * step) % shape.reviewers;
  return { rounds, reviewerOf, assignedRounds: [0, 1, 2, rounds] };
}

const FIRST = [
  "Ada",
  "Bruno",
  "Chloé",
  "Dmitri",
  "Esther",
  "Farid",
  "Grace",
  "Hiro",
  "Ines",
  "Jamal",
  "Kirsten",
  "Luca",
  "Mei",
  "Nadia",
  "Oskar",
  "Paula",
];
const LAST = [
  "Okafor",
  "Laurent",
  "Nair",
  "Weber",
  "Chen",
  "Ortega",
  "Novak",
  "Jiménez",
  "Fontaine",
  "Menon",
  "Kowalski",
  "Silva",
  "Haddad",
  "Ibsen",
];
export const personName = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
/** 400 employers, so affiliation conflicts exist as they would in a real event. */
export const company = (i: number) => (i % 7 === 0 ? "" : `Company ${(i * 31) % 400} GmbH`);

const TOPICS = [
  "async runtimes",
  "borrow checking",
  "embedded Rust",
  "WebAssembly",
  "lock-free queues",
  "compile times",
  "unsafe code",
  "error handling",
  "SIMD",
  "game engines",
  "database internals",
  "observability",
];
const ANGLES = [
  "in production",
  "from first principles",
  "the hard way",
  "for beginners",
  "at scale",
  "without allocations",
  "a year later",
];
export function proposalTitle(p: number) {
  return `${TOPICS[p % TOPICS.length]} ${ANGLES[Math.floor(p / TOPICS.length) % ANGLES.length]}: lessons #${p}`.replace(/^./, (c) =>
    c.toUpperCase(),
  );
}

const ABSTRACT_LINES = readFileSync(new URL("../../prisma/seed-data/abstracts.txt", import.meta.url), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter(Boolean);
/** Two or three paragraphs of the demo's real abstracts: realistic length and markdown. */
export function proposalAbstract(p: number) {
  const n = ABSTRACT_LINES.length;
  const parts = [ABSTRACT_LINES[p % n], ABSTRACT_LINES[(p * 7 + 3) % n]];
  if (p % 3 === 0) parts.push(ABSTRACT_LINES[(p * 13 + 5) % n]);
  return parts.join("\n\n");
}

export const REVIEW_COMMENTS = [
  "",
  "Clear outline, strong fit for the audience.",
  "Interesting, but the abstract needs a clearer takeaway.",
  "We had a similar talk last year; what is new here?",
  "Great topic. I would like to see a concrete example in the abstract, and a word on the expected level of the audience.",
];
