import { type Page } from "@playwright/test";
import { expect, test } from "./support/csp";
import { createDb, type Db } from "@/lib/db/client";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { unique } from "./support/data";
import { E2E_DATABASE_URL } from "./support/env";
import { signInAsDemo, signInByEmailLink } from "./support/sign-in";

// Custom questions end to end (lib/questions): the organizer builds one
// question of each kind on a fresh event, a new speaker answers and submits,
// the reviewer reads exactly the answers meant for them with blind review on
// and off, and the organizer filters the ranking by an answer.

const id = unique();
const SLUG = `questions-conf-${id.replace(/\D/g, "")}`;
const PRONOUNS = `they/them SECRET-PRONOUNS-${id}`;
const ARRIVAL = "2031-05-02";
const WHY = `Because async traits finally landed ${id}.`;

let db: Db;
let eventId: string;

test.beforeAll(async () => {
  db = createDb(E2E_DATABASE_URL);
  const olivia = await db.user.findUniqueOrThrow({ where: { email: "olivia@example.com" } });
  const ravi = await db.user.findUniqueOrThrow({ where: { email: "ravi@example.com" } });
  const org = await db.organization.create({ data: { name: `Questions Org ${id}`, slug: `questions-org-${id.replace(/\D/g, "")}` } });
  const event = await db.event.create({
    data: {
      organizationId: org.id,
      name: `Questions Conf ${id}`,
      slug: SLUG,
      timeZone: "Europe/Paris",
      cfpOpensAt: new Date(Date.now() - 86_400_000),
      cfpClosesAt: new Date(Date.now() + 30 * 86_400_000),
      blindReview: true,
      sessionTypes: { create: [{ name: "Talk", durationMinutes: 30 }] },
      tracks: { create: [{ name: "Main" }] },
      criteria: { create: [{ name: "Overall", minScore: 1, maxScore: 5 }] },
      members: {
        create: [
          { userId: olivia.id, role: "ORGANIZER" },
          { userId: ravi.id, role: "REVIEWER" },
        ],
      },
    },
  });
  eventId = event.id;
});
test.afterAll(async () => {
  await db?.$disconnect();
});

type Spec = {
  question: string;
  kind: string;
  target?: string;
  options?: string;
  required?: boolean;
  hiddenFromReviewers?: boolean;
  limits?: Record<string, string>;
};

const QUESTIONS: Spec[] = [
  { question: "Your pronouns", kind: "Short text", target: "Each speaker (once per event)" },
  { question: "Why should we pick this talk?", kind: "Long text", required: true, limits: { "Maximum length": "500" } },
  { question: "How many live demos?", kind: "Number", limits: { "Largest number": "5" } },
  { question: "Slides of an earlier talk", kind: "Web address" },
  { question: "Earliest day you can arrive", kind: "Date", hiddenFromReviewers: true },
  { question: "Preferred start", kind: "Date and time" },
  { question: "Is this your first conference talk?", kind: "Yes / no", target: "Each speaker (once per event)" },
  { question: "Recording consent", kind: "One choice", options: "Yes, record it\nAudio only\nNo recording" },
  { question: "Topics", kind: "Several choices", options: "Async\nEmbedded\nWeb", limits: { "Most choices": "2" } },
];

async function addQuestion(page: Page, q: Spec) {
  const form = page.getByRole("region", { name: "Add a question" });
  await form.getByLabel("Question", { exact: true }).fill(q.question);
  if (q.target) await form.getByLabel("Who answers").selectOption({ label: q.target });
  await form.getByLabel("Kind of answer").selectOption({ label: q.kind });
  if (q.options) await form.getByLabel("Options").fill(q.options);
  for (const [label, value] of Object.entries(q.limits ?? {})) await form.getByLabel(label).fill(value);
  if (q.required) await form.getByLabel("Requirement").selectOption({ label: "Required" });
  if (q.hiddenFromReviewers) await form.getByLabel(/Shown to reviewers/).uncheck();
  await form.getByRole("button", { name: "Add question" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Question saved." })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: q.question })).toBeVisible();
}

test("organizer builds a form, speaker answers, reviewer reads what blind review allows, organizer filters the ranking", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);

  // 1. The organizer builds one question of each kind.
  await signInAsDemo(page, "Olivia Laurent");
  await page.goto(`/organize/${SLUG}/questions`);
  await expect(page.getByRole("heading", { level: 1, name: "Questions" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  for (const q of QUESTIONS) await addQuestion(page, q);
  await expect(page.getByRole("table").first().getByRole("row")).toHaveCount(QUESTIONS.length + 1);

  // 2. A new speaker answers. The required question is checked on submit, next to its field; nothing typed is lost.
  const speaker = await (await browser.newContext()).newPage();
  await signInByEmailLink(speaker, `e2e-questions-${id}@example.org`);
  await speaker.goto(`/events/${SLUG}/submit`);
  await speaker.getByLabel("Title", { exact: true }).fill(`Async traits in anger ${id}`);
  await speaker.getByLabel("Abstract").fill("What changed when async fn in traits became stable, with real code.");
  await speaker.getByRole("radio", { name: "Intermediate" }).check();
  await speaker.getByLabel("Your pronouns").fill(PRONOUNS);
  await speaker.getByLabel("How many live demos?").fill("2");
  await speaker.getByLabel("Slides of an earlier talk").fill("https://slides.example.org/async");
  await speaker.getByLabel("Earliest day you can arrive").fill(ARRIVAL);
  await speaker.getByLabel("Preferred start").fill("2031-05-03T10:30");
  await speaker.getByRole("group", { name: "Is this your first conference talk?" }).getByRole("radio", { name: "Yes" }).check();
  await speaker.getByRole("group", { name: "Recording consent" }).getByRole("radio", { name: "Audio only" }).check();
  await speaker
    .getByRole("group", { name: /Topics/ })
    .getByRole("checkbox", { name: "Async" })
    .check();
  await expectNoSeriousA11yViolations(speaker);
  await speaker.getByRole("button", { name: "Submit proposal" }).click();
  const why = speaker.getByLabel("Why should we pick this talk? (required)");
  await expect(why).toHaveAttribute("aria-invalid", "true");
  await expect(why).toHaveAccessibleDescription(/This question is required\./);
  await expect(speaker.getByLabel("Your pronouns")).toHaveValue(PRONOUNS);
  await why.fill(WHY);
  await speaker.getByRole("button", { name: "Submit proposal" }).click();
  await speaker.waitForURL(/\/speaker\/proposals\/[^/?]+\?submitted=1$/);
  const proposalId = /\/speaker\/proposals\/([^/?]+)/.exec(speaker.url())![1];

  // Speaker questions are the speaker's, once per event: the profile shows them too, and saves them.
  await speaker.goto("/speaker/profile");
  const aboutYou = speaker.getByRole("region", { name: /questions about you/ });
  await expect(aboutYou.getByLabel("Your pronouns")).toHaveValue(PRONOUNS);
  await expect(
    aboutYou.getByRole("group", { name: "Is this your first conference talk?" }).getByRole("radio", { name: "Yes" }),
  ).toBeChecked();
  await aboutYou.getByRole("button", { name: "Save answers" }).click();
  await expect(aboutYou.getByRole("status")).toHaveText("Answers saved.");
  await expectNoSeriousA11yViolations(speaker);

  // A second proposal (another speaker, through the database) that answered "No recording".
  const recording = await db.question.findFirstOrThrow({ where: { eventId, question: "Recording consent" }, include: { options: true } });
  const other = await db.user.create({ data: { email: `e2e-questions-other-${id}@example.org`, name: "Other Speaker" } });
  const event = await db.event.findUniqueOrThrow({ where: { id: eventId }, include: { sessionTypes: true } });
  const talk = await db.talk.create({
    data: { ownerId: other.id, title: `Embedded without tears ${id}`, abstract: "No heap.", level: "BEGINNER" },
  });
  const second = await db.proposal.create({
    data: {
      eventId,
      talkId: talk.id,
      title: talk.title,
      abstract: talk.abstract,
      level: talk.level,
      sessionTypeId: event.sessionTypes[0].id,
      status: "SUBMITTED",
      submittedAt: new Date(),
      speakers: { create: { userId: other.id, role: "OWNER" } },
      stats: { create: { eventId } },
    },
  });
  await db.answer.create({
    data: {
      questionId: recording.id,
      proposalId: second.id,
      options: { connect: [{ id: recording.options.find((o) => o.answer === "No recording")!.id }] },
    },
  });

  // 3. The reviewer, blind review on: proposal answers flagged for reviewers; no speaker answers, nothing hidden.
  const reviewer = await (await browser.newContext()).newPage();
  await signInAsDemo(reviewer, "Ravi Menon");
  const reviewUrl = `/review/${SLUG}/${proposalId}`;
  const answersShown = async () => {
    await reviewer.goto(reviewUrl);
    const region = reviewer.getByRole("region", { name: "Answers to the event's questions" });
    await expect(region).toBeVisible();
    return (await region.locator("dt").allInnerTexts()).map((t) => t.replace(/ — .*$/, ""));
  };
  expect(await answersShown()).toEqual([
    "Why should we pick this talk?",
    "How many live demos?",
    "Slides of an earlier talk",
    "Preferred start",
    "Recording consent",
    "Topics",
  ]);
  await expect(reviewer.getByText(WHY)).toBeVisible();
  await expect(reviewer.getByText("Audio only")).toBeVisible();
  const blindHtml = await (await reviewer.request.get(reviewUrl)).text();
  const blindRsc = await (await reviewer.request.get(reviewUrl, { headers: { RSC: "1" } })).text();
  for (const body of [blindHtml, blindRsc]) {
    expect(body).toContain(WHY.slice(0, 20));
    expect(body).not.toContain("SECRET-PRONOUNS");
    expect(body).not.toContain(ARRIVAL);
  }
  await expectNoSeriousA11yViolations(reviewer);

  // Blind review off: the speaker answers flagged for reviewers appear, with whose they are; the hidden one still does not.
  await db.event.update({ where: { id: eventId }, data: { blindReview: false } });
  expect(await answersShown()).toEqual([
    "Why should we pick this talk?",
    "How many live demos?",
    "Slides of an earlier talk",
    "Preferred start",
    "Recording consent",
    "Topics",
    "Your pronouns",
    "Is this your first conference talk?",
  ]);
  await expect(reviewer.getByText(PRONOUNS)).toBeVisible();
  expect(await (await reviewer.request.get(reviewUrl)).text()).not.toContain(ARRIVAL);

  // 4. The organizer sees every answer on the proposal page, counts per option, and filters the ranking by an answer.
  await page.goto(`/organize/${SLUG}/proposals/${proposalId}`);
  const answers = page.getByRole("region", { name: "Answers" });
  await expect(answers.getByText(ARRIVAL)).toBeVisible();
  await expect(answers.getByText(PRONOUNS)).toBeVisible();

  await page.goto(`/organize/${SLUG}/questions`);
  const counts = page.getByRole("table", { name: /Recording consent/ });
  await expect(
    counts
      .getByRole("row", { name: /Audio only/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("1");
  await expect(
    counts
      .getByRole("row", { name: /No recording/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("1");
  await expect(
    counts
      .getByRole("row", { name: /Yes, record it/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("0");

  await page.goto(`/organize/${SLUG}/ranking`);
  await expect(page.getByRole("link", { name: `Embedded without tears ${id}` })).toBeVisible();
  await page.getByLabel("Answer", { exact: true }).selectOption({ label: "Audio only" });
  await page.getByLabel("Answer column").selectOption({ label: "Recording consent" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("link", { name: `Async traits in anger ${id}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Embedded without tears ${id}` })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: "Recording consent" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Audio only" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
