import { type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { unique } from "./support/data";
import { addReviewer, createEvent, createProposal, createUser } from "@/tests/factories";

// Custom questions end to end (lib/questions): the organizer builds one
// question of each kind on a fresh event, a new speaker answers and submits,
// the reviewer reads exactly the answers meant for them with blind review on
// and off, and the organizer filters the ranking by an answer.

const id = unique();
const PRONOUNS = `they/them SECRET-PRONOUNS-${id}`;
const ARRIVAL = "2031-05-02";
const WHY = `Because async traits finally landed ${id}.`;

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
  { question: "I follow the code of conduct", kind: "Yes / no", required: true },
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
  db,
  signIn,
  pageAs,
}) => {
  test.setTimeout(240_000);
  const event = await createEvent(db, { name: `Questions Conf ${id}`, timeZone: "Europe/Paris", blindReview: true });
  const eventId = event.id;
  const SLUG = event.slug;

  // 1. The organizer builds one question of each kind.
  await signIn(page, event.organizer);
  await page.goto(`/organize/${SLUG}/questions`);
  await expect(page.getByRole("heading", { level: 1, name: "Questions" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  for (const q of QUESTIONS) await addQuestion(page, q);
  await expect(page.getByRole("table").first().getByRole("row")).toHaveCount(QUESTIONS.length + 1);

  // 2. A new speaker answers. The required question is checked on submit, next to its field; nothing typed is lost.
  const speaker = await pageAs(`e2e-questions-${id}@example.org`);
  await speaker.goto(`/events/${SLUG}/submit`);
  await speaker.getByLabel("Title", { exact: true }).fill(`Async traits in anger ${id}`);
  await speaker.getByLabel("Abstract").fill("What changed when async fn in traits became stable, with real code.");
  await speaker.getByLabel("Session type").selectOption({ label: "Talk (30 min)" });
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
  // A required yes/no question is a consent: one box to tick, refused until it is.
  const consent = speaker.getByRole("group", { name: "I follow the code of conduct (required)" });
  await expect(consent.getByRole("radio")).toHaveCount(0);
  await expect(consent.locator(".field-error")).toHaveText("Tick “Yes” to go on: this question must be answered Yes.");
  await consent.getByRole("checkbox", { name: "Yes" }).check();
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
  const other = await createUser(db, { name: "Other Speaker" });
  const second = await createProposal(db, { event, speaker: other, title: `Embedded without tears ${id}`, abstract: "No heap." });
  await db.proposalStats.create({ data: { proposalId: second.id, eventId } });
  await db.answer.create({
    data: {
      questionId: recording.id,
      proposalId: second.id,
      options: { connect: [{ id: recording.options.find((o) => o.answer === "No recording")!.id }] },
    },
  });

  // 3. The reviewer, blind review on: proposal answers flagged for reviewers; no speaker answers, nothing hidden.
  const reviewer = await pageAs(await addReviewer(db, event));
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
    "I follow the code of conduct",
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
    "I follow the code of conduct",
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
  await page.locator("summary", { hasText: "Answer columns" }).click();
  await page.getByRole("checkbox", { name: "Recording consent" }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("link", { name: `Async traits in anger ${id}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Embedded without tears ${id}` })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: "Recording consent" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Audio only" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The proposal list: the same answer filter and columns, with counts per option of the picked choice column.
  await page.goto(`/organize/${SLUG}`);
  await page.locator("summary", { hasText: "Answer columns" }).click();
  await page.getByRole("checkbox", { name: "Recording consent" }).check();
  await page.getByRole("checkbox", { name: "Your pronouns" }).check();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("columnheader", { name: "Recording consent" })).toBeVisible();
  await expect(
    page.getByRole("row", { name: new RegExp(`Async traits in anger ${id}`) }).getByRole("cell", { name: PRONOUNS, exact: false }),
  ).toBeVisible();
  const listCounts = page.getByRole("region", { name: "Answers of these proposals" }).getByRole("table", { name: /Recording consent/ });
  await expect(
    listCounts
      .getByRole("row", { name: /No recording/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("1");
  await listCounts.getByRole("link", { name: "Audio only" }).click();
  await expect(page.getByRole("link", { name: `Async traits in anger ${id}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `Embedded without tears ${id}` })).toHaveCount(0);
  await expect(page.getByLabel("Answer", { exact: true })).toHaveValue(/:/);
  await expectNoSeriousA11yViolations(page);
});
