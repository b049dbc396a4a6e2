// Why a page is slow, without the server: runs the data loading of each
// benchmarked page in-process against a bench database, with Prisma's query
// log on. Prints per page the number of SQL queries, their time, the time of
// the whole call (Prisma's overhead included), and the SQLite query plan of
// the slowest queries.
//
//   npx tsx scripts/bench/diagnose.ts [proposals=10000] [--all]   (seeds its own copy)
//   --all: also list every query of one call, in order
import { tmpdir } from "node:os";
import { signedInAs } from "@/lib/auth/actor";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { sqliteAdapter } from "@/lib/db/client";
import { getEventWithRole, getPublicEvent } from "@/lib/events/queries";
import { listEventProposals, listQuery } from "@/lib/proposals/organizer-list";
import { listSpeakerProposals } from "@/lib/proposals/speaker-queries";
import { eventCriteria } from "@/lib/reviews/criteria/queries";
import { listDiscussion } from "@/lib/reviews/discussion";
import { refreshEventStats } from "@/lib/reviews/proposal-stats";
import { nextUnreviewed, queueNeighbours, reviewerQueue, reviewerScope } from "@/lib/reviews/queue";
import { saveReview } from "@/lib/reviews/save-review";
import { reviewerView } from "@/lib/reviews/team-view";
import { seed } from "./seed";

type Logged = { sql: string; params: string; ms: number };

const args = process.argv.slice(2);
const size = Number(args.find((a) => !a.startsWith("--")) ?? 10_000);
const listAll = args.includes("--all");
const dbPath = path.join(tmpdir(), "cfp-bench", `diagnose-${size}.db`);
const { fixtures: f } = await seed(dbPath, size);
const log: Logged[] = [];
const db = new PrismaClient({ adapter: sqliteAdapter(dbPath), log: [{ emit: "event", level: "query" }] });
db.$on("query", (e) => log.push({ sql: e.query, params: e.params, ms: e.duration }));
const { organizer, reviewer, speaker } = f.users;
const reviewed = f.benchReviewed[0];
let flip = 0;

// What each page loads besides the layout's session lookup (one findUnique with the user).
const pages: Record<string, () => Promise<unknown>> = {
  cfp: () => getPublicEvent(db, f.slug),
  speaker: () => listSpeakerProposals(db, signedInAs(speaker)),
  queue: async () => {
    const { event } = await getEventWithRole(db, signedInAs(reviewer), f.slug);
    const scope = await reviewerScope(db, signedInAs(reviewer), event!.id);
    await Promise.all([reviewerQueue(db, scope, event!.id, {}, 1), nextUnreviewed(db, scope, event!.id), eventCriteria(db, event!.id)]);
  },
  reviewPage: async () => {
    const view = await reviewerView(db, signedInAs(reviewer), reviewed);
    const { proposal } = view;
    const scope = await reviewerScope(db, signedInAs(reviewer), proposal.eventId);
    await Promise.all([
      eventCriteria(db, proposal.eventId),
      nextUnreviewed(db, scope, proposal.eventId, proposal.id),
      queueNeighbours(db, scope, proposal.eventId, proposal.id),
      listDiscussion(db, view, proposal.id),
    ]);
  },
  organizerList: async () => {
    const { event } = await getEventWithRole(db, signedInAs(organizer), f.slug);
    await Promise.all([
      listEventProposals(db, signedInAs(organizer), event!.id, listQuery.parse({ sort: "score", dir: "desc" })),
      eventCriteria(db, event!.id),
    ]);
  },
  saveReview: () => saveReview(db, signedInAs(reviewer), reviewed, { scores: { crit0: "4", crit1: "3", crit2: "" }, comment: "diagnose" }),
  // What every saveReviewAction schedules with after(): a changed score moves the reviewer's mean, so ≈250 rows change.
  saveThenRefreshEventStats: async () => {
    await saveReview(db, signedInAs(reviewer), reviewed, {
      scores: { crit0: String(1 + (flip = (flip + 1) % 5)), crit1: "3", crit2: "" },
      comment: "diagnose",
    });
    await refreshEventStats(db, f.eventId);
  },
};

// The app's adapter runs PRAGMA optimize on connect: connect first, so the plans below see its statistics.
await db.$connect();
const sqlite = new Database(dbPath, { readonly: true });
function plan(q: Logged): string {
  try {
    const params = (JSON.parse(q.params) as unknown[]).map((p) => (typeof p === "boolean" ? Number(p) : p));
    const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...params) as { detail: string }[];
    return rows.map((r) => `      ${r.detail}`).join("\n");
  } catch (e) {
    return `      (no plan: ${(e as Error).message})`;
  }
}

for (const [name, load] of Object.entries(pages)) {
  for (let i = 0; i < 3; i++) await load(); // warm: Prisma compiles and caches query plans
  log.length = 0;
  const runs = name.includes("Refresh") ? 3 : 20;
  const started = performance.now();
  for (let i = 0; i < runs; i++) await load();
  const wall = (performance.now() - started) / runs;
  const perRun = log.length / runs;
  const sqlMs = log.reduce((s, q) => s + q.ms, 0) / runs;
  console.log(`\n${name}: ${wall.toFixed(1)} ms per call, ${perRun} queries, ${sqlMs.toFixed(1)} ms in SQLite (as Prisma reports it)`);
  if (listAll) {
    log.length = 0;
    await load();
    for (const q of log) console.log(`    ${q.ms.toFixed(2).padStart(6)} ms  ${q.sql.replace(/`main`\./g, "").slice(0, 160)}`);
  }
  const slowest = [...new Map(log.map((q) => [q.sql, q])).values()].sort((a, b) => b.ms - a.ms).slice(0, 3);
  for (const q of slowest) console.log(`  ${q.ms} ms: ${q.sql.slice(0, 400)}${q.sql.length > 400 ? " …" : ""}\n${plan(q)}`);
}
await db.$disconnect();
