import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal, createUser, type EventFixture } from "@/tests/factories";
import { bulkProposalIdentifiers } from "@/tests/factories/identifiers";
import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/generated/prisma/client";
import { getProposalForOrganizer, listEventProposals, listQuery, orderBy, PAGE_SIZE, pageByScore } from "@/lib/proposals/organizer-list";
import { saveReview } from "@/lib/reviews/save-review";
import { reviewInput } from "@/lib/reviews/schemas";
import { expectDomainError } from "./helpers";

const getDb = useTestDb();
const q = (query: Record<string, unknown> = {}) => listQuery.parse(query);
/** A review giving `value` on the event's default "Overall" 1–5 criterion; stored as (value − 1) / 4. */
const review = (event: EventFixture, value: number) =>
  reviewInput.parse({ scores: { [event.criteria[0].id]: String(value) }, comment: "" });

/**
 * `count` submitted proposals in a few bulk statements. `avgScores[i]` is the
 * i-th proposal's average: a number (a stats row with that average), null (a
 * stats row without reviews) or undefined (no stats row at all).
 */
async function bulkProposals(
  db: Db,
  event: EventFixture,
  speaker: User,
  count: number,
  avgScores: (number | null | undefined)[],
  status: "SUBMITTED" | "DRAFT" = "SUBMITTED",
) {
  const label = status === "DRAFT" ? "Draft" : "Talk";
  const talks = await db.talk.createManyAndReturn({
    data: Array.from({ length: count }, (_, i) => ({
      ownerId: speaker.id,
      title: `${label} ${String(i + 1).padStart(2, "0")}`,
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
      trackId: event.tracks[0].id,
      status,
      submittedAt: status === "SUBMITTED" ? new Date(Date.now() - (count - i) * 60_000) : null,
    })),
  });
  await db.proposalSpeaker.createMany({ data: proposals.map((p) => ({ proposalId: p.id, userId: speaker.id, role: "OWNER" as const })) });
  await db.proposalStats.createMany({
    data: proposals.flatMap((p, i) => {
      const avg = avgScores[i];
      if (avg === undefined) return [];
      return [
        { proposalId: p.id, eventId: event.id, reviewCount: avg === null ? 0 : 3, scoreSum: avg === null ? 0 : avg * 3, avgScore: avg },
      ];
    }),
  });
  return proposals;
}

describe("pageByScore", () => {
  it("pages exactly as ORDER BY score (NULLS LAST descending, FIRST ascending), id: every page size and offset, ties, empty and missing stats, statuses", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const speaker = await createUser(db);
    // Ties on 0.5 and 0.75, empty stats rows (null) and no stats row (undefined), interleaved.
    const avgScores = [0.5, null, 0.75, undefined, 0.5, 1, null, 0.5, undefined, 0.75, 0, 0.25, undefined, 0.5];
    const proposals = await bulkProposals(db, event, speaker, avgScores.length, avgScores);
    await bulkProposals(db, event, speaker, 3, [0.9, null, undefined], "DRAFT");
    await bulkProposals(db, other, speaker, 3, [0.6, null, undefined]);
    await db.proposal.update({ where: { id: proposals[5].id }, data: { status: "WITHDRAWN" } });
    await db.proposal.update({ where: { id: proposals[3].id }, data: { status: "ACCEPTED" } });
    await db.proposal.update({ where: { id: proposals[7].id }, data: { status: "ACCEPTED" } });

    const select = { id: true } as const;
    for (const status of [{ in: ["SUBMITTED", "ACCEPTED", "WITHDRAWN"] as const }, "ACCEPTED" as const, "REJECTED" as const]) {
      const where = { eventId: event.id, status: typeof status === "string" ? status : { in: [...status.in] } };
      for (const dir of ["desc", "asc"] as const) {
        const expected = await db.proposal.findMany({ where, orderBy: orderBy(q({ sort: "score", dir })), select });
        for (const take of [1, 3, 5, 50]) {
          for (let skip = 0; skip <= expected.length + 1; skip++) {
            const page = await pageByScore(db, event.id, where, dir, skip, take, select);
            expect(page, `${JSON.stringify(status)} ${dir} skip ${skip} take ${take}`).toEqual(expected.slice(skip, skip + take));
          }
        }
      }
    }
  });
});

describe("listEventProposals", () => {
  it("60 proposals: sorts by score desc with unreviewed last, 50 per page, drafts excluded", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    // 40 scored (distinct averages on 0..1, shuffled), 10 with an empty stats row, 10 with no stats row.
    const avgScores = Array.from({ length: 60 }, (_, i) => (i < 40 ? ((i * 7) % 40) / 39 : i < 50 ? null : undefined));
    const proposals = await bulkProposals(db, event, speaker, 60, avgScores);
    const drafts = await bulkProposals(db, event, speaker, 3, [0.98, 1, undefined], "DRAFT");

    const expected = proposals
      .map((p, i) => ({ id: p.id, avg: avgScores[i] ?? null }))
      .sort((a, b) => {
        if (a.avg === null && b.avg === null) return a.id < b.id ? -1 : 1;
        if (a.avg === null) return 1;
        if (b.avg === null) return -1;
        return b.avg - a.avg;
      })
      .map((p) => p.id);

    const page1 = await listEventProposals(db, signedInAs(event.organizer.id), event.id, q({ sort: "score", dir: "desc", page: "1" }));
    const page2 = await listEventProposals(db, signedInAs(event.organizer.id), event.id, q({ sort: "score", dir: "desc", page: "2" }));
    const page3 = await listEventProposals(db, signedInAs(event.organizer.id), event.id, q({ sort: "score", dir: "desc", page: "3" }));

    expect(PAGE_SIZE).toBe(50);
    expect(page1).toMatchObject({ total: 60, pages: 2 });
    expect(page1.rows).toHaveLength(50);
    expect(page2.rows).toHaveLength(10);
    expect(page3.rows).toEqual([]);
    expect([...page1.rows, ...page2.rows].map((r) => r.id)).toEqual(expected);
    // The scores really are descending, and every unreviewed proposal comes after every scored one.
    const scores = page1.rows.map((r) => r.stats?.avgScore ?? null);
    expect(scores.slice(0, 40)).toEqual([...scores.slice(0, 40)].sort((a, b) => b! - a!));
    expect(scores.slice(40)).toEqual(Array(10).fill(null));
    const draftIds = new Set(drafts.map((d) => d.id));
    expect([...page1.rows, ...page2.rows].some((r) => draftIds.has(r.id))).toBe(false);
  });

  it("defaults to score, descending, page 1 for missing or garbage query values", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const [low, high, none] = await bulkProposals(db, event, speaker, 3, [0.125, 0.875, undefined]);

    const list = await listEventProposals(
      db,
      signedInAs(event.organizer.id),
      event.id,
      q({ sort: "evil", dir: "sideways", page: "-3", status: "NOPE" }),
    );

    expect(list.rows.map((r) => r.id)).toEqual([high.id, low.id, none.id]);
  });

  it("ascending score puts unreviewed proposals first", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const [low, high, none] = await bulkProposals(db, event, speaker, 3, [0.125, 0.875, null]);
    const list = await listEventProposals(db, signedInAs(event.organizer.id), event.id, q({ sort: "score", dir: "asc" }));
    expect(list.rows.map((r) => r.id)).toEqual([none.id, low.id, high.id]);
  });

  it("sorts by the averages saveReview maintains", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const [r1, r2] = [await addReviewer(db, event), await addReviewer(db, event)];
    const a = await createProposal(db, { event, status: "submitted" });
    const b = await createProposal(db, { event, status: "submitted" });
    const c = await createProposal(db, { event, status: "submitted" });
    const unreviewed = await createProposal(db, { event, status: "submitted" });
    await saveReview(db, signedInAs(r1.id), a.id, review(event, 3));
    await saveReview(db, signedInAs(r2.id), a.id, review(event, 4)); // 0.5, 0.75 → 0.625
    await saveReview(db, signedInAs(r1.id), b.id, review(event, 5)); // 1
    await saveReview(db, signedInAs(r1.id), c.id, review(event, 1));
    await saveReview(db, signedInAs(r2.id), c.id, review(event, 2)); // 0, 0.25 → 0.125

    const list = await listEventProposals(db, signedInAs(event.organizer.id), event.id, q());

    expect(list.rows.map((r) => [r.id, r.stats?.avgScore ?? null, r.stats?.reviewCount ?? 0])).toEqual([
      [b.id, 1, 1],
      [a.id, 0.625, 2],
      [c.id, 0.125, 2],
      [unreviewed.id, null, 0],
    ]);
  });

  it("sorts by title and by review count", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const [t1, t2, t3] = await bulkProposals(db, event, speaker, 3, [0.25, 0.75, 0.5]);
    await db.proposalStats.update({ where: { proposalId: t1.id }, data: { reviewCount: 7 } });

    const byTitle = await listEventProposals(db, signedInAs(event.organizer.id), event.id, q({ sort: "title", dir: "desc" }));
    expect(byTitle.rows.map((r) => r.title)).toEqual(["Talk 03", "Talk 02", "Talk 01"]);
    const byReviews = await listEventProposals(db, signedInAs(event.organizer.id), event.id, q({ sort: "reviews", dir: "desc" }));
    expect(byReviews.rows[0].id).toBe(t1.id);
    expect(new Set(byReviews.rows.map((r) => r.id))).toEqual(new Set([t1.id, t2.id, t3.id]));
  });

  it("lists submitted, accepted, rejected and withdrawn proposals but not drafts", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const listed = [];
    for (const status of ["submitted", "accepted", "rejected", "withdrawn"] as const) {
      listed.push(await createProposal(db, { event, status }));
    }
    await createProposal(db, { event, status: "draft" });

    const list = await listEventProposals(db, signedInAs(event.organizer.id), event.id, q());

    expect(list.total).toBe(4);
    expect(list.rows.map((r) => r.id).sort()).toEqual(listed.map((p) => p.id).sort());
  });

  it("filters by status", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const accepted = await createProposal(db, { event, status: "accepted" });
    await createProposal(db, { event, status: "submitted" });
    await createProposal(db, { event, status: "rejected" });
    const list = await listEventProposals(db, signedInAs(event.organizer.id), event.id, q({ status: "ACCEPTED" }));
    expect(list).toMatchObject({ total: 1, pages: 1 });
    expect(list.rows.map((r) => r.id)).toEqual([accepted.id]);
  });

  // Drafts are the speaker's business (organizer-list.ts); the status comes from the URL (?status=DRAFT).
  it("never lists drafts, even when asked to filter by status DRAFT", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await createProposal(db, { event, status: "draft" });
    await createProposal(db, { event, status: "submitted" });

    const list = await listEventProposals(db, signedInAs(event.organizer.id), event.id, q({ status: "DRAFT" }));

    expect(list.rows.filter((r) => r.status === "DRAFT")).toEqual([]);
    // The DRAFT filter is dropped (as any unknown value is), leaving the non-draft list.
    expect(list.total).toBe(1);
    expect(list.rows.map((r) => r.status)).toEqual(["SUBMITTED"]);
  });

  it("lists only this event's proposals, with speakers, session type, track and stats", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await createProposal(db, { event: await createEvent(db), status: "submitted" });
    const cospeaker = await createUser(db, { name: "Co Speaker", email: "co@example.com" });
    const p = await createProposal(db, {
      event,
      status: "submitted",
      cospeakers: [cospeaker],
      sessionType: "lightning",
      track: event.tracks[1],
    });

    const list = await listEventProposals(db, signedInAs(event.organizer.id), event.id, q());

    expect(list).toMatchObject({ total: 1, pages: 1 });
    expect(list.rows[0]).toMatchObject({
      id: p.id,
      title: p.title,
      status: "SUBMITTED",
      submittedAt: p.submittedAt,
      sessionType: { name: "Lightning talk" },
      track: { name: event.tracks[1].name },
      stats: null,
    });
    expect(list.rows[0].speakers).toEqual(
      expect.arrayContaining([
        { user: { name: p.speaker.name, email: p.speaker.email } },
        { user: { name: "Co Speaker", email: "co@example.com" } },
      ]),
    );
  });

  it("reports one page for an event without proposals", async () => {
    const db = getDb();
    const event = await createEvent(db);
    expect(await listEventProposals(db, signedInAs(event.organizer.id), event.id, q())).toEqual({
      total: 0,
      pages: 1,
      rows: [],
      answers: { filterable: [], columns: [], picked: [], counts: [] },
    });
  });

  it("refuses an anonymous caller (unauthenticated)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await expectDomainError(() => listEventProposals(db, signedInAs(null), event.id, q()), "unauthenticated");
  });

  it("refuses a reviewer of the event (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    await expectDomainError(listEventProposals(db, signedInAs(reviewer.id), event.id, q()), "forbidden");
  });

  it("refuses an organizer of another event (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    await expectDomainError(listEventProposals(db, signedInAs(other.organizer.id), event.id, q()), "not_found");
  });

  it("refuses a speaker of the event (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const p = await createProposal(db, { event, status: "submitted" });
    await expectDomainError(listEventProposals(db, signedInAs(p.speaker.id), event.id, q()), "not_found");
  });
});

describe("getProposalForOrganizer", () => {
  it("returns the proposal with speakers' profiles, stats and every review with its criterion scores, newest review first", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const [r1, r2] = [await addReviewer(db, event), await addReviewer(db, event)];
    const speaker = await createUser(db, { profile: { bio: "Rustacean", company: "Ferrous" } });
    const p = await createProposal(db, { event, speaker, status: "submitted" });
    await saveReview(db, signedInAs(r1.id), p.id, review(event, 2));
    await saveReview(db, signedInAs(r2.id), p.id, review(event, 5));
    await db.review.updateMany({ where: { reviewerId: r1.id }, data: { updatedAt: new Date(Date.now() - 60_000) } });

    const result = await getProposalForOrganizer(db, signedInAs(event.organizer.id), event.id, p.id);

    expect(result).toMatchObject({
      id: p.id,
      sessionType: { id: event.sessionTypes[0].id },
      track: { id: event.tracks[0].id },
      stats: { reviewCount: 2, scoreSum: 1.25, avgScore: 0.625 },
    });
    expect(result!.speakers[0].user).toMatchObject({ id: speaker.id, profile: { bio: "Rustacean", company: "Ferrous" } });
    const criterionId = event.criteria[0].id;
    expect(result!.reviews.map((r) => [r.score, r.reviewer.email, r.scores])).toEqual([
      [1, r2.email, [{ criterionId, value: 5 }]],
      [0.25, r1.email, [{ criterionId, value: 2 }]],
    ]);
  });

  it("returns nothing for a draft", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const draft = await createProposal(db, { event, status: "draft" });
    expect(await getProposalForOrganizer(db, signedInAs(event.organizer.id), event.id, draft.id)).toBeNull();
  });

  it("returns nothing for another event's proposal asked through this event", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const foreign = await createProposal(db, { event: await createEvent(db), status: "submitted" });
    expect(await getProposalForOrganizer(db, signedInAs(event.organizer.id), event.id, foreign.id)).toBeNull();
  });

  it("refuses an anonymous caller (unauthenticated)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const p = await createProposal(db, { event, status: "submitted" });
    await expectDomainError(() => getProposalForOrganizer(db, signedInAs(null), event.id, p.id), "unauthenticated");
  });

  it("refuses a reviewer of the event acting as organizer (forbidden)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const p = await createProposal(db, { event, status: "submitted" });
    await expectDomainError(getProposalForOrganizer(db, signedInAs(reviewer.id), event.id, p.id), "forbidden");
  });

  it("refuses an organizer of another event (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    const p = await createProposal(db, { event, status: "submitted" });
    await expectDomainError(getProposalForOrganizer(db, signedInAs(other.organizer.id), event.id, p.id), "not_found");
  });

  it("refuses the proposal's speaker (not_found)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const p = await createProposal(db, { event, status: "submitted" });
    await expectDomainError(getProposalForOrganizer(db, signedInAs(p.speaker.id), event.id, p.id), "not_found");
  });

  it("lets an additional organizer see it", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const organizer2 = await addOrganizer(db, event);
    const p = await createProposal(db, { event, status: "accepted" });
    expect(await getProposalForOrganizer(db, signedInAs(organizer2.id), event.id, p.id)).toMatchObject({ id: p.id, status: "ACCEPTED" });
  });
});
