import { signedInAs } from "@/lib/auth/actor";
// The read API (lib/api, app/api/events/[slug]/…): pretalx's shapes and
// paging, the token's scopes, the organizer scope of its creator, and every
// route in the authorization matrix.
import "@/tests/security/support/mock-next";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { createProposal } from "@/tests/factories";
import { bucketKey, windowStartOf } from "@/lib/rate-limit/fixed-window";
import { API_REQUESTS_PER_TOKEN } from "@/lib/rate-limit/limits";
import { hashToken } from "@/lib/api/token-secret";
import { revokeApiToken } from "@/lib/api/tokens";
import { apiWorld, type ApiWorld } from "./api-world";
import { call, ROUTES, route, type RouteCase } from "./api-routes";

const getDb = useTestDb();

/** A real item for each single-item route. */
function itemFor(w: ApiWorld, r: RouteCase, reviewId: string): string | undefined {
  if (!r.item) return undefined;
  if (r.name === "submissions") return w.submitted.code;
  if (r.name === "speakers") return w.speaker.code;
  if (r.name === "reviews") return reviewId;
  return "1";
}

describe("GET /api/events/{slug}/submissions", () => {
  it("lists what the token's creator may handle, in pretalx's shape: no draft, no proposal they speak on, no other event", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const { status, body } = await call(route("submissions"), w.event.slug, { token: await w.token() });
    expect(status).toBe(200);
    expect(body).toMatchObject({ count: 4, next: null, previous: null });
    const titles = body.results!.map((r) => r.title);
    expect(titles).toEqual([w.submitted.title, "Accepted talk", "Waitlisted talk", "Pending talk"]);
    const first = body.results![0];
    expect(first).toMatchObject({
      code: w.submitted.code,
      number: w.submitted.number,
      guid: w.submitted.guid,
      state: "submitted",
      pending_state: null,
      submission_type: "Talk",
      duration: 30,
      track: "Systems & Embedded",
      answers: [],
      review_count: 1,
      mean_score: 1,
      speakers: [
        { code: w.speaker.code, name: "Zoë O'Brien", email: "zoe@example.org" },
        { code: w.cospeaker.code, name: "Siân Ní", email: "sian@example.org" },
      ],
    });
    const byTitle = Object.fromEntries(body.results!.map((r) => [r.title, r]));
    expect(byTitle["Accepted talk"]).toMatchObject({ state: "accepted", waitlisted: false });
    expect(byTitle["Waitlisted talk"]).toMatchObject({
      state: "submitted",
      waitlisted: true,
      submission_type: "Lightning talk",
      duration: 10,
    });
    expect(byTitle["Pending talk"]).toMatchObject({ pending_state: "accepted", track: null });
  });

  it("pages with page and page_size, with absolute next/previous links that keep the filters", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const token = await w.token();
    const one = await call(route("submissions"), w.event.slug, { token, query: "page_size=3" });
    expect(one.body).toMatchObject({ count: 4, previous: null });
    expect(one.body.results).toHaveLength(3);
    const next = new URL(String(one.body.next));
    expect(Object.fromEntries(next.searchParams)).toEqual({ page_size: "3", page: "2" });
    const two = await call(route("submissions"), w.event.slug, { token, query: next.search.slice(1) });
    expect(two.body.results!.map((r) => r.title)).toEqual(["Pending talk"]);
    expect(two.body.next).toBeNull();
    expect(new URL(String(two.body.previous)).searchParams.get("page")).toBe("1");
  });

  it("filters by state (pretalx's names, plus waitlisted), track, submission type and search", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const token = await w.token();
    const titles = async (query: string) =>
      (await call(route("submissions"), w.event.slug, { token, query })).body.results!.map((r) => r.title);
    expect(await titles("state=accepted")).toEqual(["Accepted talk"]);
    expect(await titles("state=waitlisted")).toEqual(["Waitlisted talk"]);
    expect(await titles("state=submitted")).toEqual([w.submitted.title, "Waitlisted talk", "Pending talk"]);
    expect(await titles(`submission_type=${encodeURIComponent("Lightning talk")}`)).toEqual(["Waitlisted talk"]);
    expect(await titles(`submission_type=${w.event.sessionTypes[1].id}`)).toEqual(["Waitlisted talk"]);
    expect(await titles(`track=${w.event.tracks[0].id}`)).toHaveLength(3);
    expect(await titles("search=Accepted")).toEqual(["Accepted talk"]);
    expect(await titles(`search=${w.accepted.code.toLowerCase()}`)).toEqual(["Accepted talk"]);
    expect(await titles("search=Secret")).toEqual([]);
  });

  it("search also finds words of the abstract (full-text index), speakers' names only with the speakers scope, never a draft or an own talk", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const found = await createProposal(db, { event: w.event, title: "Found by its abstract", abstract: "Tardigrade-grade resilience." });
    await createProposal(db, { event: w.event, status: "draft", title: "Draft", abstract: "A tardigrade draft." });
    await createProposal(db, { event: w.event, speaker: w.organizer, title: "Own", abstract: "The organizer's tardigrade." });
    await createProposal(db, { event: w.other, title: "Elsewhere", abstract: "Another tardigrade." });
    const titles = async (query: string, token: string) =>
      (await call(route("submissions"), w.event.slug, { token, query })).body.results!.map((r) => r.title);
    const all = await w.token();
    expect(await titles("search=tardigrade", all)).toEqual([found.title]);
    // A word prefix, case-insensitive.
    expect(await titles("search=TARDI", all)).toEqual([found.title]);
    // Speakers' names: with the speakers scope only.
    expect(await titles("search=brien", all)).toEqual([w.submitted.title]);
    expect(await titles("search=brien", await w.token(["proposals"]))).toEqual([]);
    expect(await titles("search=tardigrade", await w.token(["proposals"]))).toEqual([found.title]);
  });

  it("answers invalid_query for an unknown parameter or a bad value", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const token = await w.token();
    for (const query of ["state=draft", "page=0", "page_size=1000", "tag=x"]) {
      const { status, body } = await call(route("submissions"), w.event.slug, { token, query });
      expect(status, query).toBe(400);
      expect(body.error).toMatchObject({ code: "invalid_query" });
    }
  });

  it("shows names only with the speakers scope, email only with personal, scores only with reviews", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const { body } = await call(route("submissions"), w.event.slug, { token: await w.token(["proposals"]) });
    const first = body.results![0];
    expect(first.speakers).toEqual([{ code: w.speaker.code }, { code: w.cospeaker.code }]);
    expect(first).toMatchObject({ review_count: null, mean_score: null, median_score: null, normalized_score: null });
    expect(JSON.stringify(body)).not.toMatch(/Zoë|zoe@example\.org/);
  });

  it("answers one proposal by its code (any case), and not_found for a draft, an own proposal or another event's", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const token = await w.token();
    const ok = await call(route("submissions", "code"), w.event.slug, { token, item: w.accepted.code.toLowerCase() });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ code: w.accepted.code, title: "Accepted talk" });
    const otherCode = (await db.proposal.findFirstOrThrow({ where: { eventId: w.other.id } })).code;
    for (const code of [w.draft.code, w.own.code, otherCode, "NOPE"]) {
      const { status, body } = await call(route("submissions", "code"), w.event.slug, { token, item: code });
      expect(status, code).toBe(404);
      expect(body).toEqual({ error: { code: "not_found", message: "No submission with this code." } });
    }
  });
});

describe("speakers, reviews, questions", () => {
  it("lists the speakers of reachable proposals with their proposal codes; personal data only with the personal scope", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const all = await call(route("speakers"), w.event.slug, { token: await w.token() });
    expect(all.body.count).toBe(5); // four proposals, one with a co-speaker; not the organizer (own talk) nor the draft's speaker
    const zoe = all.body.results!.find((s) => s.code === w.speaker.code)!;
    expect(zoe).toMatchObject({
      name: "Zoë O'Brien",
      submissions: [w.submitted.code],
      email: "zoe@example.org",
      company: "Ferrous Industries",
    });
    expect(all.body.results!.map((s) => s.code)).not.toContain(w.organizer.code);

    const noPersonal = await call(route("speakers", "code"), w.event.slug, { token: await w.token(["speakers"]), item: w.speaker.code });
    expect(noPersonal.status).toBe(200);
    expect(noPersonal.body).not.toHaveProperty("email");
    expect(noPersonal.body).not.toHaveProperty("company");
    const organizerAsSpeaker = await call(route("speakers", "code"), w.event.slug, { token: await w.token(), item: w.organizer.code });
    expect(organizerAsSpeaker.status).toBe(404);
  });

  it("lists reviews of reachable proposals only (never of the creator's own talk), filterable by submission", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const token = await w.token();
    const { body } = await call(route("reviews"), w.event.slug, { token });
    expect(body.count).toBe(1);
    expect(body.results![0]).toMatchObject({
      submission: w.submitted.code,
      user: "Rae Viewer",
      reviewer_code: w.reviewer.code,
      text: "Great.",
      score: 1,
    });
    const ownReview = await db.review.findFirstOrThrow({ where: { proposalId: w.own.id } });
    expect((await call(route("reviews", "id"), w.event.slug, { token, item: ownReview.id })).status).toBe(404);
    expect((await call(route("reviews"), w.event.slug, { token, query: `submission=${w.accepted.code}` })).body.count).toBe(0);
  });

  it("answers an empty list for an event without questions, and not_found for an unknown id", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const token = await w.token();
    expect((await call(route("questions"), w.event.slug, { token })).body).toEqual({ count: 0, next: null, previous: null, results: [] });
    expect((await call(route("questions", "id"), w.event.slug, { token, item: "1" })).status).toBe(404);
  });
});

describe("authorization matrix: every route refuses with a stable code and shows nothing", () => {
  type Case = {
    name: string;
    status: number;
    code: string;
    setup: (w: ApiWorld, r: RouteCase) => Promise<{ token?: string | null; header?: string; slug?: string }>;
  };
  const CASES: Case[] = [
    { name: "anonymous", status: 401, code: "missing_token", setup: async () => ({ token: null }) },
    { name: "malformed header", status: 401, code: "malformed_token", setup: async (w) => ({ header: `Bearer ${await w.token()}` }) },
    { name: "malformed token", status: 401, code: "malformed_token", setup: async () => ({ header: "Token a b" }) },
    { name: "unknown token", status: 401, code: "invalid_token", setup: async () => ({ token: "cfp_" + "x".repeat(43) }) },
    {
      name: "revoked",
      status: 401,
      code: "token_revoked",
      setup: async (w) => {
        const token = await w.token();
        const db = getDb();
        const row = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
        await revokeApiToken(db, signedInAs(w.organizer.id), w.event.id, row.id);
        return { token };
      },
    },
    {
      name: "expired",
      status: 401,
      code: "token_expired",
      setup: async (w) => {
        const token = await w.token();
        await getDb().apiToken.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
        return { token };
      },
    },
    {
      name: "wrong event",
      status: 404,
      code: "event_not_found",
      setup: async (w) => ({ token: await w.token(undefined, w.other, w.other.organizer) }),
    },
    {
      name: "unknown event",
      status: 404,
      code: "event_not_found",
      setup: async (w) => ({ token: await w.token(), slug: "no-such-event" }),
    },
    {
      name: "missing scope",
      status: 403,
      code: "missing_scope",
      setup: async (w, r) => ({
        token: await w.token(r.scope === "proposals" ? ["speakers", "reviews", "personal"] : ["proposals", "personal"]),
      }),
    },
    {
      name: "creator no longer organizes the event",
      status: 403,
      code: "token_owner_not_organizer",
      setup: async (w) => {
        const colleague = await w.addOrganizer(getDb(), w.event);
        const token = await w.token(undefined, w.event, colleague);
        await getDb().eventMember.update({
          where: { eventId_userId: { eventId: w.event.id, userId: colleague.id } },
          data: { role: "REVIEWER" },
        });
        return { token };
      },
    },
  ];

  for (const r of ROUTES) {
    for (const c of CASES) {
      it(`${r.name}${r.item ? `/{${r.item}}` : ""}: ${c.name} → ${c.status} ${c.code}`, async () => {
        const db = getDb();
        const w = await apiWorld(db);
        const reviewId = (await db.review.findFirstOrThrow({ where: { proposalId: w.submitted.id } })).id;
        const { slug, ...auth } = await c.setup(w, r);
        const { status, body } = await call(r, slug ?? w.event.slug, { ...auth, item: itemFor(w, r, reviewId) });
        expect(status).toBe(c.status);
        expect(Object.keys(body)).toEqual(["error"]);
        expect((body.error as { code: string }).code).toBe(c.code);
      });
    }
  }
});

describe("tokens in use", () => {
  it("records the last use, and refuses a revoked token on the very next request", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const token = await w.token();
    const row = () => db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect((await row()).lastUsedAt).toBeNull();
    expect((await call(route("submissions"), w.event.slug, { token })).status).toBe(200);
    expect((await row()).lastUsedAt).toBeInstanceOf(Date);
    await revokeApiToken(db, signedInAs(w.organizer.id), w.event.id, (await row()).id);
    expect((await call(route("submissions"), w.event.slug, { token })).status).toBe(401);
  });

  it("limits each token's requests per minute with 429 rate_limited and Retry-After, leaving other tokens alone", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const token = await w.token();
    const other = await w.token();
    const { id } = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    const windowStart = windowStartOf(API_REQUESTS_PER_TOKEN, new Date());
    await db.rateLimitBucket.create({
      data: { key: bucketKey(API_REQUESTS_PER_TOKEN, id), windowStart, count: API_REQUESTS_PER_TOKEN.max },
    });
    const limited = await call(route("submissions"), w.event.slug, { token });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: "rate_limited" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(route("submissions"), w.event.slug, { token: other })).status).toBe(200);
  });
});
