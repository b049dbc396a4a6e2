// Round trip (issue 13): an event exported "for import" and imported into an
// empty event gives the same proposals, speakers and answers, with the
// questions recreated as they were; importing the file again creates nothing.
import { describe, expect, it } from "vitest";
import { signedInAs } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { exportOptions } from "@/lib/exports/options";
import { startExportForImport } from "@/lib/imports/export-file";
import { previewImport, runImport, uploadImport } from "@/lib/imports/run";
import { createQuestion } from "@/lib/questions/manage";
import { questionInput } from "@/lib/questions/schemas";
import { listQuery } from "@/lib/proposals/organizer-list";
import { useTestDb } from "@/tests/support/test-db";
import { createEvent, createProposal, createSpeaker, type EventFixture } from "@/tests/factories";
import { expectDomainError } from "./helpers";

const getDb = useTestDb();

async function ask(db: Db, event: EventFixture, fields: Record<string, string>) {
  const input = questionInput.parse({ target: "SUBMISSION", variant: "STRING", visibleToReviewers: "on", ...fields });
  const { id } = await createQuestion(db, signedInAs(event.organizer.id), event.id, input);
  return db.question.findUniqueOrThrow({ where: { id }, include: { options: { orderBy: { position: "asc" } } } });
}

type Q = Awaited<ReturnType<typeof ask>>;
const pick = (q: Q, ...labels: string[]) => ({ connect: q.options.filter((o) => labels.includes(o.answer)).map((o) => ({ id: o.id })) });

/** An event with a session type and track of its own, questions of every kind for proposals and speakers, and proposals in every status. */
async function sourceEvent(db: Db) {
  const event = await createEvent(db);
  const workshop = await db.sessionType.create({ data: { eventId: event.id, name: "Workshop", durationMinutes: 90, position: 2 } });
  const embedded = await db.track.create({ data: { eventId: event.id, name: "Embedded Rust", position: 2 } });
  const q = {
    demo: await ask(db, event, { question: "Describe your demo", variant: "TEXT", helpText: "Hardware, network…", maxLength: "2000" }),
    demos: await ask(db, event, { question: "How many live demos?", variant: "NUMBER", minNumber: "0", maxNumber: "5" }),
    recording: await ask(db, event, { question: "May we record it?", variant: "BOOLEAN", requirement: "REQUIRED" }),
    format: await ask(db, event, { question: "Where will you present?", variant: "CHOICES", options: "In person\nRemote" }),
    topics: await ask(db, event, { question: "Topics", variant: "MULTIPLE_CHOICE", options: "Rust\nWeb\nEmbedded", maxChoices: "2" }),
    day: await ask(db, event, { question: "Preferred day", variant: "DATE", minDate: "2027-05-01", maxDate: "2027-05-31" }),
    pronouns: await ask(db, event, { question: "Pronouns", target: "SPEAKER", isPublic: "on" }),
    shirt: await ask(db, event, { question: "T-shirt size", target: "SPEAKER", variant: "CHOICES", options: "S\nM\nL" }),
    phone: await ask(db, event, { question: "Phone during the event", target: "SPEAKER", personalData: "on", visibleToReviewers: "" }),
  };
  const ada = await createSpeaker(db, {
    name: "Ada Brook",
    email: "ada@example.org",
    profile: {
      bio: "Embedded person.",
      company: "Ferrous",
      location: "Oslo",
      website: "https://ada.example.org",
      github: "adab",
      mastodon: "@ada@rust.social",
    },
  });
  const ben = await createSpeaker(db, { name: "Ben Okafor", email: "ben@example.org" });
  const cy = await createSpeaker(db, { name: "Cy Lund", email: "cy@example.org" });

  const confirmed = await createProposal(db, {
    event,
    speaker: ada,
    cospeakers: [ben],
    status: "confirmed",
    sessionType: workshop,
    track: embedded,
    title: "Embassy on a Pico",
    notes: "Needs a projector.",
    level: "ADVANCED",
  });
  const waitlisted = await createProposal(db, {
    event,
    speaker: ben,
    status: "waitlisted",
    pendingDecision: "ACCEPTED",
    title: "Zero-copy parsing",
    level: "BEGINNER",
  });
  const submitted = await createProposal(db, {
    event,
    speaker: cy,
    status: "submitted",
    pendingDecision: "REJECTED",
    sessionType: "lightning",
    track: null,
    title: "Const generics",
  });
  await createProposal(db, { event, speaker: cy, status: "accepted", title: "Tokio internals" });
  await createProposal(db, { event, speaker: ada, status: "rejected", title: "Kernel modules" });
  await createProposal(db, { event, speaker: ben, status: "declined", title: "Rust on the GPU" });
  await createProposal(db, { event, speaker: cy, status: "withdrawn", title: "Error handling" });
  await createProposal(db, { event, speaker: cy, status: "draft", title: "Half an idea" });

  await db.answer.createMany({
    data: [
      { questionId: q.demo.id, proposalId: confirmed.id, answer: "A board, a sensor,\nand a = sign" },
      { questionId: q.demos.id, proposalId: confirmed.id, answer: "3" },
      { questionId: q.recording.id, proposalId: confirmed.id, answer: "true" },
      { questionId: q.recording.id, proposalId: waitlisted.id, answer: "false" },
      { questionId: q.day.id, proposalId: waitlisted.id, answer: "2027-05-12" },
      { questionId: q.pronouns.id, speakerId: ada.id, answer: "she/her" },
      { questionId: q.phone.id, speakerId: ada.id, answer: "+47 555 0100" },
      { questionId: q.pronouns.id, speakerId: ben.id, answer: "he/him" },
    ],
  });
  await db.answer.create({ data: { questionId: q.format.id, proposalId: confirmed.id, options: pick(q.format, "Remote") } });
  await db.answer.create({ data: { questionId: q.topics.id, proposalId: confirmed.id, options: pick(q.topics, "Rust", "Embedded") } });
  await db.answer.create({ data: { questionId: q.topics.id, proposalId: submitted.id, options: pick(q.topics, "Web") } });
  await db.answer.create({ data: { questionId: q.shirt.id, speakerId: ben.id, options: pick(q.shirt, "L") } });
  return { event, q, speakers: [ada, ben, cy] };
}

async function exportForImport(db: Db, event: EventFixture, params: Record<string, string> = { personal: "1" }) {
  const options = exportOptions.parse({ format: "pretalx", ...params });
  const out = await startExportForImport(db, signedInAs(event.organizer.id), event.id, options, {
    from: "list",
    query: listQuery.parse({}),
  });
  expect(out.filename).toMatch(/for-import\.json$/);
  return new Response(out.stream).text();
}

async function upload(db: Db, event: EventFixture, content: string) {
  const { id } = await uploadImport(db, signedInAs(event.organizer.id), event.id, { format: "pretalx", fileName: "export.json", content });
  return id;
}

const options = (o: { answer: string }[]) => o.map((x) => x.answer);

/** What a round trip must keep: the event's proposals, their speakers, the questions and every answer, by content. */
async function contentOf(db: Db, eventId: string) {
  const questions = await db.question.findMany({
    where: { eventId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: {
      ...{ question: true, target: true, variant: true, helpText: true, requirement: true, minLength: true, maxLength: true },
      ...{ minNumber: true, maxNumber: true, minDate: true, maxDate: true, minChoices: true, maxChoices: true },
      ...{ visibleToReviewers: true, isPublic: true, personalData: true },
      options: { orderBy: { position: "asc" }, select: { answer: true, identifier: true } },
    },
  });
  const proposals = await db.proposal.findMany({
    where: { eventId, status: { not: "DRAFT" } },
    orderBy: { title: "asc" },
    select: {
      ...{ title: true, abstract: true, notes: true, level: true, status: true, pendingDecision: true },
      sessionType: { select: { name: true, durationMinutes: true } },
      track: { select: { name: true } },
      speakers: {
        select: {
          role: true,
          user: {
            select: {
              ...{ name: true, email: true },
              profile: { select: { bio: true, company: true, location: true, website: true, github: true, mastodon: true } },
            },
          },
        },
      },
      answers: {
        select: {
          answer: true,
          question: { select: { question: true } },
          options: { orderBy: { position: "asc" }, select: { answer: true } },
        },
      },
    },
  });
  const speakerAnswers = await db.answer.findMany({
    where: { question: { eventId }, speakerId: { not: null } },
    select: {
      answer: true,
      speaker: { select: { email: true } },
      question: { select: { question: true } },
      options: { select: { answer: true } },
    },
  });
  return {
    questions,
    proposals: proposals.map((p) => ({
      ...p,
      speakers: p.speakers.sort((a, b) => Number(b.role === "OWNER") - Number(a.role === "OWNER")),
      answers: p.answers
        .map((a) => [a.question.question, a.answer, options(a.options)])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    })),
    speakerAnswers: speakerAnswers
      .map((a) => [a.speaker!.email, a.question.question, a.answer, options(a.options)])
      .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
  };
}

describe("export for import → import into an empty event", () => {
  it("gives the same proposals, speakers, questions and answers; the preview says what is created", async () => {
    const db = getDb();
    const { event, speakers } = await sourceEvent(db);
    const before = await contentOf(db, event.id);
    expect(before.proposals).toHaveLength(7);
    expect(before.speakerAnswers).toHaveLength(4);
    expect(before.proposals.find((p) => p.title === "Embassy on a Pico")!.answers).toEqual([
      ["Describe your demo", "A board, a sensor,\nand a = sign", []],
      ["How many live demos?", "3", []],
      ["May we record it?", "true", []],
      ["Topics", "", ["Rust", "Embedded"]],
      ["Where will you present?", "", ["Remote"]],
    ]);
    const file = await exportForImport(db, event);

    // Another instance: the speakers and the source event are gone, so the import has to recreate them from the file.
    await db.event.delete({ where: { id: event.id } });
    await db.user.deleteMany({ where: { id: { in: speakers.map((s) => s.id) } } });
    const target = await createEvent(db);
    const id = await upload(db, target, file);
    const preview = await previewImport(db, signedInAs(target.organizer.id), target.id, id);
    expect(preview.questions.map((q) => [q.question, q.target, q.variant, q.action])).toEqual([
      ["Describe your demo", "SUBMISSION", "TEXT", "create"],
      ["How many live demos?", "SUBMISSION", "NUMBER", "create"],
      ["May we record it?", "SUBMISSION", "BOOLEAN", "create"],
      ["Where will you present?", "SUBMISSION", "CHOICES", "create"],
      ["Topics", "SUBMISSION", "MULTIPLE_CHOICE", "create"],
      ["Preferred day", "SUBMISSION", "DATE", "create"],
      ["Pronouns", "SPEAKER", "STRING", "create"],
      ["T-shirt size", "SPEAKER", "CHOICES", "create"],
      ["Phone during the event", "SPEAKER", "STRING", "create"],
    ]);
    expect(preview.counts).toMatchObject({ create: 7, skip: 0, speakersCreated: 3, questionsCreated: 9, answers: 12 });
    expect(preview.newSessionTypes).toEqual([{ name: "Workshop", durationMinutes: 90 }]);
    expect(preview.newTracks).toEqual(["Embedded Rust"]);

    await runImport(db, signedInAs(target.organizer.id), target.id, id);
    const after = await contentOf(db, target.id);
    expect(after.proposals).toEqual(before.proposals);
    expect(after.speakerAnswers).toEqual(before.speakerAnswers);
    expect(after.questions).toEqual(before.questions);
    // Imported answers are found by search like typed ones (lib/questions/search-text.ts).
    const indexed = await db.proposalSearch.findFirstOrThrow({ where: { proposal: { title: "Embassy on a Pico" } } });
    expect(indexed.answers).toContain("a sensor");
    expect(indexed.identity).toContain("she/her");
  });

  it("importing the same file again creates nothing: no proposal, person, question, option or answer", async () => {
    const db = getDb();
    const { event } = await sourceEvent(db);
    const file = await exportForImport(db, event);
    const target = await createEvent(db);
    await runImport(db, signedInAs(target.organizer.id), target.id, await upload(db, target, file));
    const count = async () =>
      Promise.all([
        db.proposal.count(),
        db.user.count(),
        db.question.count(),
        db.questionOption.count(),
        db.answer.count(),
        db.sessionType.count(),
      ]);
    const once = await count();
    const id = await upload(db, target, file);
    const preview = await previewImport(db, signedInAs(target.organizer.id), target.id, id);
    expect(preview.counts).toMatchObject({ create: 0, skip: 7, questionsCreated: 0, questionsMatched: 9, answers: 0 });
    expect(new Set(preview.questions.map((q) => q.matchedBy))).toEqual(new Set(["earlier import"]));
    await runImport(db, signedInAs(target.organizer.id), target.id, id);
    expect(await count()).toEqual(once);
  });

  it("answers into the target event's own questions of the same text; a speaker keeps the answer they gave there", async () => {
    const db = getDb();
    const { event, speakers } = await sourceEvent(db);
    const file = await exportForImport(db, event);
    const target = await createEvent(db);
    const pronouns = await ask(db, target, { question: "  pronouns ", target: "SPEAKER" });
    const topics = await ask(db, target, { question: "Topics", variant: "MULTIPLE_CHOICE", options: "Web\nRust\nEmbedded\nCloud" });
    // Ada (same address: the same person) already told this event her pronouns.
    await db.answer.create({ data: { questionId: pronouns.id, speakerId: speakers[0].id, answer: "they/them" } });

    const id = await upload(db, target, file);
    const preview = await previewImport(db, signedInAs(target.organizer.id), target.id, id);
    const matched = preview.questions.filter((q) => q.action === "match");
    expect(matched.map((q) => [q.question, q.matchedBy, q.answers])).toEqual([
      ["Topics", "same text", 2],
      ["pronouns", "same text", 1],
    ]);
    await runImport(db, signedInAs(target.organizer.id), target.id, id);
    const answers = await db.answer.findMany({
      where: { questionId: { in: [pronouns.id, topics.id] } },
      select: {
        answer: true,
        speaker: { select: { name: true } },
        proposal: { select: { title: true } },
        options: { orderBy: { position: "asc" }, select: { answer: true } },
      },
    });
    expect(answers.map((a) => [a.speaker?.name ?? a.proposal?.title, a.answer || options(a.options).join(", ")]).sort()).toEqual([
      ["Ada Brook", "they/them"],
      ["Ben Okafor", "he/him"],
      ["Const generics", "Web"],
      ["Embassy on a Pico", "Rust, Embedded"],
    ]);
    expect(await db.question.count({ where: { eventId: target.id } })).toBe(9);
  });

  it("without personal data: no addresses and no personal-data question travel; people get addresses that cannot sign in", async () => {
    const db = getDb();
    const { event } = await sourceEvent(db);
    const file = await exportForImport(db, event, {});
    expect(file).not.toContain("ada@example.org");
    expect(file).not.toContain("+47 555");
    expect(file).not.toContain("Phone during the event");
    const target = await createEvent(db);
    await runImport(db, signedInAs(target.organizer.id), target.id, await upload(db, target, file));
    const ada = await db.user.findFirstOrThrow({
      where: { name: "Ada Brook", email: { endsWith: "@import.invalid" } },
      include: { profile: true },
    });
    expect(ada.profile).toMatchObject({ bio: "Embedded person.", company: "", website: "https://ada.example.org" });
    expect(await db.question.count({ where: { eventId: target.id } })).toBe(8);
  });

  it("a blind export cannot be for import; a broken file names the path of the problem", async () => {
    const db = getDb();
    const { event } = await sourceEvent(db);
    await expectDomainError(exportForImport(db, event, { blind: "1" }), "invalid");
    const file = JSON.parse(await exportForImport(db, event));
    file.questions[3].options = "In person";
    file.submissions[1].answers[0].question = { nope: true };
    const error = await expectDomainError(upload(db, event, JSON.stringify(file)), "invalid");
    expect(error.message).toContain("questions[3].options");
    expect(error.message).toContain("submissions[1].answers[0].question");
  });
});
