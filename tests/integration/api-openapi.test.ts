// The OpenAPI 3.1 document (/api/openapi.json) is valid, and real answers of
// every route, errors included, validate against it with @hyperjump/json-schema
// (a maintained JSON Schema / OpenAPI 3.1 validator; its meta-schemas are bundled,
// so this runs offline).
import "@/tests/security/support/mock-next";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validate } from "@hyperjump/json-schema/openapi-3-1";
import { GET as openapiRoute } from "@/app/api/openapi.json/route";
import { useTestDb } from "@/tests/support/test-db";
import { apiWorld } from "./api-world";
import { call, ROUTES } from "./api-routes";

const getDb = useTestDb();
let dir: string;
let docUri: string;
let doc: { paths: Record<string, { get: { responses: Record<string, unknown> } }> };

beforeAll(async () => {
  doc = await openapiRoute().json();
  dir = mkdtempSync(path.join(tmpdir(), "cfp-openapi-"));
  // hyperjump reads a file named *.openapi.json as an OpenAPI document.
  const file = path.join(dir, "cfp.openapi.json");
  writeFileSync(file, JSON.stringify(doc));
  docUri = pathToFileURL(file).href;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replace(/~/g, "~0").replace(/\//g, "~1"))).join("/");

async function expectValid(apiPath: string, status: number, body: unknown) {
  const schema = `${docUri}#/${pointer("paths", apiPath, "get", "responses", String(status), "content", "application/json", "schema")}`;
  const output = await validate(schema, body as never);
  expect(output.valid, `${apiPath} ${status}: ${JSON.stringify(body).slice(0, 300)}`).toBe(true);
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document with every route", async () => {
    const output = await validate("https://spec.openapis.org/oas/3.1/schema-base", doc as never);
    expect(output.valid).toBe(true);
    expect(Object.keys(doc.paths).sort()).toEqual(ROUTES.map((r) => `/api/events/{slug}/${r.name}${r.item ? `/{${r.item}}` : ""}`).sort());
  });

  it("rejects an answer that breaks the schema (the check has teeth)", async () => {
    const schema = `${docUri}#/${pointer("paths", "/api/events/{slug}/submissions/{code}", "get", "responses", "200", "content", "application/json", "schema")}`;
    expect((await validate(schema, { code: "ABCDEF" } as never)).valid).toBe(false);
  });

  it("describes every real answer of every route, with every scope and without", async () => {
    const db = getDb();
    const w = await apiWorld(db);
    const full = await w.token();
    const narrow = await w.token(["proposals", "speakers", "reviews"]);
    const reviewId = (await db.review.findFirstOrThrow({ where: { proposalId: w.submitted.id } })).id;
    const items: Record<string, string> = { submissions: w.submitted.code, speakers: w.speaker.code, reviews: reviewId, questions: "1" };
    for (const r of ROUTES) {
      const apiPath = `/api/events/{slug}/${r.name}${r.item ? `/{${r.item}}` : ""}`;
      for (const token of [full, narrow]) {
        const ok = await call(r, w.event.slug, { token, item: items[r.name], query: r.item ? undefined : "page_size=2" });
        await expectValid(apiPath, ok.status, ok.body);
      }
      const denied = await call(r, w.event.slug, { token: null, item: items[r.name] });
      await expectValid(apiPath, denied.status, denied.body);
    }
  });
});
