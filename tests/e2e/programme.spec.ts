import type { Page } from "@playwright/test";
import { signedInAs } from "@/lib/auth/actor";
import { updateConference } from "@/lib/programme/conference";
import { createEvent, createProposal, createUser } from "@/tests/factories";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expectNoHorizontalScroll, unique } from "./support/data";
import { expect, test } from "./support/fixtures";

// From confirmed talks to a published programme: an organizer builds a small
// schedule with the keyboard only (no mouse: focus, type, arrow keys, Enter),
// publishes release 1, moves a talk, publishes release 2; the moved speaker's
// email holds the new time; the public schedule passes axe and works on a phone.
// The event is this spec's own (conference 27–28 March 2027 in Europe/Paris,
// across the change to summer time), so no other spec sees its speakers.

test.describe.configure({ mode: "serial" });

const run = unique();
let seeded: { slug: string; organizerId: string; pin: { title: string; email: string }; asm: { title: string; email: string } };

/** Keyboard only: focus the control (as Tab would), then type or press keys. */
async function typeInto(page: Page, label: string, text: string, scope = page.locator("body")) {
  const field = scope.getByLabel(label, { exact: true });
  await field.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

/**
 * A datetime-local value. Its segments' order follows the browser's own
 * locale, so the value is entered with fill() on the focused control: still
 * no pointer, as a person typing into the field.
 */
async function typeDateTime(page: Page, label: string, local: string, scope = page.locator("body")) {
  const field = scope.getByLabel(label, { exact: true });
  await field.focus();
  await field.fill(local);
  await expect(field).toHaveValue(local);
}

/** Chooses an option of a select with the arrow keys. */
async function chooseOption(page: Page, label: string, option: string, scope = page.locator("body")) {
  const select = scope.getByLabel(label, { exact: true });
  await select.focus();
  const options = await select.locator("option").allTextContents();
  const target = options.findIndex((o) => o.includes(option));
  expect(target, `${label} offers ${option}`).toBeGreaterThanOrEqual(0);
  const current = await select.evaluate((el: HTMLSelectElement) => el.selectedIndex);
  for (let i = current; i < target; i++) await page.keyboard.press("ArrowDown");
  for (let i = current; i > target; i--) await page.keyboard.press("ArrowUp");
  await expect(select.locator("option:checked")).toContainText(option);
}

async function pressButton(page: Page, name: string | RegExp, scope = page.locator("body")) {
  await scope.getByRole("button", { name }).focus();
  await page.keyboard.press("Enter");
}

test.beforeAll(async ({ db }) => {
  const organizer = await createUser(db, { name: "Odile Programme", email: `programme-organizer-${run}@example.org` });
  const event = await createEvent(db, { organizer, timeZone: "Europe/Paris", name: `Lyon Ferris Days ${run}`, slug: `ferris-days-${run}` });
  await updateConference(db, signedInAs(organizer.id), event.id, {
    startsOn: "2027-03-27",
    endsOn: "2027-03-28",
    venue: "Halle Tony Garnier",
    rooms: [{ name: "Grande Salle", capacity: 300 }, { name: "Petite Salle" }],
  });
  const cospeaker = await createUser(db, { name: "Noor Haddad", email: `programme-cospeaker-${run}@example.org` });
  const pin = await createProposal(db, {
    event,
    status: "confirmed",
    title: `Pin Without Tears ${run}`,
    speaker: await createUser(db, { name: "Mateo Pinheiro", email: `programme-pin-${run}@example.org` }),
    cospeakers: [cospeaker],
  });
  const asm = await createProposal(db, {
    event,
    status: "confirmed",
    title: `Reading the Assembly ${run}`,
    speaker: await createUser(db, { name: "Ines Asmussen", email: `programme-asm-${run}@example.org` }),
  });
  seeded = {
    slug: event.slug,
    organizerId: organizer.id,
    pin: { title: pin.title, email: pin.speaker.email },
    asm: { title: asm.title, email: asm.speaker.email },
  };
});

test("an organizer builds the programme with the keyboard only, publishes, moves a talk and publishes again", async ({ pageAs }) => {
  test.setTimeout(180_000);
  const page = await pageAs({ id: seeded.organizerId });
  await page.goto(`/organize/${seeded.slug}/programme`);
  await expect(page.getByRole("heading", { name: "Programme", level: 1 })).toBeVisible();
  const place = page.getByRole("region", { name: "Place a talk" });

  // Two talks side by side on Saturday morning (winter time), then a lunch break.
  await chooseOption(page, "Talk", seeded.pin.title, place);
  await chooseOption(page, "Room", "Grande Salle", place);
  await typeDateTime(page, "Start", "2027-03-27T10:00", place);
  await pressButton(page, "Place talk", place);
  await expect(page.getByRole("status").filter({ hasText: "Talk placed." })).toBeVisible();

  await chooseOption(page, "Talk", seeded.asm.title, place);
  await chooseOption(page, "Room", "Petite Salle", place);
  await typeDateTime(page, "Start", "2027-03-27T10:00", place);
  await pressButton(page, "Place talk", place);
  await expect(place.getByText("Every confirmed and accepted talk is placed.")).toBeVisible();

  const block = page.getByRole("region", { name: "Add a break or other block" });
  await typeInto(page, "Title", "Lunch", block);
  await chooseOption(page, "Room", "Grande Salle", block);
  await typeDateTime(page, "Start", "2027-03-27T12:30", block);
  await typeInto(page, "Duration (minutes)", "60", block);
  await pressButton(page, "Add block", block);
  await expect(page.getByRole("status").filter({ hasText: "Lunch added." })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Warnings/ })).toContainText("No overlaps, clashes or mismatches.");

  const publish = page.getByRole("region", { name: "Publish" });
  await typeInto(page, "Release note", "First programme", publish);
  await pressButton(page, "Publish release 1", publish);
  await expect(page.getByRole("status").filter({ hasText: "Release 1 published (3 changes)." })).toBeVisible();

  // Move the assembly talk to Sunday, after the clocks went forward.
  const item = page.getByRole("listitem").filter({ hasText: seeded.asm.title });
  await item.locator("summary").focus();
  await page.keyboard.press("Enter");
  const move = item.getByRole("form", { name: `Move ${seeded.asm.title}` });
  await chooseOption(page, "Room", "Grande Salle", move);
  await typeDateTime(page, "Start", "2027-03-28T11:30", move);
  await pressButton(page, "Move", move);
  // The item now sits under Sunday, at its new time.
  await expect(
    page.getByRole("region", { name: "Working schedule" }).getByRole("region", { name: "Sunday 28 March 2027" }).getByRole("listitem"),
  ).toContainText(`11:30–12:00 Grande Salle: ${seeded.asm.title}`);

  await expect(publish.getByRole("listitem").filter({ hasText: `Moved: ${seeded.asm.title}` })).toContainText(
    "to Sunday 28 March 2027, 11:30 to 12:00 (Europe/Paris)",
  );
  await typeInto(page, "Release note", "Room change", publish);
  await pressButton(page, "Publish release 2", publish);
  await expect(page.getByRole("status").filter({ hasText: "Release 2 published (1 change)." })).toBeVisible();
  await expect(page.getByRole("article", { name: /Release 2/ })).toContainText(`Moved: ${seeded.asm.title}`);

  // The moved speaker's newest email holds the new time, and its calendar file too.
  await page.goto(`/mailbox?to=${encodeURIComponent(seeded.asm.email)}`);
  const mail = page.getByRole("article", { name: /Your slot at/ }).first();
  await expect(mail.getByTestId("mail-body")).toContainText("Sunday 28 March 2027, 11:30 to 12:00 (Europe/Paris)");
  await expect(mail.getByTestId("mail-body")).toContainText("Room: Grande Salle, Halle Tony Garnier");
  await expect(mail.getByTestId("mail-attachment")).toContainText("DTSTART;TZID=Europe/Paris:20270328T113000");
  // The speaker who was not moved got one email only, from release 1.
  await page.goto(`/mailbox?to=${encodeURIComponent(seeded.pin.email)}`);
  await expect(page.getByRole("article", { name: /Your slot at/ })).toHaveCount(1);
});

test("the public schedule shows the latest release, passes axe and becomes a list per day on a phone", async ({ pageAs }) => {
  const page = await pageAs(null);
  await page.goto(`/events/${seeded.slug}/schedule`);
  await expect(page.getByRole("heading", { name: /schedule$/, level: 1 })).toBeVisible();
  await expect(page.getByText("Release 2.")).toBeVisible();
  const sunday = page.getByRole("region", { name: "Sunday 28 March 2027" });
  const grid = sunday.getByRole("table");
  await expect(grid.getByRole("row", { name: /11:30/ })).toContainText(seeded.asm.title);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: seeded.asm.title }).first().focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: seeded.asm.title, level: 1 })).toBeVisible();
  await expect(page.getByText("Sunday 28 March 2027, 11:30 to 12:00 (Europe/Paris)")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Ines Asmussen" }).click();
  await expect(page.getByRole("heading", { name: "Ines Asmussen", level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/events/${seeded.slug}/schedule`);
  await expect(sunday.getByRole("table")).toBeHidden();
  await expect(sunday.getByRole("listitem").filter({ hasText: seeded.asm.title })).toContainText("11:30–12:00 · Grande Salle");
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page);

  for (const [path, type] of [
    ["schedule.xml", "application/xml"],
    ["schedule.json", "application/json"],
    ["schedule.ics", "text/calendar"],
  ]) {
    const response = await page.request.get(`/events/${seeded.slug}/${path}`);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"]).toContain(type);
  }
});

test("nothing is public before the first release", async ({ db, pageAs }) => {
  const organizer = await createUser(db, { email: `programme-unpublished-${run}@example.org` });
  const event = await createEvent(db, { organizer, slug: `unpublished-${run}` });
  const page = await pageAs(null);
  for (const path of ["schedule", "schedule.xml", "schedule.json", "schedule.ics"]) {
    const response = await page.request.get(`/events/${event.slug}/${path}`);
    expect(response.status(), path).toBe(404);
  }
});
