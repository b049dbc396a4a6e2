import { CODE_PATTERN } from "@/lib/identifiers/public-code";
import { signedInAs } from "@/lib/auth/actor";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import { createEvent, createUser, type EventFixture } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { previewImport, runImport, uploadImport } from "@/lib/imports/run";
import type { ImportFormat } from "@/lib/imports/types";
import { createWebhookEndpoint } from "@/lib/webhook-endpoints/endpoints";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { expectDomainError } from "./helpers";

const getDb = useTestDb();
const OURS = path.resolve(__dirname, "../fixtures/imports");
// The real examples from other projects, copied unchanged into the repository (tests/fixtures/interop/README.md).
const INTEROP = process.env.INTEROP_FIXTURES ?? path.resolve(__dirname, "../fixtures/interop");
const ours = (name: string) => readFileSync(path.join(OURS, name), "utf8");
const real = (name: string) => readFileSync(path.join(INTEROP, name), "utf8");

async function upload(db: Db, event: EventFixture, format: ImportFormat, content: string) {
  const { id } = await uploadImport(db, signedInAs(event.organizer.id), event.id, { format, fileName: `${format}.json`, content });
  return id;
}

async function importFile(db: Db, event: EventFixture, format: ImportFormat, content: string) {
  return runImport(db, signedInAs(event.organizer.id), event.id, await upload(db, event, format, content));
}

async function proposalsOf(db: Db, eventId: string) {
  const rows = await db.proposal.findMany({
    where: { eventId },
    orderBy: { title: "asc" },
    select: {
      title: true,
      status: true,
      pendingDecision: true,
      level: true,
      notes: true,
      sessionType: { select: { name: true, durationMinutes: true } },
      track: { select: { name: true } },
      speakers: { orderBy: { id: "asc" }, select: { role: true, user: { select: { email: true, name: true } } } },
    },
  });
  // The owner first, then co-speakers in the file's order (ids are created in order).
  const ownerFirst = (r: (typeof rows)[number]) => [...r.speakers].sort((a, b) => Number(b.role === "OWNER") - Number(a.role === "OWNER"));
  return new Map(rows.map((r) => [r.title, { ...r, speakers: ownerFirst(r) }]));
}

/** The event's answers as [question, owner (proposal title or speaker name), answer as read]. */
async function answersIn(db: Db, eventId: string) {
  const rows = await db.answer.findMany({
    where: { question: { eventId } },
    select: {
      answer: true,
      question: { select: { question: true, variant: true, target: true } },
      proposal: { select: { title: true } },
      speaker: { select: { name: true } },
      options: { orderBy: { position: "asc" }, select: { answer: true } },
    },
  });
  return rows
    .map((a) => [
      a.question.question,
      a.proposal?.title ?? a.speaker?.name,
      a.options.length ? a.options.map((o) => o.answer).join(", ") : a.answer,
    ])
    .sort((x, y) => String(x).localeCompare(String(y)));
}

describe("import from Sessionize (All data JSON)", () => {
  it("previews what is created, matched and skipped, per row, and writes nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await createUser(db, { email: "yuki@example.net", name: "Yuki T." });
    const id = await upload(db, event, "sessionize", ours("sessionize-all-data.json"));
    const before = await db.proposal.count();
    const preview = await previewImport(db, signedInAs(event.organizer.id), event.id, id);

    expect(preview.rows.map((r) => [r.sourceId, r.action, r.status])).toEqual([
      ["401001", "create", "CONFIRMED"],
      ["401002", "create", "WAITLISTED"],
      ["401003", "create", "REJECTED"],
      ["401004", "create", "SUBMITTED"],
      ["401005", "skip", null],
    ]);
    expect(preview.rows[4].reason).toMatch(/service session/);
    expect(preview.rows[1].speakers.map((s) => [s.name, s.action])).toEqual([
      ["Kofi Mensah", "create"],
      ["Ines Duarte", "match"],
    ]);
    expect(preview.rows[2].speakers).toEqual([expect.objectContaining({ email: "yuki@example.net", action: "match" })]);
    expect(preview.counts).toEqual({
      create: 4,
      skip: 1,
      speakersCreated: 2,
      speakersMatched: 3,
      questionsCreated: 2,
      questionsMatched: 0,
      answers: 2,
    });
    expect(preview.questions.map((q) => [q.question, q.target, q.variant, q.action, q.answers])).toEqual([
      ["Have you given this talk before?", "SUBMISSION", "STRING", "create", 1],
      ["First time speaking at a conference?", "SPEAKER", "BOOLEAN", "create", 1],
    ]);
    // Question 99 is not in the file's questions: its answer stays in the notes.
    expect(preview.rows[0]).toMatchObject({ answers: 1, answersInNotes: 1 });
    expect(preview.newSessionTypes).toEqual([{ name: "Workshop (90 min)", durationMinutes: 90 }]);
    expect(preview.newTracks).toEqual(["Parsing"]);
    expect(await db.proposal.count()).toBe(before);
  });

  it("imports in the statuses they had, emails nobody, fires no webhook, and a second import creates nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await createWebhookEndpoint(
      db,
      signedInAs(event.organizer.id),
      event.id,
      { url: "https://hooks.example.org/x", eventTypes: [...WEBHOOK_EVENT_TYPES] },
      { allowPrivate: false },
    );
    const counts = await importFile(db, event, "sessionize", ours("sessionize-all-data.json"));
    expect(counts.create).toBe(4);

    const p = await proposalsOf(db, event.id);
    expect(p.get("Async Rust in Embedded Systems with Embassy")).toMatchObject({
      status: "CONFIRMED",
      level: "ADVANCED",
      sessionType: { name: "Talk" },
      track: { name: "Systems & Embedded" },
      notes: "Question 99: Ask me about Embassy",
    });
    // Answers to the file's questions are answers here, to questions created as the file defines them.
    expect(await answersIn(db, event.id)).toEqual([
      ["First time speaking at a conference?", "Ines Duarte", "true"],
      ["Have you given this talk before?", "Async Rust in Embedded Systems with Embassy", "Yes, at RustLab 2025"],
    ]);
    expect(p.get("Zero-Copy Parsing with nom")).toMatchObject({
      status: "WAITLISTED",
      sessionType: { name: "Workshop (90 min)", durationMinutes: 90 },
    });
    expect(p.get("Zero-Copy Parsing with nom")!.speakers.map((s) => s.role)).toEqual(["OWNER", "COSPEAKER"]);
    expect(p.get("Writing a Kernel Module in Rust")!.status).toBe("REJECTED");
    expect(p.get("Tokio Internals")).toMatchObject({ status: "SUBMITTED", pendingDecision: "ACCEPTED" });
    // Kofi has no address in the file: an account that cannot receive mail, found again by his Sessionize id.
    const kofi = await db.user.findFirstOrThrow({ where: { name: "Kofi Mensah" } });
    expect(kofi.email).toMatch(/^sessionize-[0-9a-f]{16}@import\.invalid$/);
    // Imported people and proposals get their stable identifiers (ADR 0021): codes, numbers 1..n in the event.
    expect(kofi.code).toMatch(CODE_PATTERN);
    const ids = await db.proposal.findMany({ where: { eventId: event.id }, select: { code: true, number: true, guid: true } });
    expect(ids.every((x) => CODE_PATTERN.test(x.code) && x.guid.length > 0)).toBe(true);
    expect(ids.map((x) => x.number).sort()).toEqual([1, 2, 3, 4]);
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.webhookDelivery.count()).toBe(0);
    const lines = await db.proposalActivity.findMany({ where: { kind: "status" } });
    expect(lines.every((l) => JSON.parse(l.data).imported === true)).toBe(true);

    const users = await db.user.count();
    const again = await importFile(db, event, "sessionize", ours("sessionize-all-data.json"));
    expect(again).toMatchObject({ create: 0, skip: 5, speakersCreated: 0, questionsCreated: 0, questionsMatched: 2, answers: 0 });
    expect(await db.proposal.count({ where: { eventId: event.id } })).toBe(4);
    expect(await db.user.count()).toBe(users);
    expect(await db.question.count({ where: { eventId: event.id } })).toBe(2);
    expect(await db.answer.count()).toBe(2);
  });
});

describe("import from pretalx", () => {
  it("reads an API page: states mapped, drafts skipped, one person for one address", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const id = await upload(db, event, "pretalx", ours("pretalx-submissions.json"));
    const preview = await previewImport(db, signedInAs(event.organizer.id), event.id, id);
    expect(preview.rows.map((r) => [r.sourceId, r.action, r.status])).toEqual([
      ["QXJRT", "create", "ACCEPTED"],
      ["ZP8WE", "create", "WITHDRAWN"],
      ["DRFT1", "skip", null],
    ]);
    expect(preview.rows[2].reason).toMatch(/draft/);
    await runImport(db, signedInAs(event.organizer.id), event.id, id);
    const p = await proposalsOf(db, event.id);
    expect(p.get("The Borrow Checker, Explained with Pictures")).toMatchObject({
      status: "ACCEPTED",
      track: { name: "Web & Async" },
      notes: "",
    });
    // The answer's expanded question (no kind given) becomes a long-text question.
    expect(await answersIn(db, event.id)).toEqual([["Dietary needs?", "The Borrow Checker, Explained with Pictures", "Vegetarian"]]);
    expect(await db.question.findFirst({ where: { eventId: event.id } })).toMatchObject({ variant: "TEXT", target: "SUBMISSION" });
    expect(p.get("Const Generics in Practice")).toMatchObject({ status: "WITHDRAWN", sessionType: { name: "Lightning talk" } });
    expect(await db.user.count({ where: { email: "ana@example.org" } })).toBe(1);
  });

  it("imports the pretalx documentation's submission (the real example file)", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await importFile(db, event, "pretalx", real("c3voc/submission-json/examples/pretalx-submission.json"));
    const [only] = [...(await proposalsOf(db, event.id)).values()];
    expect(only).toMatchObject({ title: "A talk", status: "CONFIRMED", sessionType: { name: "Talk", durationMinutes: 30 } });
    // "talk" is the event's "Talk": session types and tracks match by name, whatever the case.
    expect(only.notes).toBe("Please make sure you give me red M&Ms");
    expect(await answersIn(db, event.id)).toEqual([["How much do you like green, on a scale from 1-10?", "A talk", "11"]]);
    expect(only.speakers[0].user).toMatchObject({ name: "Jane", email: expect.stringMatching(/@import\.invalid$/) });
  });
});

describe("import from Conference Hall", () => {
  it("maps deliberation, publication and confirmation, formats and categories", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await importFile(db, event, "conference-hall", ours("conference-hall-event.json"));
    const p = await proposalsOf(db, event.id);
    expect(p.get("Rust on the GPU with wgpu")).toMatchObject({
      status: "DECLINED",
      track: { name: "Graphics" },
      sessionType: { name: "Talk" },
    });
    // Rejected but not published there: submitted here, with the rejection pending.
    expect(p.get("Error Handling Beyond anyhow")).toMatchObject({ status: "SUBMITTED", pendingDecision: "REJECTED", level: "BEGINNER" });
    expect(await db.user.count({ where: { email: "camille@example.fr" } })).toBe(1);
    const camille = await db.user.findFirstOrThrow({ where: { email: "camille@example.fr" }, include: { profile: true } });
    expect(camille.profile).toMatchObject({ company: "Ubisoft", bio: "Graphics programmer." });
  });
});

describe("import from the c3voc submission JSON", () => {
  it("imports frab's example (the real file): speakers by address, duration in seconds read as minutes", async () => {
    const db = getDb();
    const event = await createEvent(db);
    await importFile(db, event, "c3voc", real("c3voc/submission-json/examples/frab-event.json"));
    const [only] = [...(await proposalsOf(db, event.id)).values()];
    expect(only).toMatchObject({
      title: "Vanity Fair",
      status: "SUBMITTED",
      sessionType: { name: "workshop", durationMinutes: 45 },
      track: { name: "online" },
    });
    expect(only.speakers.map((s) => s.user)).toEqual([
      { email: "royce_jakubowski@example.net", name: "Royce Jakubowski" },
      { email: "tillman.neida@example.org", name: "Neida Tillman" },
    ]);
  });
});

describe("bad files", () => {
  it("names the line and column of a JSON syntax error", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const error = await expectDomainError(upload(db, event, "sessionize", '{\n  "sessions": [\n    { "id": 1, }\n  ]\n}'), "invalid");
    expect(error.message).toMatch(/not valid JSON \(line 3, column \d+\)/);
    expect(await db.importUpload.count()).toBe(0);
  });

  it("names the path of the first problems", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const file = JSON.stringify({ sessions: [{ id: "1", title: "Fine" }, { id: "2" }, { id: "3", title: 42 }] });
    const error = await expectDomainError(upload(db, event, "sessionize", file), "invalid");
    expect(error.message).toContain("sessions[1].title");
    expect(error.message).toContain("sessions[2].title");
    const wrongTool = await expectDomainError(upload(db, event, "conference-hall", ours("sessionize-all-data.json")), "invalid");
    expect(wrongTool.message).toMatch(/This file cannot be imported/);
  });

  it("refuses files over the size limit", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const error = await expectDomainError(upload(db, event, "c3voc", " ".repeat(300 * 1024)), "invalid");
    expect(error.message).toMatch(/larger than 240 kB/);
  });

  it("leaves nothing half-imported when a row fails to write", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const id = await upload(db, event, "sessionize", ours("sessionize-all-data.json"));
    // A stale record pointing at a person who no longer exists makes a later row fail.
    await db.importRecord.create({
      data: {
        eventId: event.id,
        source: "sessionize",
        kind: "speaker",
        sourceId: "a1f0c7e2-0003-4c1e-9a55-000000000003",
        targetId: "gone",
      },
    });
    await expect(runImport(db, signedInAs(event.organizer.id), event.id, id)).rejects.toThrow();
    expect(await db.proposal.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.user.count({ where: { name: "Kofi Mensah" } })).toBe(0);
    expect(await db.importUpload.count()).toBe(1);
  });

  it("two imports of one upload at once: one imports, the other is told", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const id = await upload(db, event, "pretalx", ours("pretalx-submissions.json"));
    const results = await Promise.allSettled([
      runImport(db, signedInAs(event.organizer.id), event.id, id),
      runImport(db, signedInAs(event.organizer.id), event.id, id),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.proposal.count({ where: { eventId: event.id } })).toBe(2);
  });
});
