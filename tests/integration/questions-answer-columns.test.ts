import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import { useTestDb } from "@/tests/support/test-db";
import { addOrganizer, addReviewer, createEvent, createProposal, createReview, createUser, type EventFixture } from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { createQuestion } from "@/lib/questions/manage";
import { questionInput } from "@/lib/questions/schemas";
import { MAX_ANSWER_COLUMNS } from "@/lib/questions/answer-view";
import { listEventProposals, listQuery } from "@/lib/proposals/organizer-list";
import { rankingPage } from "@/lib/reviews/ranking/ranking-page";
import { rankingQuery } from "@/lib/reviews/ranking/query";
import { exportOptions } from "@/lib/exports/options";
import { startExport } from "@/lib/exports/start-export";
import type { ExportFilters } from "@/lib/exports/where";
import { csvObjects } from "@/tests/support/csv-parse";
import { expectDenied } from "./helpers";

// Answer columns, the answer filter and the counts per option on the
// organizer's proposal list, shared with the ranking (lib/questions/answer-view.ts).

const getDb = useTestDb();

async function ask(db: Db, event: EventFixture, overrides: Record<string, unknown>) {
  const input = questionInput.parse({
    target: "SUBMISSION",
    variant: "STRING",
    question: "Anything else?",
    visibleToReviewers: "on",
    ...overrides,
  });
  const q = await createQuestion(db, signedInAs(event.organizer.id), event.id, input);
  return db.question.findUniqueOrThrow({ where: { id: q.id }, include: { options: { orderBy: { position: "asc" } } } });
}

/** An event with a choice, a yes/no speaker, a text and a review question, and four proposals answering them. */
async function answeredEvent(db: Db) {
  const event = await createEvent(db);
  const recording = await ask(db, event, {
    variant: "CHOICES",
    question: "Recording consent",
    options: "Record it\nAudio only\nNo recording",
  });
  const first = await ask(db, event, { target: "SPEAKER", variant: "BOOLEAN", question: "First talk?" });
  const needs = await ask(db, event, {
    variant: "STRING",
    question: "Anything we should know?",
    personalData: "on",
    visibleToReviewers: "",
  });
  const confidence = await ask(db, event, { target: "REVIEWER", variant: "CHOICES", question: "Confidence", options: "Low\nHigh" });
  const [record, audio, none] = recording.options;
  const [low, high] = confidence.options;
  const mara = await createUser(db, { name: "Mara" });
  const jonas = await createUser(db, { name: "Jonas" });
  const a = await createProposal(db, { event, speaker: mara, title: "Alpha" });
  const b = await createProposal(db, { event, speaker: jonas, title: "Beta", cospeakers: [mara] });
  const c = await createProposal(db, { event, title: "Gamma", status: "accepted" });
  const draft = await createProposal(db, { event, speaker: mara, title: "Draft", status: "draft" });
  const choose = (proposalId: string, optionId: string) =>
    db.answer.create({ data: { questionId: recording.id, proposalId, options: { connect: [{ id: optionId }] } } });
  await choose(a.id, audio.id);
  await choose(b.id, audio.id);
  await choose(c.id, none.id);
  await choose(draft.id, record.id);
  await db.answer.create({ data: { questionId: first.id, speakerId: mara.id, answer: "true" } });
  await db.answer.create({ data: { questionId: first.id, speakerId: jonas.id, answer: "false" } });
  await db.answer.create({ data: { questionId: needs.id, proposalId: a.id, answer: "Step-free access" } });
  const reviewer = await addReviewer(db, event);
  const other = await addReviewer(db, event);
  for (const [r, option] of [
    [reviewer, high],
    [other, high],
  ] as const) {
    const review = await createReview(db, { proposal: a, reviewer: r });
    await db.answer.create({ data: { questionId: confidence.id, reviewId: review.id, options: { connect: [{ id: option.id }] } } });
  }
  const review = await createReview(db, { proposal: b, reviewer });
  await db.answer.create({ data: { questionId: confidence.id, reviewId: review.id, options: { connect: [{ id: low.id }] } } });
  return {
    event,
    recording,
    first,
    needs,
    confidence,
    options: { record, audio, none, low, high },
    proposals: { a, b, c, draft },
    reviewer,
  };
}

const list = (db: Db, event: EventFixture, query: Record<string, unknown>, actorId = event.organizer.id) =>
  listEventProposals(db, signedInAs(actorId), event.id, listQuery.parse({ sort: "title", dir: "asc", ...query }));
const countsOf = (counts: { question: string; answered: number; counts: { label: string; count: number }[] }[]) =>
  counts.map((c) => [c.question, c.answered, c.counts.map((x) => `${x.label}=${x.count}`).join(" ")]);

describe("the organizer's proposal list shows picked answer columns", () => {
  it("one text per picked column, in the picked order: the proposal's answer, its speakers', its reviews' tallied", async () => {
    const db = getDb();
    const w = await answeredEvent(db);
    const page = await list(db, w.event, { column: [w.confidence.id, w.recording.id, w.first.id, w.needs.id] });
    expect(page.answers.picked.map((p) => p.question)).toEqual([
      "Confidence",
      "Recording consent",
      "First talk?",
      "Anything we should know?",
    ]);
    expect(page.rows.map((r) => [r.title, ...r.answers])).toEqual([
      ["Alpha", "High ×2", "Audio only", "Mara: Yes", "Step-free access"],
      ["Beta", "Low", "Audio only", expect.stringMatching(/^(Jonas: No; Mara: Yes|Mara: Yes; Jonas: No)$/), ""],
      ["Gamma", "", "No recording", "", ""],
    ]);
    // Without columns picked, nothing is read or shown.
    const plain = await list(db, w.event, {});
    expect(plain.answers.picked).toEqual([]);
    expect(plain.rows.every((r) => r.answers.length === 0)).toBe(true);
    expect(plain.answers.columns.map((c) => c.question)).toEqual([
      "Recording consent",
      "First talk?",
      "Anything we should know?",
      "Confidence",
    ]);
    expect(plain.answers.filterable.map((f) => [f.question, f.choices.map((c) => c.label)])).toEqual([
      ["Recording consent", ["Record it", "Audio only", "No recording"]],
      ["First talk?", ["Yes", "No"]],
      ["Confidence", ["Low", "High"]],
    ]);
  });

  it("filters by an answer (a choice, a speaker's yes/no, a review's choice); an unknown answer matches nothing", async () => {
    const db = getDb();
    const w = await answeredEvent(db);
    const titles = async (answer: string) => {
      const page = await list(db, w.event, { answer });
      expect(page.total).toBe(page.rows.length);
      return page.rows.map((r) => r.title);
    };
    expect(await titles(`${w.recording.id}:${w.options.audio.id}`)).toEqual(["Alpha", "Beta"]);
    expect(await titles(`${w.recording.id}:${w.options.record.id}`)).toEqual([]); // only the draft picked it
    expect(await titles(`${w.first.id}:false`)).toEqual(["Beta"]);
    expect(await titles(`${w.first.id}:true`)).toEqual(["Alpha", "Beta"]);
    expect(await titles(`${w.confidence.id}:${w.options.high.id}`)).toEqual(["Alpha"]);
    expect(await titles(`${w.needs.id}:true`)).toEqual([]); // a text question is not a filter
    expect(await titles(`unknown:true`)).toEqual([]);
    // Combined with the list's own filters.
    const accepted = await list(db, w.event, { answer: `${w.recording.id}:${w.options.none.id}`, status: "ACCEPTED" });
    expect(accepted.rows.map((r) => r.title)).toEqual(["Gamma"]);
  });

  it("counts per option of the picked yes/no and choice columns over every proposal the filters keep, drafts never", async () => {
    const db = getDb();
    const w = await answeredEvent(db);
    const all = await list(db, w.event, { column: [w.recording.id, w.needs.id, w.first.id, w.confidence.id] });
    expect(countsOf(all.answers.counts)).toEqual([
      ["Recording consent", 3, "Record it=0 Audio only=2 No recording=1"],
      ["First talk?", 2, "Yes=1 No=1"],
      ["Confidence", 3, "Low=1 High=2"],
    ]);
    // Counted over the filtered proposals, not only the page shown.
    const paged = await list(db, w.event, { column: [w.recording.id], page: "2" });
    expect(paged.rows).toEqual([]);
    expect(countsOf(paged.answers.counts)).toEqual([["Recording consent", 3, "Record it=0 Audio only=2 No recording=1"]]);
    const filtered = await list(db, w.event, { column: [w.recording.id, w.first.id], answer: `${w.first.id}:false` });
    expect(countsOf(filtered.answers.counts)).toEqual([
      ["Recording consent", 1, "Record it=0 Audio only=1 No recording=0"],
      ["First talk?", 2, "Yes=1 No=1"], // Beta's two speakers
    ]);
  });

  it("leaves out the proposals the organizer speaks on, from rows, filter and counts; reviewers get nothing", async () => {
    const db = getDb();
    const w = await answeredEvent(db);
    const colleague = await addOrganizer(db, w.event);
    const own = await createProposal(db, { event: w.event, speaker: colleague, title: "Own" });
    await db.answer.create({
      data: { questionId: w.recording.id, proposalId: own.id, options: { connect: [{ id: w.options.audio.id }] } },
    });
    const mine = await list(db, w.event, { column: [w.recording.id], answer: `${w.recording.id}:${w.options.audio.id}` }, colleague.id);
    expect(mine.rows.map((r) => r.title)).toEqual(["Alpha", "Beta"]);
    expect(countsOf(mine.answers.counts)).toEqual([["Recording consent", 2, "Record it=0 Audio only=2 No recording=0"]]);
    const theirs = await list(db, w.event, { column: [w.recording.id] });
    expect(theirs.rows.find((r) => r.title === "Own")?.answers).toEqual(["Audio only"]);

    await expectDenied(db, "forbidden", () => list(db, w.event, { column: [w.recording.id] }, w.reviewer.id));
    const stranger = await createUser(db);
    await expectDenied(db, "not_found", () => list(db, w.event, {}, stranger.id));
  });

  it("the ranking shows the same columns, filter and counts: one shared piece", async () => {
    const db = getDb();
    const w = await answeredEvent(db);
    const query = { column: [w.recording.id, w.first.id], answer: `${w.recording.id}:${w.options.audio.id}`, sort: "title", dir: "asc" };
    const ranking = await rankingPage(db, signedInAs(w.event.organizer.id), w.event.id, rankingQuery.parse(query));
    const listed = await list(db, w.event, query);
    expect(ranking.rows.map((r) => [r.title, ...r.answers])).toEqual(listed.rows.map((r) => [r.title, ...r.answers]));
    expect(ranking.answers.counts).toEqual(listed.answers.counts);
  });
});

describe("exports with an answer filter", () => {
  it("export what the list and the ranking show: the same proposals for the same answer", async () => {
    const db = getDb();
    const w = await answeredEvent(db);
    const exported = async (params: Record<string, string>) => {
      const options = exportOptions.parse(params);
      const filters: ExportFilters =
        options.from === "ranking"
          ? { from: "ranking", query: rankingQuery.parse(params) }
          : { from: "list", query: listQuery.parse(params) };
      const out = await startExport(db, signedInAs(w.event.organizer.id), w.event.id, options, filters);
      return csvObjects(await new Response(out.stream).text())
        .map((r) => r.title)
        .sort();
    };
    const audio = `${w.recording.id}:${w.options.audio.id}`;
    expect(await exported({ from: "list", answer: audio })).toEqual(["Alpha", "Beta"]);
    expect(await exported({ from: "ranking", answer: audio })).toEqual(["Alpha", "Beta"]);
    expect(await exported({ from: "list", answer: `${w.first.id}:false` })).toEqual(["Beta"]);
    expect(await exported({ from: "list" })).toEqual(["Alpha", "Beta", "Gamma"]);
  });
});

describe("the answer parameters", () => {
  it("take one column or several, in order, without repeats or junk, at most the limit", () => {
    expect(listQuery.parse({ column: "q1" }).column).toEqual(["q1"]);
    expect(listQuery.parse({ column: ["q2", "q1", "q2", ""] }).column).toEqual(["q2", "q1"]);
    expect(listQuery.parse({}).column).toEqual([]);
    expect(listQuery.parse({ column: 7 }).column).toEqual([]);
    const many = Array.from({ length: MAX_ANSWER_COLUMNS + 3 }, (_, i) => `q${i}`);
    expect(rankingQuery.parse({ column: many }).column).toEqual(many.slice(0, MAX_ANSWER_COLUMNS));
    expect(listQuery.parse({ answer: "q1:o1" }).answer).toBe("q1:o1");
    expect(listQuery.parse({ answer: "not an answer" }).answer).toBeUndefined();
  });
});
