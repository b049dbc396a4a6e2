import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { isPostgresRun, useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal, createReview, createUser, type EventFixture } from "@/tests/factories";
import { bulkProposalIdentifiers } from "@/tests/factories/identifiers";
import type { Db } from "@/lib/db/client";
import { refreshEventStats } from "@/lib/reviews/proposal-stats";
import { rankingPage } from "@/lib/reviews/ranking/ranking-page";
import { RANKING_PAGE_SIZE, rankingQuery, type RankingSort } from "@/lib/reviews/ranking/query";
import { scoreDisplay, spreadDisplay } from "@/lib/reviews/stats";
import { expectDenied } from "./helpers";
import { e18, review, smallEvent, speakerOf, type SmallEvent } from "./ranking-fixture";

const getDb = useTestDb();
const q = (query: Record<string, unknown> = {}) => rankingQuery.parse(query);
const ids = (page: { rows: { id: string }[] }) => page.rows.map((r) => r.id);

describe("rankingPage: numbers", () => {
  it("gives each proposal's count, mean, median, spread, range, normalized score and flags, computed by hand", async () => {
    const db = getDb();
    const { event, p } = await smallEvent(db);

    const page = await rankingPage(db, signedInAs(event.organizer.id), event.id, q());
    const row = (id: string) => page.rows.find((r) => r.id === id)!;

    expect(page.rows).toHaveLength(5); // no draft, no withdrawn proposal
    expect(row(p.A.id)).toMatchObject({
      reviewCount: 3,
      disagreement: true,
      belowCoverage: false,
      status: "SUBMITTED",
      track: "Systems & Embedded",
      sessionType: "Talk",
    });
    expect(row(p.A.id).mean).toBeCloseTo(e18(10), 12);
    expect(row(p.A.id).median).toBeCloseTo(e18(6), 12);
    expect(row(p.A.id).stddev).toBeCloseTo(Math.sqrt(48) / 18, 12); // deviations −4, −4, 8 (eighteenths); n − 1 = 2
    expect(row(p.A.id).min).toBeCloseTo(e18(6), 12);
    expect(row(p.A.id).max).toBeCloseTo(1, 12);
    expect(row(p.B.id)).toMatchObject({ reviewCount: 2, disagreement: true, belowCoverage: true, sessionType: "Lightning talk" });
    expect(row(p.B.id).median).toBeCloseTo(e18(8), 12); // the mean of the two middle (only) values
    expect(row(p.B.id).stddev).toBeCloseTo(12 / Math.SQRT2 / 18, 12);
    expect(row(p.C.id)).toMatchObject({ reviewCount: 3, disagreement: false, status: "ACCEPTED" }); // range 6/18, std √12/18
    expect(row(p.C.id).median).toBeCloseTo(e18(15), 12);
    expect(row(p.D.id)).toMatchObject({
      reviewCount: 1,
      stddev: 0,
      disagreement: false,
      belowCoverage: true,
      track: null,
      status: "REJECTED",
    });
    expect(row(p.E.id)).toMatchObject({
      reviewCount: 0,
      mean: null,
      median: null,
      stddev: null,
      min: null,
      max: null,
      normalized: null,
      belowCoverage: true,
    });

    // Mean z-scores, each reviewer's population std over their own three reviews.
    // A: R1 (mean 23/3, std 5.4365) gave 6 → −0.3066; R2 (mean 6) gave 6 → 0; R3 (mean 47/3, std 1.6997) gave 18 → 1.3728.
    expect(row(p.A.id).normalized).toBeCloseTo(0.35541, 4);
    expect(row(p.B.id).normalized).toBeCloseTo(-1.01146, 4);
    expect(row(p.C.id).normalized).toBeCloseTo(0.72714, 4);
    expect(row(p.D.id).normalized).toBeCloseTo(-1.22474, 4);
  });

  it("loads the event's criteria, so two scales show in percent", async () => {
    const db = getDb();
    const { event, p } = await smallEvent(db);
    const page = await rankingPage(db, signedInAs(event.organizer.id), event.id, q());
    const a = page.rows.find((r) => r.id === p.A.id)!;
    expect(scoreDisplay(a.mean, page.criteria).label).toBe("56%");
    expect(spreadDisplay(a.stddev, page.criteria).label).toBe("spread of 38 percentage points");
  });

  it("counts the proposals below the wanted number of reviews, over the whole ranking", async () => {
    const db = getDb();
    const { event } = await smallEvent(db);
    const page = await rankingPage(db, signedInAs(event.organizer.id), event.id, q({ status: "ACCEPTED" }));
    expect(page.coverage).toEqual({ required: 3, below: 3 }); // B (2), D (1), E (0)
    expect(page.total).toBe(1);
  });

  it("treats a proposal without a stats row as unreviewed", async () => {
    const db = getDb();
    const { event } = await smallEvent(db);
    const bare = await createProposal(db, { event, title: "No stats row", status: "submitted" });

    const page = await rankingPage(db, signedInAs(event.organizer.id), event.id, q({ below: "1" }));

    expect(page.coverage.below).toBe(4);
    expect(page.rows.find((r) => r.id === bare.id)).toMatchObject({ reviewCount: 0, mean: null, belowCoverage: true });
  });

  it("fills in statistics missing after a migration before reading them", async () => {
    const db = getDb();
    const { event, p } = await smallEvent(db);
    await db.proposalStats.updateMany({
      where: { eventId: event.id },
      data: { medianScore: null, stddevScore: null, minScore: null, maxScore: null, normalizedScore: null, disagreement: false },
    });

    const page = await rankingPage(db, signedInAs(event.organizer.id), event.id, q({ sort: "median" }));

    expect(ids(page)).toEqual([p.C.id, p.B.id, p.A.id, p.D.id, p.E.id]);
    expect(page.rows[0].median).toBeCloseTo(e18(15), 12);
    expect(
      page.rows
        .filter((r) => r.disagreement)
        .map((r) => r.id)
        .sort(),
    ).toEqual([p.A.id, p.B.id].sort());
  });

  it("ranks a harsh reviewer's favourite above a lenient reviewer's least favourite once normalized", async () => {
    const db = getDb();
    const event = await createEvent(db, { criteria: [{ name: "Overall", description: "", minScore: 1, maxScore: 5, weight: 1 }] });
    const [harsh, lenient] = [await addReviewer(db, event), await addReviewer(db, event)];
    const proposals = [];
    for (let i = 0; i < 6; i++) proposals.push(await createProposal(db, { event, title: `Talk ${i}`, status: "submitted" }));
    const [favourite, h2, h3, leastFavourite, l2, l3] = proposals;
    // Harsh: 3 is their best. Lenient: 4 is their worst.
    for (const [proposal, score] of [
      [favourite, 3],
      [h2, 1],
      [h3, 2],
    ] as const)
      await createReview(db, { proposal, reviewer: harsh, score });
    for (const [proposal, score] of [
      [leastFavourite, 4],
      [l2, 5],
      [l3, 5],
    ] as const)
      await createReview(db, { proposal, reviewer: lenient, score });
    await refreshEventStats(db, event.id);

    const byMean = ids(await rankingPage(db, signedInAs(event.organizer.id), event.id, q({ sort: "mean" })));
    const byNormalized = ids(await rankingPage(db, signedInAs(event.organizer.id), event.id, q({ sort: "normalized" })));

    expect(byMean.indexOf(leastFavourite.id)).toBeLessThan(byMean.indexOf(favourite.id));
    expect(byNormalized.indexOf(favourite.id)).toBeLessThan(byNormalized.indexOf(leastFavourite.id));
    expect(byNormalized[0]).toBe(favourite.id); // z = (3 − 2) / √(2/3) ≈ 1.22, the highest
  });
});

describe("rankingPage: sorting", () => {
  // Expected orders for smallEvent, best first for numbers; E (no reviews) is last both ways.
  const DESC: Record<Exclude<RankingSort, "title" | "track" | "sessionType" | "status" | "reviews" | "disagreement">, string> = {
    mean: "CABDE", // 13, 10, 8, 3 eighteenths
    median: "CBADE", // 15, 8, 6, 3
    stddev: "BACDE", // 8.49, 6.93, 3.46, 0
    min: "CADBE", // 9, 6, 3, 2
    max: "ACBDE", // 18, 15, 14, 3
    normalized: "CABDE", // 0.73, 0.36, −1.01, −1.22
  };
  const reverseKeepingLast = (order: string) => order.slice(0, -1).split("").reverse().join("") + order.slice(-1);
  const letters = (s: SmallEvent, page: { rows: { id: string }[] }) =>
    page.rows.map((r) => Object.entries(s.p).find(([, p]) => p.id === r.id)![0]).join("");

  for (const [sort, order] of Object.entries(DESC)) {
    it(`sorts by ${sort} in both directions, proposals without reviews last`, async () => {
      const db = getDb();
      const s = await smallEvent(db);
      expect(letters(s, await rankingPage(db, signedInAs(s.event.organizer.id), s.event.id, q({ sort, dir: "desc" })))).toBe(order);
      expect(letters(s, await rankingPage(db, signedInAs(s.event.organizer.id), s.event.id, q({ sort, dir: "asc" })))).toBe(
        reverseKeepingLast(order),
      );
    });
  }

  it("sorts by title, session type, status, review count and disagreement, ties by id", async () => {
    const db = getDb();
    const s = await smallEvent(db);
    const byId = (...keys: (keyof SmallEvent["p"])[]) => [...keys].sort((a, b) => (s.p[a].id < s.p[b].id ? -1 : 1)).join("");
    const sorted = async (sort: string, dir: string) =>
      letters(s, await rankingPage(db, signedInAs(s.event.organizer.id), s.event.id, q({ sort, dir })));

    expect(await sorted("title", "asc")).toBe("BAECD"); // Async, Borrowing, Compilers, Embedded, Lifetimes
    expect(await sorted("title", "desc")).toBe("DCEAB");
    expect(await sorted("sessionType", "asc")).toBe(byId("B", "D") + byId("A", "C", "E")); // "Lightning talk" < "Talk"
    expect(await sorted("sessionType", "desc")).toBe(byId("A", "C", "E") + byId("B", "D"));
    // Enums sort alphabetically on SQLite (ACCEPTED, REJECTED, SUBMITTED) and in declaration order on
    // PostgreSQL (SUBMITTED, ACCEPTED, REJECTED): a documented difference (docs/postgres.md).
    if (isPostgresRun()) {
      expect(await sorted("status", "asc")).toBe(byId("A", "B", "E") + "CD");
      expect(await sorted("status", "desc")).toBe("DC" + byId("A", "B", "E"));
    } else {
      expect(await sorted("status", "asc")).toBe("CD" + byId("A", "B", "E"));
      expect(await sorted("status", "desc")).toBe(byId("A", "B", "E") + "DC");
    }
    expect(await sorted("reviews", "desc")).toBe(byId("A", "C") + "BDE");
    expect(await sorted("reviews", "asc")).toBe("EDB" + byId("A", "C"));
    expect(await sorted("disagreement", "desc")).toBe("BACDE"); // flagged first, widest spread first
    expect(await sorted("disagreement", "asc")).toBe("CDEBA");
  });

  it("sorts by track name; a proposal without a track comes first ascending on SQLite, last on PostgreSQL", async () => {
    const db = getDb();
    const s = await smallEvent(db);
    const byId = (...keys: (keyof SmallEvent["p"])[]) => [...keys].sort((a, b) => (s.p[a].id < s.p[b].id ? -1 : 1)).join("");
    const sorted = async (dir: string) =>
      letters(s, await rankingPage(db, signedInAs(s.event.organizer.id), s.event.id, q({ sort: "track", dir })));
    // Each database's own NULL order for a joined column (Prisma offers no nulls option there).
    const named = { asc: byId("A", "E") + byId("B", "C"), desc: byId("B", "C") + byId("A", "E") }; // Systems & Embedded, Web & Async
    if (isPostgresRun()) {
      expect(await sorted("asc")).toBe(named.asc + "D");
      expect(await sorted("desc")).toBe("D" + named.desc);
    } else {
      expect(await sorted("asc")).toBe("D" + named.asc);
      expect(await sorted("desc")).toBe(named.desc + "D");
    }
  });

  it("falls back to mean, descending, page 1 for unknown or garbage values", async () => {
    const db = getDb();
    const s = await smallEvent(db);
    const page = await rankingPage(
      db,
      signedInAs(s.event.organizer.id),
      s.event.id,
      q({ sort: "evil", dir: "sideways", page: "-3", status: "DRAFT", disagreement: "yes", below: ["1", "1"] }),
    );
    expect(letters(s, page)).toBe("CABDE");
    expect(page.page).toBe(1);
  });
});

describe("rankingPage: filters", () => {
  it("filters by track, session type, status, disagreement and coverage, alone and combined", async () => {
    const db = getDb();
    const s = await smallEvent(db);
    const [systems] = s.event.tracks;
    const lightning = s.event.sessionTypes.find((t) => t.name === "Lightning talk")!;
    const filtered = async (query: Record<string, string>) =>
      new Set(ids(await rankingPage(db, signedInAs(s.event.organizer.id), s.event.id, q(query))));
    const set = (...keys: (keyof SmallEvent["p"])[]) => new Set(keys.map((k) => s.p[k].id));

    expect(await filtered({ track: systems.id })).toEqual(set("A", "E"));
    expect(await filtered({ sessionType: lightning.id })).toEqual(set("B", "D"));
    expect(await filtered({ status: "ACCEPTED" })).toEqual(set("C"));
    expect(await filtered({ status: "SUBMITTED" })).toEqual(set("A", "B", "E"));
    expect(await filtered({ disagreement: "1" })).toEqual(set("A", "B"));
    expect(await filtered({ below: "1" })).toEqual(set("B", "D", "E"));
    expect(await filtered({ below: "1", disagreement: "1" })).toEqual(set("B"));
    expect(await filtered({ track: systems.id, below: "1" })).toEqual(set("E"));
    // Another event's track matches nothing here.
    const other = await createEvent(db);
    expect(await filtered({ track: other.tracks[0].id })).toEqual(new Set());
  });

  it("leaves out the proposals the organizer speaks on, and says how many", async () => {
    const db = getDb();
    const s = await smallEvent(db);
    const own = await createProposal(db, { event: s.event, speaker: s.event.organizer, title: "Mine", status: "submitted" });
    await review(db, s.event, own, s.reviewers[0], 18);

    const page = await rankingPage(db, signedInAs(s.event.organizer.id), s.event.id, q());
    const colleague = await rankingPage(db, signedInAs((await addOrganizer(db, s.event)).id), s.event.id, q());

    expect(ids(page)).not.toContain(own.id);
    expect(page.ownHidden).toBe(1);
    expect(ids(colleague)).toContain(own.id);
    expect(colleague.ownHidden).toBe(0);
  });
});

describe("rankingPage: pagination", () => {
  /** `count` submitted proposals with distinct means (i/1000), a stats row each, in three statements. */
  async function manyProposals(db: Db, event: EventFixture, count: number) {
    const speaker = await createUser(db);
    const talks = await db.talk.createManyAndReturn({
      data: Array.from({ length: count }, (_, i) => ({
        ownerId: speaker.id,
        title: `Talk ${i}`,
        abstract: "An abstract.",
        level: "BEGINNER" as const,
      })),
    });
    const ids = await bulkProposalIdentifiers(db, event.id, talks.length);
    const proposals = await db.proposal.createManyAndReturn({
      data: talks.map((t, i) => ({
        ...ids[i],
        eventId: event.id,
        talkId: t.id,
        title: t.title,
        abstract: t.abstract,
        level: t.level,
        sessionTypeId: event.sessionTypes[0].id,
        status: "SUBMITTED" as const,
      })),
    });
    await db.proposalStats.createMany({
      data: proposals.map((p, i) => {
        const score = ((i * 37) % count) / 1000;
        return {
          proposalId: p.id,
          eventId: event.id,
          reviewCount: 3,
          scoreSum: 3 * score,
          avgScore: score,
          medianScore: score,
          stddevScore: 0,
          minScore: score,
          maxScore: score,
          normalizedScore: 0,
        };
      }),
    });
    return proposals.map((p, i) => ({ id: p.id, score: ((i * 37) % count) / 1000 }));
  }

  it("51 proposals: 50 on page 1, the 51st on page 2, in one unbroken order", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const expected = (await manyProposals(db, event, 51)).sort((a, b) => b.score - a.score).map((p) => p.id);

    const [page1, page2, page3] = await Promise.all(
      ["1", "2", "3"].map((page) => rankingPage(db, signedInAs(event.organizer.id), event.id, q({ page }))),
    );

    expect(RANKING_PAGE_SIZE).toBe(50);
    expect(page1).toMatchObject({ total: 51, pages: 2, page: 1 });
    expect(page1.rows).toHaveLength(50);
    expect(page2.rows).toHaveLength(1);
    expect([...ids(page1), ...ids(page2)]).toEqual(expected);
    expect(page3.rows).toEqual([]);
  });

  it("50 proposals fit on one page", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await manyProposals(db, event, 50);
    const page1 = await rankingPage(db, signedInAs(event.organizer.id), event.id, q());
    const page2 = await rankingPage(db, signedInAs(event.organizer.id), event.id, q({ page: "2" }));
    expect(page1).toMatchObject({ total: 50, pages: 1 });
    expect(page1.rows).toHaveLength(50);
    expect(page2.rows).toEqual([]);
  });

  it("reports one page for an event with nothing to rank", async () => {
    const db = getDb();
    const event = await createEvent(db);
    expect(await rankingPage(db, signedInAs(event.organizer.id), event.id, q())).toMatchObject({
      rows: [],
      total: 0,
      pages: 1,
      coverage: { required: 3, below: 0 },
    });
  });
});

describe("rankingPage: who may see it", () => {
  /** Stats left incomplete, so a call that refreshed them before checking access would change the database. */
  async function eventWithStaleStats(db: Db) {
    const s = await smallEvent(db);
    await db.proposalStats.updateMany({ where: { eventId: s.event.id }, data: { medianScore: null, normalizedScore: null } });
    return s;
  }

  it("refuses a reviewer of the same event (forbidden), revealing nothing", async () => {
    const db = getDb();
    const s = await eventWithStaleStats(db);
    const error = await expectDenied(db, "forbidden", () => rankingPage(db, signedInAs(s.reviewers[0].id), s.event.id, q()));
    expect(error.message).not.toMatch(/Borrowing|Async|%/);
  });

  it("refuses an organizer of another event (not_found)", async () => {
    const db = getDb();
    const s = await eventWithStaleStats(db);
    const other = await createEvent(db);
    await expectDenied(db, "not_found", () => rankingPage(db, signedInAs(other.organizer.id), s.event.id, q()));
  });

  it("refuses a speaker of the event (not_found)", async () => {
    const db = getDb();
    const s = await eventWithStaleStats(db);
    const speaker = await speakerOf(db, s.event);
    await expectDenied(db, "not_found", () => rankingPage(db, signedInAs(speaker.id), s.event.id, q()));
  });

  it("refuses an anonymous caller (unauthenticated)", async () => {
    const db = getDb();
    const s = await eventWithStaleStats(db);
    await expectDenied(db, "unauthenticated", () => rankingPage(db, signedInAs(null), s.event.id, q()));
  });
});
