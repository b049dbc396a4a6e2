import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { getTestDbUrl, useTestDb } from "@/tests/support/test-db";

function seed(url: string) {
  execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}

async function counts(db: ReturnType<ReturnType<typeof useTestDb>>) {
  const [users, events, proposals, reviews, members, stats, tags, taggings] = await Promise.all([
    db.user.count(),
    db.event.count(),
    db.proposal.count(),
    db.review.count(),
    db.eventMember.count(),
    db.proposalStats.findMany({ orderBy: { proposalId: "asc" }, select: { reviewCount: true, avgScore: true } }),
    db.tag.count(),
    db.proposalTag.count(),
  ]);
  return { users, events, proposals, reviews, members, stats, tags, taggings };
}

describe("the demo seed", () => {
  const getDb = useTestDb();

  it("creates the demo conference with submitted proposals from the sample abstracts, and is idempotent", async () => {
    const db = getDb();
    seed(getTestDbUrl());
    const first = await counts(db);
    expect(first).toMatchObject({ events: 1, proposals: 7, users: 10, members: 4, tags: 3, taggings: 6 });
    expect(first.reviews).toBeGreaterThan(0);
    const concurrency = await db.proposal.findFirstOrThrow({ where: { title: { contains: "cache line" } } });
    expect(concurrency.abstract).toMatch(/^Modern hardware is moving to more cores/);
    expect(concurrency.status).toBe("SUBMITTED");

    seed(getTestDbUrl());
    expect(await counts(db)).toEqual(first);
  }, 60_000);
});
