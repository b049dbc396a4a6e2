import { signedInAs } from "@/lib/auth/actor";
// Organizer exports (lib/exports): CSV and JSON from the proposal list and the
// ranking with their filters, one row per proposal, speaker or review, inside
// the organizer scope, personal data only when chosen, nothing for others.
import "@/tests/security/support/mock-next";
import { afterEach, describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { csvObjects } from "@/tests/support/csv-parse";
import { setActor } from "@/tests/security/support/next-mocks";
import type { Db } from "@/lib/db/client";
import { exportOptions } from "@/lib/exports/options";
import { startExport } from "@/lib/exports/start-export";
import { startExportForImport } from "@/lib/imports/export-file";
import { EXPORT_COLUMN_PROVIDERS } from "@/lib/exports/column-providers";
import type { ExportFilters } from "@/lib/exports/where";
import { listQuery } from "@/lib/proposals/organizer-list";
import { rankingQuery } from "@/lib/reviews/ranking/query";
import { createUser } from "@/tests/factories";
import { bulkProposalIdentifiers } from "@/tests/factories/identifiers";
import { GET as exportRoute } from "@/app/(organize)/organize/[slug]/export/route";
import { apiWorld } from "./api-world";
import { createTag } from "@/lib/tags/define";
import { bulkTag } from "@/lib/tags/apply";
import { tagInput } from "@/lib/tags/schemas";
import { expectDenied } from "./helpers";

const getDb = useTestDb();

async function run(db: Db, actorId: string | null, eventId: string, params: Record<string, string> = {}) {
  const options = exportOptions.parse(params);
  const filters: ExportFilters =
    options.from === "ranking" ? { from: "ranking", query: rankingQuery.parse(params) } : { from: "list", query: listQuery.parse(params) };
  const out = await startExport(db, signedInAs(actorId), eventId, options, filters);
  // ignoreBOM: keep the byte-order mark (Response.text() would drop it) to see what a spreadsheet gets.
  const bytes = await new Response(out.stream).arrayBuffer();
  return { ...out, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

describe("proposal exports", () => {
  it("writes CSV a spreadsheet reads: BOM, header, one row per proposal the organizer may handle, formulas defused", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const { text, filename, contentType } = await run(db, w.organizer.id, w.event.id);
    expect(text.startsWith("\uFEFFcode,number,guid,title,")).toBe(true);
    expect(contentType).toBe("text/csv; charset=utf-8");
    expect(filename).toBe(`${w.event.slug}-proposals.csv`);
    const rows = csvObjects(text.slice(1));
    expect(rows.map((r) => r.title)).toEqual([`'${w.submitted.title}`, "Accepted talk", "Waitlisted talk", "Pending talk"]);
    expect(rows[0]).toMatchObject({
      code: w.submitted.code,
      number: String(w.submitted.number),
      guid: w.submitted.guid,
      speakers: "Zoë O'Brien; Siân Ní",
      speaker_codes: `${w.speaker.code}; ${w.cospeaker.code}`,
      review_count: "1",
      mean_score: "1",
      state: "submitted",
    });
    expect(rows[0]).not.toHaveProperty("speaker_emails");
    expect(text).not.toContain("Secret draft");
    expect(text).not.toContain("The organizer's own talk");
  });

  it("adds speakers' email only with the explicit personal choice; a blind export names nobody", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const personal = csvObjects((await run(db, w.organizer.id, w.event.id, { personal: "1" })).text.slice(1));
    expect(personal[0].speaker_emails).toBe("zoe@example.org; sian@example.org");
    const blind = await run(db, w.organizer.id, w.event.id, { blind: "1", personal: "1" });
    expect(blind.text).not.toMatch(/Zoë|zoe@example|Siân|speaker/);
    await expectDenied(db, "invalid", () => run(db, w.organizer.id, w.event.id, { kind: "speakers", blind: "1" }));
  });

  it("applies the list's and the ranking's filters", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const titles = async (params: Record<string, string>) =>
      csvObjects((await run(db, w.organizer.id, w.event.id, params)).text.slice(1)).map((r) => r.title);
    expect(await titles({ status: "ACCEPTED" })).toEqual(["Accepted talk"]);
    expect(await titles({ from: "ranking", status: "WAITLISTED" })).toEqual(["Waitlisted talk"]);
    expect(await titles({ from: "ranking", sessionType: w.event.sessionTypes[1].id })).toEqual(["Waitlisted talk"]);
    expect(await titles({ from: "ranking", track: w.event.tracks[0].id })).toHaveLength(3);
    expect((await run(db, w.organizer.id, w.event.id, { from: "ranking" })).filename).toBe(`${w.event.slug}-ranking-proposals.csv`);
  });

  it("applies the tag and search filters of the list and the ranking", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const titles = async (params: Record<string, string>) =>
      csvObjects((await run(db, w.organizer.id, w.event.id, params)).text.slice(1)).map((r) => r.title);
    const tag = await createTag(db, signedInAs(w.organizer.id), w.event.id, tagInput.parse({ name: "Shortlist", color: "" }));
    await bulkTag(db, signedInAs(w.organizer.id), w.event.id, { tagId: tag.id, op: "add", proposalIds: [w.accepted.id] });
    await db.proposal.update({ where: { id: w.waitlisted.id }, data: { abstract: "All about the quetzal." } });
    expect(await titles({ tag: tag.id })).toEqual(["Accepted talk"]);
    expect(await titles({ from: "ranking", tag: tag.id })).toEqual(["Accepted talk"]);
    expect(await titles({ q: "quetzal" })).toEqual(["Waitlisted talk"]);
    expect(await titles({ from: "ranking", q: "quetz" })).toEqual(["Waitlisted talk"]);
  });

  it("writes JSON: an array of objects with the same columns", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const { text, contentType } = await run(db, w.organizer.id, w.event.id, { format: "json" });
    expect(contentType).toBe("application/json; charset=utf-8");
    const rows = JSON.parse(text) as Record<string, unknown>[];
    expect(rows.map((r) => r.code)).toEqual([w.submitted.code, w.accepted.code, w.waitlisted.code, w.pending.code]);
    expect(rows[0]).toMatchObject({ title: w.submitted.title, number: w.submitted.number, disagreement: false });
    const empty = await run(db, w.organizer.id, w.event.id, { format: "json", status: "REJECTED" });
    expect(JSON.parse(empty.text)).toEqual([]);
  });

  it("streams more rows than one batch, each once, in number order", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const speaker = await createUser(db);
    const n = 1_050;
    const talks = await db.talk.createManyAndReturn({
      data: Array.from({ length: n }, (_, i) => ({ ownerId: speaker.id, title: `Bulk ${i}`, abstract: "A.", level: "BEGINNER" as const })),
    });
    const ids = await bulkProposalIdentifiers(db, w.event.id, n);
    const made = await db.proposal.createManyAndReturn({
      data: talks.map((t, i) => ({
        ...ids[i],
        eventId: w.event.id,
        talkId: t.id,
        title: t.title,
        abstract: t.abstract,
        level: t.level,
        sessionTypeId: w.event.sessionTypes[0].id,
        status: "SUBMITTED" as const,
        submittedAt: new Date(),
      })),
    });
    await db.proposalSpeaker.createMany({ data: made.map((p) => ({ proposalId: p.id, userId: speaker.id })) });
    const rows = csvObjects((await run(db, w.organizer.id, w.event.id)).text.slice(1));
    expect(rows).toHaveLength(n + 4);
    const numbers = rows.map((r) => Number(r.number));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(rows.map((r) => r.code)).size).toBe(n + 4);
  });
});

describe("speaker and review exports", () => {
  it("writes one row per speaker of the exported proposals; company and email only with personal", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const plain = csvObjects((await run(db, w.organizer.id, w.event.id, { kind: "speakers" })).text.slice(1));
    expect(plain).toHaveLength(5);
    const zoe = plain.find((r) => r.code === w.speaker.code)!;
    expect(zoe).toMatchObject({ name: "Zoë O'Brien", proposal_codes: w.submitted.code });
    expect(zoe).not.toHaveProperty("email");
    expect(plain.map((r) => r.code)).not.toContain(w.organizer.code);
    const personal = csvObjects((await run(db, w.organizer.id, w.event.id, { kind: "speakers", personal: "1" })).text.slice(1));
    expect(personal.find((r) => r.code === w.speaker.code)).toMatchObject({ email: "zoe@example.org", company: "Ferrous Industries" });
  });

  it("writes one row per review with a column per criterion, never a review of the organizer's own talk", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const rows = csvObjects((await run(db, w.organizer.id, w.event.id, { kind: "reviews", from: "ranking" })).text.slice(1));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ proposal_code: w.submitted.code, reviewer: "Rae Viewer", score: "1", comment: "Great.", Overall: "5" });
    const blind = await run(db, w.organizer.id, w.event.id, { kind: "reviews", blind: "1" });
    expect(blind.text).not.toContain("Rae Viewer");
  });
});

describe("export column providers (the hook for custom questions)", () => {
  const registered = [...EXPORT_COLUMN_PROVIDERS];
  afterEach(() => void EXPORT_COLUMN_PROVIDERS.splice(0, EXPORT_COLUMN_PROVIDERS.length, ...registered));

  it("adds a provider's columns and fills them batch by batch, escaped like every cell", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    EXPORT_COLUMN_PROVIDERS.push({
      name: "test",
      columns: async (_db, _e, kind) => (kind === "proposals" ? [{ key: "q1", label: "T-shirt size" }] : []),
      values: async (_db, _e, _k, ids) => new Map(ids.map((id) => [id, { q1: id === w.accepted.id ? "=XL" : "M" }])),
    });
    const rows = csvObjects((await run(db, w.organizer.id, w.event.id)).text.slice(1));
    expect(rows.map((r) => r["T-shirt size"])).toEqual(["M", "'=XL", "M", "M"]);
    const speakers = await run(db, w.organizer.id, w.event.id, { kind: "speakers" });
    expect(speakers.text).not.toContain("T-shirt size");
  });
});

describe("who may export", () => {
  it("refuses anyone but the event's organizers, before the first byte", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const cases: [string | null, "unauthenticated" | "forbidden" | "not_found"][] = [
      [null, "unauthenticated"],
      [w.reviewer.id, "forbidden"],
      [w.speaker.id, "not_found"],
      [w.other.organizer.id, "not_found"],
    ];
    for (const [actor, code] of cases) {
      const variants: Record<string, string>[] = [{}, { from: "ranking" }, { kind: "reviews" }, { kind: "speakers", personal: "1" }];
      for (const params of variants) {
        await expectDenied(db, code, () => run(db, actor, w.event.id, params));
      }
      const forImport = { from: "list" as const, query: listQuery.parse({}) };
      await expectDenied(db, code, () =>
        startExportForImport(db, signedInAs(actor), w.event.id, { personal: true, blind: false }, forImport),
      );
    }
  });

  it("answers the route with a download for an organizer and a status without data for others", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const get = (query: string) =>
      exportRoute(new Request(`http://localhost:3000/organize/${w.event.slug}/export?${query}`), {
        params: Promise.resolve({ slug: w.event.slug }),
      });
    setActor(w.organizer);
    const ok = await get("from=ranking&format=csv&status=ACCEPTED");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toBe(`attachment; filename="${w.event.slug}-ranking-proposals.csv"`);
    expect(csvObjects(await ok.text()).map((r) => r.title)).toEqual(["Accepted talk"]);
    setActor(w.reviewer);
    const refused = await get("from=ranking");
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain("Accepted talk");
    setActor(null);
    expect((await get("")).status).toBe(401);

    // The file for import into another event: the same reach (no draft, none the organizer speaks on), one JSON document.
    setActor(w.organizer);
    const file = await get("format=pretalx&kind=reviews");
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="${w.event.slug}-for-import.json"`);
    const body = JSON.parse(await file.text());
    expect(Object.keys(body)).toEqual(["generator", "event", "questions", "submissions", "speakers"]);
    expect(body.submissions.map((s: { title: string }) => s.title)).toEqual([
      w.submitted.title,
      "Accepted talk",
      "Waitlisted talk",
      "Pending talk",
    ]);
    expect(body.submissions[2]).toMatchObject({ state: "submitted", waitlisted: true });
    expect(body.speakers.map((s: { code: string }) => s.code)).toContain(w.cospeaker.code);
    expect(JSON.stringify(body)).not.toContain("@");
    setActor(w.reviewer);
    expect((await get("format=pretalx")).status).toBe(403);
    setActor(w.organizer);
    expect((await get("format=pretalx&blind=1")).status).toBe(400);
  });
});
