// The fixes docs/benchmark.md recommends, tried in-process (the app is not
// changed): today's domain call on the seeded database next to a prototype
// of the fix on a copy that has the proposed index and ANALYZE statistics,
// in CPU ms per call.
//
//   npx tsx scripts/bench/try-fixes.ts [proposals=10000]
import { copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { listEventProposals, listQuery } from "@/lib/proposals/organizer-list";
import { listSpeakerProposals } from "@/lib/proposals/speaker-queries";
import { nextUnreviewed, reviewerQueue } from "@/lib/reviews/queue";
import { seed } from "./seed";

const size = Number(process.argv[2] ?? 10_000);
const dbPath = path.join(tmpdir(), "cfp-bench", `try-fixes-${size}.db`);
const fixedPath = dbPath.replace(/\.db$/, "-fixed.db");
const { fixtures: f } = await seed(dbPath, size);
copyFileSync(dbPath, fixedPath); // the seed checkpointed its WAL: the file is the whole database
const sqlite = new Database(fixedPath);
sqlite.exec(`CREATE INDEX "Proposal_eventId_status_submittedAt_id_idx" ON "Proposal"("eventId", "status", "submittedAt", "id"); ANALYZE;`);
sqlite.close();
const today = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: dbPath }) });
const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: fixedPath }) });
const eventId = f.eventId;
const reviewerId = "rev0000005"; // shares a company with some speakers: the conflict rule has work to do
const OPEN = { eventId, status: "SUBMITTED" as const };

/** Conflicted proposals, from the reviewer's side: the same rule as noConflictWhere, a few indexed lookups. */
async function conflictedIds() {
  const [profile, mine, speakerConflicts, declared] = await Promise.all([
    db.speakerProfile.findUnique({ where: { userId: reviewerId }, select: { companyKey: true } }),
    db.proposalSpeaker.findMany({ where: { userId: reviewerId }, select: { proposalId: true } }),
    db.speakerConflict.findMany({ where: { eventId, reviewerId }, select: { speakerId: true, status: true } }),
    db.proposalConflict.findMany({ where: { eventId, reviewerId }, select: { proposalId: true } }),
  ]);
  const [coSpeakers, colleagues] = await Promise.all([
    mine.length ? db.proposalSpeaker.findMany({ where: { proposalId: { in: mine.map((m) => m.proposalId) } }, select: { userId: true } }) : [],
    profile?.companyKey ? db.speakerProfile.findMany({ where: { companyKey: profile.companyKey, userId: { not: reviewerId } }, select: { userId: true } }) : [],
  ]);
  const dismissed = new Set(speakerConflicts.filter((c) => c.status === "DISMISSED").map((c) => c.speakerId));
  const speakers = [
    reviewerId,
    ...coSpeakers.map((c) => c.userId),
    ...speakerConflicts.filter((c) => c.status === "ACTIVE").map((c) => c.speakerId),
    ...colleagues.map((c) => c.userId).filter((u) => !dismissed.has(u)),
  ];
  const spoken = await db.proposalSpeaker.findMany({ where: { userId: { in: speakers }, proposal: { eventId } }, select: { proposalId: true } });
  return [...new Set([...spoken.map((s) => s.proposalId), ...declared.map((d) => d.proposalId)])];
}

async function queueProposed() {
  const ids = await conflictedIds();
  const mineOpen = { ...OPEN, id: { notIn: ids } };
  const assigned = { assignments: { some: { reviewerId } } };
  const order = [{ submittedAt: "asc" as const }, { id: "asc" as const }];
  return Promise.all([
    db.proposal.count({ where: OPEN }),
    db.proposal.count({ where: { ...OPEN, id: { in: ids } } }),
    db.review.count({ where: { reviewerId, proposal: mineOpen } }),
    db.reviewAssignment.count({ where: { eventId, reviewerId, proposal: mineOpen } }),
    db.reviewAssignment.count({ where: { eventId, reviewerId, proposal: { ...mineOpen, reviews: { some: { reviewerId } } } } }),
    db.proposal.findMany({ where: { ...mineOpen, ...assigned }, orderBy: order, take: 50, select: { id: true, title: true } }),
    db.proposal.findFirst({ where: { ...mineOpen, ...assigned, reviews: { none: { reviewerId } } }, orderBy: order, select: { id: true } }),
  ]);
}

const row = { id: true, title: true, status: true, submittedAt: true, sessionType: { select: { name: true } }, track: { select: { name: true } }, stats: { select: { reviewCount: true, avgScore: true } }, speakers: { select: { user: { select: { name: true, email: true } } } } } as const;
const NOT_DRAFT = ["SUBMITTED", "ACCEPTED", "REJECTED", "WITHDRAWN"] as const;

const pairs: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
  ["reviewer queue data", () => Promise.all([reviewerQueue(today, reviewerId, eventId, {}, 1), nextUnreviewed(today, reviewerId, eventId)]), queueProposed],
  [
    "organizer list by score",
    () => listEventProposals(today, f.users.organizer, eventId, listQuery.parse({ sort: "score", dir: "desc" })),
    () => Promise.all([
      db.proposal.count({ where: { eventId, status: { in: [...NOT_DRAFT] } } }),
      db.proposalStats.findMany({ where: { eventId, proposal: { status: { not: "DRAFT" } } }, orderBy: [{ avgScore: "desc" }, { proposalId: "asc" }], take: 50, select: { proposal: { select: row } } }),
    ]),
  ],
  [
    "speaker's proposals",
    () => listSpeakerProposals(today, f.users.speaker),
    () => db.proposalSpeaker.findMany({ where: { userId: f.users.speaker }, select: { proposal: { select: { id: true, title: true, status: true, updatedAt: true, event: { select: { name: true, slug: true } } } } } }),
  ],
];

async function cpuMs(call: () => Promise<unknown>, runs = 10) {
  await call();
  await call();
  const before = process.cpuUsage();
  for (let i = 0; i < runs; i++) await call();
  const used = process.cpuUsage(before);
  return ((used.user + used.system) / 1000 / runs).toFixed(1);
}

console.log(`${size.toLocaleString("en")} proposals, CPU ms per call:`);
for (const [name, now, proposed] of pairs) console.log(`  ${name}: today ${await cpuMs(now)}, proposed ${await cpuMs(proposed)}`);
await Promise.all([today.$disconnect(), db.$disconnect()]);
