import { signedInAs } from "@/lib/auth/actor";
import { describe, expect, it } from "vitest";
import { useTestDb } from "@/tests/support/test-db";
import {
  addOrganizer,
  addReviewer,
  createEvent,
  createProposal as createProposalRow,
  createUser,
  type EventFixture,
} from "@/tests/factories";
import type { Db } from "@/lib/db/client";
import { createProposal } from "@/lib/proposals/create-proposal";
import { updateProposal } from "@/lib/proposals/update-proposal";
import { saveReview } from "@/lib/reviews/save-review";
import { reviewInput } from "@/lib/reviews/schemas";
import { proposalForReviewer } from "@/lib/reviews/reviewer-access";
import { proposalActivity } from "@/lib/activity/log";
import { createQuestion, deleteQuestion, moveQuestion, updateQuestion } from "@/lib/questions/manage";
import { questionInput } from "@/lib/questions/schemas";
import { organizerAnswers, reviewerAnswers, submitterQuestions } from "@/lib/questions/queries";
import { answerCounts, answerFilter, eventQuestions } from "@/lib/questions/organizer";
import { organizerScope } from "@/lib/auth/organizer-scope";
import { saveSpeakerAnswers, speakerQuestionsByEvent } from "@/lib/questions/speaker-answers";
import { expectDenied, expectDomainError, proposalInput } from "./helpers";
import { matchingProposalIds } from "@/lib/search/match";
import { CONSENT_MESSAGE } from "@/lib/questions/rules";
import { searchTerms } from "@/lib/search/terms";

const getDb = useTestDb();

const question = (overrides: Record<string, unknown>) =>
  questionInput.parse({ target: "SUBMISSION", variant: "STRING", question: "Anything else?", visibleToReviewers: "on", ...overrides });

async function ask(db: Db, event: EventFixture, overrides: Record<string, unknown>) {
  const q = await createQuestion(db, signedInAs(event.organizer.id), event.id, question(overrides));
  return db.question.findUniqueOrThrow({ where: { id: q.id }, include: { options: { orderBy: { position: "asc" } } } });
}

const answersOf = (db: Db, where: object) =>
  db.answer.findMany({
    where,
    select: { questionId: true, answer: true, options: { select: { answer: true } } },
    orderBy: { questionId: "asc" },
  });

describe("organizers define questions", () => {
  it("creates one question of each kind with its limits, options and track limits, in order", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const kinds = [
      { variant: "STRING", maxLength: "80" },
      { variant: "TEXT", minLength: "10" },
      { variant: "NUMBER", minNumber: "0", maxNumber: "5" },
      { variant: "URL" },
      { variant: "DATE", minDate: "2027-05-01", maxDate: "2027-05-31" },
      { variant: "DATETIME", minDate: "2027-05-01T09:00" },
      { variant: "BOOLEAN", requirement: "REQUIRED" },
      { variant: "CHOICES", options: "None\nTravel\nTravel and hotel" },
      { variant: "MULTIPLE_CHOICE", options: "Vegan\nVegetarian\nNo nuts", maxChoices: "2", trackIds: [event.tracks[0].id] },
    ];
    for (const [i, k] of kinds.entries()) await ask(db, event, { question: `Question ${i}`, ...k });
    const listed = await eventQuestions(db, signedInAs(event.organizer.id), event.id);
    expect(listed.map((q) => [q.question, q.variant, q.position])).toEqual(kinds.map((k, i) => [`Question ${i}`, k.variant, i]));
    expect(listed[0].maxLength).toBe(80);
    expect(listed[7].options.map((o) => o.answer)).toEqual(["None", "Travel", "Travel and hotel"]);
    expect(listed[7].options.every((o) => /^[A-Z0-9]{8}$/.test(o.identifier))).toBe(true);
    expect(listed[8].tracks.map((t) => t.id)).toEqual([event.tracks[0].id]);
  });

  it("edits options by text (kept options keep their identifier and answers), reorders, and warns before deleting answers", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const travel = await ask(db, event, { variant: "CHOICES", question: "Travel support?", options: "No\nYes" });
    const other = await ask(db, event, { question: "Second" });
    const yes = travel.options[1];
    const p = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event), { answers: { [travel.id]: [yes.id] } });

    await updateQuestion(
      db,
      signedInAs(event.organizer.id),
      travel.id,
      question({ variant: "CHOICES", question: "Travel support?", options: "Yes\nNo\nPartly" }),
    );
    const after = await db.questionOption.findMany({ where: { questionId: travel.id }, orderBy: { position: "asc" } });
    expect(after.map((o) => o.answer)).toEqual(["Yes", "No", "Partly"]);
    expect(after[0]).toMatchObject({ id: yes.id, identifier: yes.identifier });
    expect((await answersOf(db, { proposalId: p.id }))[0].options).toEqual([{ answer: "Yes" }]);

    await expectDomainError(
      updateQuestion(db, signedInAs(event.organizer.id), travel.id, question({ variant: "STRING", question: "Travel support?" })),
      "conflict",
    );

    await moveQuestion(db, signedInAs(event.organizer.id), other.id, "up");
    expect((await eventQuestions(db, signedInAs(event.organizer.id), event.id)).map((q) => q.question)).toEqual([
      "Second",
      "Travel support?",
    ]);

    const warned = await expectDenied(db, "conflict", () => deleteQuestion(db, signedInAs(event.organizer.id), travel.id, false));
    expect(warned.message).toContain("1 answer");
    await deleteQuestion(db, signedInAs(event.organizer.id), travel.id, true);
    expect(await db.answer.count()).toBe(0);
  });

  it("refuses anyone but the event's organizers, changing nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const otherEvent = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const speaker = await createUser(db);
    const q = await ask(db, event, {});
    const input = question({ question: "Hijacked" });
    for (const [who, code] of [
      [otherEvent.organizer.id, "not_found"],
      [reviewer.id, "forbidden"],
      [speaker.id, "not_found"],
      [null, "unauthenticated"],
    ] as const) {
      await expectDenied(db, code, () => createQuestion(db, signedInAs(who), event.id, input));
      await expectDenied(db, code === "not_found" ? "not_found" : code, () => updateQuestion(db, signedInAs(who), q.id, input));
      await expectDenied(db, code, () => deleteQuestion(db, signedInAs(who), q.id, true));
      await expectDenied(db, code, () => moveQuestion(db, signedInAs(who), q.id, "down"));
      await expectDenied(db, code, () => eventQuestions(db, signedInAs(who), event.id));
    }
    // A co-organizer may.
    const co = await addOrganizer(db, event);
    await updateQuestion(db, signedInAs(co.id), q.id, input);
    expect((await db.question.findUniqueOrThrow({ where: { id: q.id } })).question).toBe("Hijacked");
  });

  it("refuses tracks of another event", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const other = await createEvent(db);
    await expectDenied(db, "invalid", () =>
      createQuestion(db, signedInAs(event.organizer.id), event.id, question({ trackIds: [other.tracks[0].id] })),
    );
  });
});

describe("speakers answer", () => {
  it("a draft saves without required answers; submitting needs them, with the message on the field", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const coc = await ask(db, event, { variant: "BOOLEAN", question: "Do you accept the code of conduct?", requirement: "REQUIRED" });
    const draft = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event), { answers: { [coc.id]: [""] } });
    expect(draft.status).toBe("DRAFT");

    const refused = await expectDenied(db, "invalid", () =>
      updateProposal(db, signedInAs(speaker.id), draft.id, proposalInput(event, { intent: "submit" }), { answers: { [coc.id]: [""] } }),
    );
    expect(refused.fields).toEqual({ [`q.${coc.id}`]: CONSENT_MESSAGE });
    // A required yes/no question is a consent: "No" does not answer it.
    const no = await expectDenied(db, "invalid", () =>
      updateProposal(db, signedInAs(speaker.id), draft.id, proposalInput(event, { intent: "submit" }), {
        answers: { [coc.id]: ["", "false"] },
      }),
    );
    expect(no.fields).toEqual({ [`q.${coc.id}`]: CONSENT_MESSAGE });

    const submitted = await updateProposal(db, signedInAs(speaker.id), draft.id, proposalInput(event, { intent: "submit" }), {
      answers: { [coc.id]: ["", "true"] },
    });
    expect(submitted.status).toBe("SUBMITTED");
    expect(await answersOf(db, { proposalId: draft.id })).toEqual([{ questionId: coc.id, answer: "true", options: [] }]);
    // Once submitted, the answer cannot be taken back.
    await expectDenied(db, "invalid", () =>
      updateProposal(db, signedInAs(speaker.id), draft.id, proposalInput(event), { answers: { [coc.id]: [""] } }),
    );
  });

  it("a new proposal submitted at once is refused whole when a required answer is missing or invalid", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const n = await ask(db, event, { variant: "NUMBER", question: "How many demos?", maxNumber: "3", requirement: "REQUIRED" });
    const error = await expectDenied(db, "invalid", () =>
      createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }), { answers: { [n.id]: ["9"] } }),
    );
    expect(error.fields).toEqual({ [`q.${n.id}`]: "Enter a number of at most 3." });
  });

  it("required from a date: optional before it, required after (injected clock); frozen answers stay", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const deadline = new Date(Date.now() + 2 * 86_400_000);
    const local = (d: Date) => d.toISOString().slice(0, 16);
    const later = await ask(db, event, {
      variant: "STRING",
      question: "Recording licence",
      requirement: "AFTER_DEADLINE",
      deadline: local(deadline),
      freezeAfter: local(new Date(deadline.getTime() + 86_400_000)),
    });
    // The event's zone is Europe/Berlin: the local time is stored as an instant.
    const stored = await db.question.findUniqueOrThrow({ where: { id: later.id } });
    const before = new Date(stored.deadline!.getTime() - 60_000);
    const after = new Date(stored.deadline!.getTime() + 60_000);
    const frozen = new Date(stored.freezeAfter!.getTime() + 60_000);

    const p = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }), {
      now: before,
      answers: {},
    });
    expect(p.status).toBe("SUBMITTED");
    await expectDenied(db, "invalid", () =>
      updateProposal(db, signedInAs(speaker.id), p.id, proposalInput(event), { now: after, answers: { [later.id]: [""] } }),
    );
    await updateProposal(db, signedInAs(speaker.id), p.id, proposalInput(event), { now: after, answers: { [later.id]: ["CC BY 4.0"] } });
    await updateProposal(db, signedInAs(speaker.id), p.id, proposalInput(event), {
      now: frozen,
      answers: { [later.id]: ["All rights reserved"] },
    });
    expect((await answersOf(db, { proposalId: p.id }))[0].answer).toBe("CC BY 4.0");
    const form = await submitterQuestions(db, signedInAs(speaker.id), event.id, p.id, frozen);
    expect(form.questions[0]).toMatchObject({ required: true, readOnly: true });
  });

  it("questions limited to a track are not asked of other tracks", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const q = await ask(db, event, { variant: "URL", question: "Hardware list", requirement: "REQUIRED", trackIds: [event.tracks[0].id] });
    const p = await createProposal(
      db,
      signedInAs(speaker.id),
      event.id,
      proposalInput(event, { trackId: event.tracks[1].id, intent: "submit" }),
      {
        answers: { [q.id]: ["https://example.org"] },
      },
    );
    expect(p.status).toBe("SUBMITTED");
    expect(await db.answer.count()).toBe(0);
  });

  it("speaker questions are answered once per speaker per event, shared by their proposals", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const first = await ask(db, event, { target: "SPEAKER", variant: "BOOLEAN", question: "First time speaking?" });
    const a = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event), { answers: { [first.id]: ["true"] } });
    const b = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event, { title: "Second talk" }), { answers: {} });
    expect(await answersOf(db, { speakerId: speaker.id })).toEqual([{ questionId: first.id, answer: "true", options: [] }]);
    await updateProposal(db, signedInAs(speaker.id), b.id, proposalInput(event, { title: "Second talk" }), {
      answers: { [first.id]: ["false"] },
    });
    expect(await db.answer.count({ where: { questionId: first.id } })).toBe(1);
    expect((await submitterQuestions(db, signedInAs(speaker.id), event.id, a.id, new Date())).values[first.id].answer).toBe("false");
    // Another speaker's proposal cannot be read through the form loader.
    await expectDomainError(submitterQuestions(db, signedInAs((await createUser(db)).id), event.id, a.id, new Date()), "not_found");
  });

  it("answer edits after submission are in the activity log with a diff; draft edits are not", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const why = await ask(db, event, { variant: "TEXT", question: "Why you?" });
    const p = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event), {
      answers: { [why.id]: ["I wrote the crate."] },
    });
    await updateProposal(db, signedInAs(speaker.id), p.id, proposalInput(event, { intent: "submit" }), {
      answers: { [why.id]: ["I wrote the crate."] },
    });
    await updateProposal(db, signedInAs(speaker.id), p.id, proposalInput(event), {
      answers: { [why.id]: ["I wrote and maintain the crate."] },
    });
    const log = await proposalActivity(db, signedInAs(event.organizer.id), event.id, p.id);
    const answers = log.entries.filter((e) => e.kind === "answers");
    expect(answers).toHaveLength(1);
    expect(answers[0].text).toContain("changed the answer to “Why you?”");
    expect(answers[0].changes[0]).toMatchObject({ kind: "text", label: "“Why you?”" });
    expect(JSON.stringify(answers[0].changes[0])).toContain("maintain");
  });
});

describe("who reads the answers", () => {
  async function answered(db: Db, blindReview: boolean) {
    const event = await createEvent(db, { blindReview });
    const reviewer = await addReviewer(db, event);
    const speaker = await createUser(db, { name: "Mara Chen" });
    const shown = await ask(db, event, { question: "Demo needs", visibleToReviewers: "on" });
    const hidden = await ask(db, event, { question: "Budget notes", visibleToReviewers: "" });
    const aboutSpeaker = await ask(db, event, { target: "SPEAKER", question: "Pronouns", visibleToReviewers: "on" });
    const p = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }), {
      answers: { [shown.id]: ["HDMI"], [hidden.id]: ["SECRET-BUDGET"], [aboutSpeaker.id]: ["SECRET-PRONOUNS"] },
    });
    return { event, reviewer, p };
  }

  it("search finds a proposal by its answers, each only for who may read it (lib/questions/search-text.ts)", async () => {
    const db = getDb();
    const { event, p } = await answered(db, true);
    const speakerId = (await db.proposalSpeaker.findFirstOrThrow({ where: { proposalId: p.id } })).userId;
    const shown = await db.question.findFirstOrThrow({ where: { eventId: event.id, question: "Demo needs" } });
    const answer = (text: string) =>
      updateProposal(db, signedInAs(speakerId), p.id, proposalInput(event, { intent: "draft" }), { answers: { [shown.id]: [text] } });
    await answer("Chromecast");
    for (const [word, reaches] of [
      ["chromecast", ["organizer", "reviewer", "blindReviewer"]],
      ["pronouns", ["organizer", "reviewer"]],
      ["budget", ["organizer"]],
    ] as const) {
      for (const reach of ["organizer", "reviewer", "blindReviewer"] as const) {
        expect(await matchingProposalIds(db, event.id, searchTerms(word), reach), `${word} as ${reach}`).toEqual(
          (reaches as readonly string[]).includes(reach) ? [p.id] : [],
        );
      }
    }
    // An edited answer replaces the old words.
    await answer("Whiteboard");
    expect(await matchingProposalIds(db, event.id, searchTerms("chromecast"), "organizer")).toEqual([]);
    expect(await matchingProposalIds(db, event.id, searchTerms("whiteboard"), "blindReviewer")).toEqual([p.id]);
  });

  it("with blind review on, reviewers read proposal answers flagged for them, never speaker answers", async () => {
    const db = getDb();
    const { reviewer, p } = await answered(db, true);
    const seen = await reviewerAnswers(db, await proposalForReviewer(db, signedInAs(reviewer.id), p.id));
    expect(seen.map((a) => [a.question, a.text])).toEqual([["Demo needs", "HDMI"]]);
    expect(JSON.stringify(seen)).not.toMatch(/SECRET|Mara/);
  });

  it("with blind review off, reviewers also read speaker answers flagged for them, with the speaker's name", async () => {
    const db = getDb();
    const { reviewer, p } = await answered(db, false);
    const seen = await reviewerAnswers(db, await proposalForReviewer(db, signedInAs(reviewer.id), p.id));
    expect(seen.map((a) => [a.question, a.text, a.speaker])).toEqual([
      ["Demo needs", "HDMI", null],
      ["Pronouns", "SECRET-PRONOUNS", "Mara Chen"],
    ]);
  });

  it("organizers read every answer of proposals in their scope; not their own proposal's", async () => {
    const db = getDb();
    const { event, p } = await answered(db, true);
    const scope = await organizerScope(db, signedInAs(event.organizer.id), event.id, "proposal:list-all");
    const all = await organizerAnswers(db, scope, p.id);
    expect(all.proposal.map((a) => a.text).sort()).toEqual(["HDMI", "SECRET-BUDGET"]);
    expect(all.speakers.map((a) => a.text)).toEqual(["SECRET-PRONOUNS"]);
    const own = await createProposalRow(db, { event, speaker: event.organizer });
    await expectDomainError(organizerAnswers(db, scope, own.id), "not_found");
    const other = await createEvent(db);
    await expectDenied(db, "not_found", () => organizerScope(db, signedInAs(other.organizer.id), event.id, "proposal:list-all"));
  });
});

describe("review questions", () => {
  it("are saved with the review, required ones enforced, and filter the ranking", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const confidence = await ask(db, event, {
      target: "REVIEWER",
      variant: "CHOICES",
      question: "Confidence",
      options: "Low\nMedium\nHigh",
      requirement: "REQUIRED",
    });
    const [low, , high] = confidence.options;
    const p1 = await createProposalRow(db, { event });
    const p2 = await createProposalRow(db, { event });
    const review = reviewInput.parse({ scores: { [event.criteria[0].id]: "4" }, comment: "" });

    const refused = await expectDenied(db, "invalid", () => saveReview(db, signedInAs(reviewer.id), p1.id, review, { answers: {} }));
    expect(refused.fields).toEqual({ [`q.${confidence.id}`]: "This question is required." });
    await saveReview(db, signedInAs(reviewer.id), p1.id, review, { answers: { [confidence.id]: [high.id] } });
    await saveReview(db, signedInAs(reviewer.id), p2.id, review, { answers: { [confidence.id]: [low.id] } });
    await saveReview(db, signedInAs(reviewer.id), p2.id, review, { answers: { [confidence.id]: [low.id] } });
    expect(await db.answer.count({ where: { questionId: confidence.id } })).toBe(2);

    const ids = async (filter: string) =>
      (
        await db.proposal.findMany({ where: { eventId: event.id, ...answerFilter(event.id, filter, confidence) }, select: { id: true } })
      ).map((r) => r.id);
    expect(await ids(`${confidence.id}:${high.id}`)).toEqual([p1.id]);
    expect(await ids(`${confidence.id}:${low.id}`)).toEqual([p2.id]);

    const counts = await answerCounts(db, signedInAs(event.organizer.id), event.id);
    expect(counts[0].counts.map((c) => [c.label, c.count])).toEqual([
      ["Low", 1],
      ["Medium", 0],
      ["High", 1],
    ]);
    await expectDenied(db, "forbidden", () => answerCounts(db, signedInAs(reviewer.id), event.id));
  });

  it("the ranking filter by a yes/no or speaker answer", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const first = await ask(db, event, { target: "SPEAKER", variant: "BOOLEAN", question: "First time?" });
    const newcomer = await createUser(db);
    const veteran = await createUser(db);
    const a = await createProposal(db, signedInAs(newcomer.id), event.id, proposalInput(event, { intent: "submit" }), {
      answers: { [first.id]: ["true"] },
    });
    await createProposal(db, signedInAs(veteran.id), event.id, proposalInput(event, { intent: "submit" }), {
      answers: { [first.id]: ["false"] },
    });
    const rows = await db.proposal.findMany({
      where: { eventId: event.id, ...answerFilter(event.id, `${first.id}:true`, first) },
      select: { id: true },
    });
    expect(rows.map((r) => r.id)).toEqual([a.id]);
  });
});

describe("speaker answers from the profile", () => {
  it("a speaker of the event answers; required ones stay answered once submitted; the change is in their proposal's log", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const speaker = await createUser(db);
    const diet = await ask(db, event, { target: "SPEAKER", variant: "STRING", question: "Dietary needs", requirement: "REQUIRED" });
    const p = await createProposal(db, signedInAs(speaker.id), event.id, proposalInput(event, { intent: "submit" }), {
      answers: { [diet.id]: ["Vegan"] },
    });

    const listed = await speakerQuestionsByEvent(db, signedInAs(speaker.id));
    expect(listed.map((e) => [e.id, e.questions.map((q) => q.question), e.values[diet.id]?.answer])).toEqual([
      [event.id, ["Dietary needs"], "Vegan"],
    ]);

    await expectDenied(db, "invalid", () => saveSpeakerAnswers(db, signedInAs(speaker.id), event.id, { [diet.id]: [""] }));
    await saveSpeakerAnswers(db, signedInAs(speaker.id), event.id, { [diet.id]: ["Vegetarian"] });
    expect((await answersOf(db, { speakerId: speaker.id }))[0].answer).toBe("Vegetarian");
    const log = await proposalActivity(db, signedInAs(event.organizer.id), event.id, p.id);
    expect(log.entries.find((e) => e.kind === "answers")?.text).toContain("“Dietary needs”");
  });

  it("refuses anyone who does not speak at the event, changing nothing", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const reviewer = await addReviewer(db, event);
    const q = await ask(db, event, { target: "SPEAKER", question: "Pronouns" });
    const stranger = await createUser(db);
    await expectDenied(db, "not_found", () => saveSpeakerAnswers(db, signedInAs(stranger.id), event.id, { [q.id]: ["she/her"] }));
    await expectDenied(db, "not_found", () => saveSpeakerAnswers(db, signedInAs(reviewer.id), event.id, { [q.id]: ["she/her"] }));
    await expectDenied(db, "not_found", () => saveSpeakerAnswers(db, signedInAs(event.organizer.id), event.id, { [q.id]: ["she/her"] }));
    await expectDenied(db, "unauthenticated", () => saveSpeakerAnswers(db, signedInAs(null), event.id, { [q.id]: ["she/her"] }));
    expect(await speakerQuestionsByEvent(db, signedInAs(reviewer.id))).toEqual([]);
  });
});

describe("organizer scope (ADR 0015)", () => {
  it("counts, the answer column and the ranking filter leave out drafts and proposals the organizer speaks on", async () => {
    const db = getDb();
    const event = await createEvent(db);
    const colleague = await addOrganizer(db, event);
    const q = await ask(db, event, { variant: "BOOLEAN", question: "Needs a visa letter?" });
    const speaker = await createUser(db);
    const own = await createProposalRow(db, { event, speaker: colleague });
    const draft = await createProposalRow(db, { event, speaker, status: "draft" });
    const other = await createProposalRow(db, { event, speaker });
    for (const p of [own, draft, other]) await db.answer.create({ data: { questionId: q.id, proposalId: p.id, answer: "true" } });

    const mine = await answerCounts(db, signedInAs(colleague.id), event.id);
    expect(mine[0].counts.find((c) => c.label === "Yes")?.count).toBe(1);
    const theirs = await answerCounts(db, signedInAs(event.organizer.id), event.id);
    expect(theirs[0].counts.find((c) => c.label === "Yes")?.count).toBe(2);
    const scope = await organizerScope(db, signedInAs(colleague.id), event.id, "proposal:list-all");
    await expectDomainError(organizerAnswers(db, scope, own.id), "not_found");
    await expectDomainError(organizerAnswers(db, scope, draft.id), "not_found");
    expect((await organizerAnswers(db, scope, other.id)).proposal.map((a) => a.text)).toEqual(["Yes"]);
  });
});
