import type { Page } from "@playwright/test";
import { signedInAs } from "@/lib/auth/actor";
import { updateConference } from "@/lib/programme/conference";
import { placeTalk } from "@/lib/programme/place";
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

test("an organizer sets a logo and an accent colour, refused when the contrast is too low, and the public schedule shows both", async ({
  pageAs,
}) => {
  const page = await pageAs({ id: seeded.organizerId });
  await page.goto(`/organize/${seeded.slug}/settings`);
  const look = page.getByRole("region", { name: "Public pages" });
  await look.getByLabel("Logo image").setInputFiles("tests/fixtures/branding/logo.svg");
  await look.getByRole("button", { name: "Upload logo" }).click();
  await expect(look.getByText("The logo must be a PNG, JPEG or WebP image (SVG is not accepted).").first()).toBeVisible();
  await look.getByLabel("Logo image").setInputFiles("tests/fixtures/branding/logo-120x40.png");
  await look.getByRole("button", { name: "Upload logo" }).click();
  await expect(look.getByRole("status").filter({ hasText: "Logo saved." })).toBeVisible();
  await expect(look.getByRole("img", { name: "Current logo" })).toBeVisible();

  const accent = look.getByLabel("Accent colour");
  await accent.fill("#f5a623");
  await look.getByRole("button", { name: "Save colour" }).click();
  await expect(accent).toHaveAccessibleDescription(/Too little contrast: 1\.\d\d:1 against the page background/);
  await accent.fill("#1f5f8b");
  await look.getByRole("button", { name: "Save colour" }).click();
  await expect(look.getByRole("status").filter({ hasText: "Accent colour saved." })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const visitor = await pageAs(null);
  await visitor.goto(`/events/${seeded.slug}/schedule`);
  const logo = visitor.getByRole("img", { name: `Lyon Ferris Days ${run}` });
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveCSS("color", "rgb(31, 95, 139)");
  await expect(visitor.getByRole("link", { name: seeded.asm.title }).first()).toHaveCSS("color", "rgb(31, 95, 139)");
  await expectNoSeriousA11yViolations(visitor);

  const src = await logo.getAttribute("src");
  expect(src).toMatch(new RegExp(`^/events/${seeded.slug}/logo/[0-9a-f]{16}$`));
  const response = await visitor.request.get(src!);
  expect(response.headers()).toMatchObject({
    "content-type": "image/png",
    "x-content-type-options": "nosniff",
    "cache-control": "public, max-age=31536000, immutable",
  });
  expect((await visitor.request.get(`/events/${seeded.slug}/logo/0123456789abcdef`)).status()).toBe(404);

  // Removed: the public pages show the name only.
  await look.getByRole("button", { name: "Remove the logo" }).click();
  await expect(look.getByText("No logo: public pages show the event's name only.")).toBeVisible();
  await visitor.reload();
  await expect(visitor.getByRole("img", { name: `Lyon Ferris Days ${run}` })).toHaveCount(0);
  expect((await visitor.request.get(src!)).status()).toBe(404);
});

test("an organizer drags a placed talk to another room and time, and drags an unplaced talk onto the grid", async ({ db, pageAs }) => {
  const organizer = await createUser(db, { name: "Dora Dragstrom", email: `programme-drag-${run}@example.org` });
  const event = await createEvent(db, { organizer, timeZone: "Europe/Paris", name: `Drag Days ${run}`, slug: `drag-days-${run}` });
  await updateConference(db, signedInAs(organizer.id), event.id, {
    startsOn: "2027-03-27",
    endsOn: "2027-03-27",
    venue: "",
    rooms: [{ name: "Nord" }, { name: "Sud" }],
  });
  const rooms = await db.room.findMany({ where: { eventId: event.id }, orderBy: { position: "asc" } });
  const moved = await createProposal(db, { event, status: "confirmed", title: `Dragged Across ${run}` });
  const unplaced = await createProposal(db, { event, status: "accepted", title: `Dropped In ${run}` });
  await placeTalk(db, signedInAs(organizer.id), event.id, { proposalId: moved.id, roomId: rooms[0].id, start: "2027-03-27T10:00" });

  // Tall enough for the day's grid: a drag whose target must first be scrolled to is not one Playwright can make.
  const page = await pageAs(organizer, { viewport: { width: 1280, height: 1600 } });
  await page.goto(`/organize/${event.slug}/programme`);
  const grid = page.getByRole("region", { name: "Schedule grid" });
  await grid.evaluate((e) => e.scrollIntoView({ block: "start" }));
  const cell = (room: string, start: string) => grid.locator(`td[data-cell="${room} ${start}"]`);
  await expect(cell("Nord", "2027-03-27T10:00")).toContainText(moved.title);

  // A placed talk to Sud at 14:15: snapped to the slot, its length kept.
  // Draggable once the page is interactive.
  const draggable = (title: string) => grid.locator('[draggable="true"]', { hasText: title });
  await draggable(moved.title).dragTo(cell("Sud", "2027-03-27T14:15"));
  const outcome = grid.getByRole("status");
  await expect(outcome).toContainText(`“${moved.title}” moved: Sud, Saturday 27 March 2027 at 14:15.`);
  await expect(cell("Sud", "2027-03-27T14:15")).toContainText(`14:15–14:45 ${moved.title}`);
  await expect(cell("Nord", "2027-03-27T10:00")).not.toContainText(moved.title);
  await expect(page.getByRole("region", { name: "Working schedule" })).toContainText(`14:15–14:45 Sud: ${moved.title}`);
  expect(await db.scheduleItem.findUniqueOrThrow({ where: { proposalId: moved.id } })).toMatchObject({
    roomId: rooms[1].id,
    startsAt: new Date("2027-03-27T13:15:00Z"),
    durationMinutes: 30,
  });

  // The accepted talk from the list onto the same room and time: placed, and the overlap is announced as the page's warnings say.
  await grid.evaluate((e) => e.scrollIntoView({ block: "start" }));
  await draggable(unplaced.title).dragTo(cell("Sud", "2027-03-27T14:15"));
  await expect(outcome).toContainText(`“${unplaced.title}” placed: Sud, Saturday 27 March 2027 at 14:15.`);
  const overlap = new RegExp(`"(${moved.title}|${unplaced.title})" and "(${moved.title}|${unplaced.title})" overlap in Sud\\.`);
  await expect(outcome).toContainText(overlap);
  await expect(outcome).toContainText(`Warning: "${unplaced.title}" is accepted but not confirmed yet`);
  await expect(page.getByRole("region", { name: /^Warnings/ })).toContainText(overlap);
  await expect(grid).toContainText("Every confirmed and accepted talk is placed.");
  await expectNoSeriousA11yViolations(page);
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
