// Custom questions in the read API (pretalx's question and answer shapes) and
// as export columns: personal-data answers only with the "personal" scope or
// the personal-data choice, nothing from another event, a draft or a proposal
// the token's creator speaks on, and only questions shown to reviewers in a
// blind export.
import "@/tests/security/support/mock-next";
import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { csvObjects } from "@/tests/support/csv-parse";
import type { Db } from "@/lib/db/client";
import { createQuestion } from "@/lib/questions/manage";
import { questionInput } from "@/lib/questions/schemas";
import { exportOptions } from "@/lib/exports/options";
import { startExport } from "@/lib/exports/start-export";
import { listQuery } from "@/lib/proposals/organizer-list";
import { apiWorld, type ApiWorld } from "./api-world";
import { call, route } from "./api-routes";

const getDb = useTestDb();

async function ask(db: Db, w: ApiWorld, fields: Record<string, unknown>, eventId = w.event.id, by = w.organizer.id) {
  const input = questionInput.parse({ target: "SUBMISSION", variant: "STRING", visibleToReviewers: "on", ...fields });
  const { id } = await createQuestion(db, signedInAs(by), eventId, input);
  return db.question.findUniqueOrThrow({ where: { id }, include: { options: { orderBy: { position: "asc" } } } });
}

/** Questions and answers on the API world: a proposal question, a personal-data one, a hidden one, a choice, a speaker and a review question. */
async function questionWorld(db: Db) {
  const w = await apiWorld(db);
  const demos = await ask(db, w, { question: "How many live demos?", variant: "NUMBER", maxNumber: "5" });
  const phone = await ask(db, w, { question: "Phone during the event", personalData: "on" });
  const hidden = await ask(db, w, { question: "Internal note", visibleToReviewers: "" });
  const recording = await ask(db, w, { question: "Recording consent", variant: "CHOICES", options: "Yes\nAudio only\nNo" });
  const pronouns = await ask(db, w, { question: "Pronouns", target: "SPEAKER" });
  const confidence = await ask(db, w, { question: "Confidence", target: "REVIEWER", variant: "BOOLEAN" });
  const elsewhere = await ask(db, w, { question: "Other event's question" }, w.other.id, w.other.organizer.id);

  const review = await db.review.findFirstOrThrow({ where: { proposalId: w.submitted.id } });
  await db.answer.createMany({
    data: [
      { questionId: demos.id, proposalId: w.submitted.id, answer: "2" },
      { questionId: phone.id, proposalId: w.submitted.id, answer: "+33 6 12 34 56 78" },
      { questionId: hidden.id, proposalId: w.submitted.id, answer: "=cmd| organizers only" },
      { questionId: demos.id, proposalId: w.draft.id, answer: "4" },
      { questionId: demos.id, proposalId: w.own.id, answer: "5" },
      { questionId: pronouns.id, speakerId: w.speaker.id, answer: "she/her" },
      { questionId: confidence.id, reviewId: review.id, answer: "true" },
    ],
  });
  await db.answer.create({
    data: {
      questionId: recording.id,
      proposalId: w.accepted.id,
      options: { connect: [{ id: recording.options[1].id }] },
    },
  });
  return { ...w, demos, phone, hidden, recording, pronouns, confidence, elsewhere };
}

describe("GET /api/events/{slug}/questions", () => {
  it("lists the event's questions in pretalx's shape, in form order, and one by id; another event's is not found", async () => {
    const db = getDb();
    const w = await questionWorld(db);
    const token = await w.token(["proposals"]);
    const { status, body } = await call(route("questions"), w.event.slug, { token });
    expect(status).toBe(200);
    expect(body.count).toBe(6);
    expect(body.results!.map((q) => q.question)).toEqual([
      "How many live demos?",
      "Phone during the event",
      "Internal note",
      "Recording consent",
      "Pronouns",
      "Confidence",
    ]);
    expect(body.results![0]).toMatchObject({
      id: w.demos.id,
      variant: "number",
      target: "submission",
      question_required: "optional",
      required: false,
      max_number: 5,
      contains_personal_data: false,
      is_visible_to_reviewers: true,
      options: [],
    });
    expect(body.results![3]).toMatchObject({
      variant: "choices",
      options: w.recording.options.map((o) => ({ id: o.id, identifier: o.identifier, answer: o.answer, position: o.position })),
    });
    expect(body.results![1]).toMatchObject({ contains_personal_data: true });
    expect(body.results!.map((q) => q.target)).toEqual(["submission", "submission", "submission", "submission", "speaker", "reviewer"]);

    const paged = await call(route("questions"), w.event.slug, { token, query: "page_size=2&page=2" });
    expect(paged.body.results!.map((q) => q.question)).toEqual(["Internal note", "Recording consent"]);

    const one = await call(route("questions", "id"), w.event.slug, { token, item: w.recording.id });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: w.recording.id, question: "Recording consent" });
    expect((await call(route("questions", "id"), w.event.slug, { token, item: w.elsewhere.id })).status).toBe(404);
    expect((await call(route("questions", "id"), w.event.slug, { token: null, item: w.recording.id })).status).toBe(401);
  });
});

describe("answers in GET /api/events/{slug}/submissions", () => {
  it("carries proposal answers (option labels for choices), personal-data ones only with the personal scope", async () => {
    const db = getDb();
    const w = await questionWorld(db);
    const answersOf = (body: { results?: Record<string, unknown>[] }, code: string) =>
      (body.results!.find((r) => r.code === code)!.answers as Record<string, unknown>[]).map((a) => [a.question, a.answer]);

    const narrow = (await call(route("submissions"), w.event.slug, { token: await w.token(["proposals"]) })).body;
    expect(answersOf(narrow, w.submitted.code)).toEqual([
      [w.demos.id, "2"],
      [w.hidden.id, "=cmd| organizers only"],
    ]);
    expect(answersOf(narrow, w.accepted.code)).toEqual([[w.recording.id, "Audio only"]]);
    expect(answersOf(narrow, w.waitlisted.code)).toEqual([]);
    const choice = (narrow.results!.find((r) => r.code === w.accepted.code)!.answers as Record<string, unknown>[])[0];
    expect(choice).toMatchObject({ submission: w.accepted.code, person: null, review: null, options: [w.recording.options[1].id] });
    // Speaker and review answers are not a submission's; the draft and the creator's own proposal are out of reach.
    expect(JSON.stringify(narrow)).not.toContain("she/her");
    expect(JSON.stringify(narrow)).not.toContain("+33 6");

    const personal = (await call(route("submissions"), w.event.slug, { token: await w.token(["proposals", "personal"]) })).body;
    expect(answersOf(personal, w.submitted.code)).toEqual([
      [w.demos.id, "2"],
      [w.phone.id, "+33 6 12 34 56 78"],
      [w.hidden.id, "=cmd| organizers only"],
    ]);
    const one = await call(route("submissions", "code"), w.event.slug, { token: await w.token(["proposals"]), item: w.submitted.code });
    expect((one.body.answers as unknown[]).length).toBe(2);
  });
});

async function exportRows(db: Db, actorId: string, eventId: string, params: Record<string, string>) {
  const options = exportOptions.parse(params);
  const out = await startExport(db, signedInAs(actorId), eventId, options, { from: "list", query: listQuery.parse(params) });
  return csvObjects((await new Response(out.stream).text()).replace(/^\uFEFF/, ""));
}

describe("answers as export columns", () => {
  it("one column per question of the export's kind; personal data only when chosen; a blind export only what reviewers see", async () => {
    const db = getDb();
    const w = await questionWorld(db);

    const proposals = await exportRows(db, w.organizer.id, w.event.id, {});
    expect(Object.keys(proposals[0])).toEqual(expect.arrayContaining(["How many live demos?", "Internal note", "Recording consent"]));
    expect(Object.keys(proposals[0])).not.toContain("Phone during the event");
    expect(Object.keys(proposals[0])).not.toContain("Pronouns");
    const byCode = new Map(proposals.map((r) => [r.code, r]));
    expect(byCode.get(w.submitted.code)).toMatchObject({ "How many live demos?": "2", "Internal note": "'=cmd| organizers only" });
    expect(byCode.get(w.accepted.code)).toMatchObject({ "Recording consent": "Audio only", "How many live demos?": "" });
    expect(JSON.stringify(proposals)).not.toContain("+33 6");

    const personal = await exportRows(db, w.organizer.id, w.event.id, { personal: "1" });
    expect(new Map(personal.map((r) => [r.code, r])).get(w.submitted.code)).toMatchObject({
      "Phone during the event": "'+33 6 12 34 56 78",
    });

    const blind = await exportRows(db, w.organizer.id, w.event.id, { blind: "1", personal: "1" });
    expect(Object.keys(blind[0])).toContain("How many live demos?");
    expect(Object.keys(blind[0])).not.toContain("Internal note");
    expect(Object.keys(blind[0])).not.toContain("Phone during the event");

    const speakers = await exportRows(db, w.organizer.id, w.event.id, { kind: "speakers" });
    expect(Object.keys(speakers[0])).toContain("Pronouns");
    expect(Object.keys(speakers[0])).not.toContain("How many live demos?");
    expect(speakers.find((r) => r.name === "Zoë O'Brien")).toMatchObject({ Pronouns: "she/her" });

    const reviews = await exportRows(db, w.organizer.id, w.event.id, { kind: "reviews" });
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ Confidence: "true" });

    // Another event's organizer exports their own event: none of these columns.
    const other = await exportRows(db, w.other.organizer.id, w.other.id, {});
    expect(Object.keys(other[0])).toContain("Other event's question");
    expect(Object.keys(other[0])).not.toContain("How many live demos?");
  });
});
