import { signedInAs } from "@/lib/auth/actor";
// Search, tag filter and likely duplicates at bench size, in-process against a
// bench database (no server): the median of 20 calls per case, wall and CPU.
//
//   npx tsx scripts/bench/search-timing.ts [proposals=10000]   (seeds its own copy)
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { sqliteAdapter } from "@/lib/db/client";
import { likelyDuplicates } from "@/lib/duplicates/likely-duplicates";
import { listEventProposals, listQuery } from "@/lib/proposals/organizer-list";
import { rankingQuery } from "@/lib/reviews/ranking/query";
import { rankingPage } from "@/lib/reviews/ranking/ranking-page";
import { reviewerQueue } from "@/lib/reviews/queue";
import { matchingProposalIds } from "@/lib/search/match";
import { searchTerms } from "@/lib/search/terms";
import { seed } from "./seed";

const size = Number(process.argv[2] ?? 10_000);
const dbPath = path.join(tmpdir(), "cfp-bench", `search-${size}.db`);
const { fixtures: f } = await seed(dbPath, size);
const db = new PrismaClient({ adapter: sqliteAdapter(dbPath) });
const event = await db.event.findUniqueOrThrow({ where: { slug: f.slug }, select: { id: true } });
const { organizer, reviewer } = f.users;
const firstRows = (await listEventProposals(db, signedInAs(organizer), event.id, listQuery.parse({}))).rows.map((r) => r.id);

const cases: Record<string, () => Promise<unknown>> = {
  "FTS ids, 'borrow' (organizer)": () => matchingProposalIds(db, event.id, searchTerms("borrow"), "organizer"),
  "FTS ids, 'embedded production'": () => matchingProposalIds(db, event.id, searchTerms("embedded production"), "organizer"),
  "FTS ids, rare word (blind reviewer)": () => matchingProposalIds(db, event.id, searchTerms("lessons 4242"), "blindReviewer"),
  "organizer list, no search": () => listEventProposals(db, signedInAs(organizer), event.id, listQuery.parse({})),
  "organizer list, ?q=borrow": () => listEventProposals(db, signedInAs(organizer), event.id, listQuery.parse({ q: "borrow" })),
  "ranking, ?q=embedded production": () =>
    rankingPage(db, signedInAs(organizer), event.id, rankingQuery.parse({ q: "embedded production" })),
  "reviewer queue, ?q=borrow (blind)": () => reviewerQueue(db, signedInAs(reviewer), event.id, { q: "borrow" }),
  "likely duplicates, one page (50 rows)": () => likelyDuplicates(db, signedInAs(organizer), event.id, { onlyFor: firstRows }),
  "likely duplicates, whole event": () => likelyDuplicates(db, signedInAs(organizer), event.id),
};

console.log(`\n${size.toLocaleString("en")} proposals, median of 20 calls:`);
for (const [name, run] of Object.entries(cases)) {
  await run(); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 20; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(1);
  console.log(`  ${name.padEnd(42)} wall ${median(wall).padStart(7)} ms   CPU ${median(cpu).padStart(7)} ms`);
}
await db.$disconnect();
