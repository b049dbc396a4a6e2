import { type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expectNoHorizontalScroll } from "./support/data";

// axe on every main page, as the person who sees it. Ids in addresses are
// found by clicking through the UI, as a person would. Each test has its own
// copy of the demo conference (`demo`).

const MARA_TITLE = "Why is coordination expensive? Down to the cache line";
const UNREVIEWED_BY_RAVI = "Claude Code meets Axum: AI pair programming without giving up correctness";

/** Waits for the page's own h1, then runs axe. */
async function check(page: Page, heading: string | RegExp) {
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
}

test.describe("every main page passes axe", () => {
  test("public pages, signed out", async ({ page, demo }) => {
    const EVENT = demo.slug;
    await page.goto("/");
    await check(page, "Calls for papers");

    await page.goto("/signin");
    await check(page, "Sign in");

    await page.goto("/signin/check-email");
    await check(page, "Check your email");

    await page.goto("/signin/confirm?email=someone%40example.org&token=not-a-real-token&callbackUrl=%2F");
    await check(page, "Sign in");

    await page.goto("/mailbox");
    await check(page, "Mailbox");

    await page.goto(`/events/${EVENT}`);
    await check(page, demo.name);

    await page.goto("/no-such-page");
    await check(page, "Page not found");
  });

  test("speaker pages, as Mara Chen", async ({ page, demo, signIn }) => {
    const EVENT = demo.slug;
    await signIn(page, demo.user("Mara Chen"));

    await page.goto(`/events/${EVENT}/submit`);
    await check(page, "Submit a proposal");

    await page.goto("/speaker");
    await check(page, "My proposals");

    await page.getByRole("link", { name: MARA_TITLE }).click();
    await expect(page).toHaveURL(/\/speaker\/proposals\/[^/]+$/);
    await check(page, MARA_TITLE);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
    await expect(page).toHaveURL(/\/speaker\/profile$/);
    await check(page, "Speaker profile");
  });

  test("review pages, as Ravi Menon", async ({ page, demo, signIn }) => {
    const [EVENT, EVENT_NAME] = [demo.slug, demo.name];
    await signIn(page, demo.user("Ravi Menon"));

    await page.goto("/review");
    await check(page, "Review");

    await page.getByRole("link", { name: EVENT_NAME }).click();
    await expect(page).toHaveURL(new RegExp(`/review/${EVENT}$`));
    await check(page, EVENT_NAME);

    await page.getByRole("link", { name: UNREVIEWED_BY_RAVI }).click();
    await expect(page).toHaveURL(new RegExp(`/review/${EVENT}/[^/]+$`));
    await check(page, UNREVIEWED_BY_RAVI);
  });

  test("organizer pages, as Olivia Laurent", async ({ page, demo, signIn }) => {
    const [EVENT, EVENT_NAME] = [demo.slug, demo.name];
    await signIn(page, demo.user("Olivia Laurent"));

    await page.goto("/organize");
    await check(page, "Your events");

    await page.getByRole("link", { name: "Create an event" }).click();
    await expect(page).toHaveURL(/\/organize\/new$/);
    await check(page, "Create an event");

    await page.goto("/organize");
    await page.getByRole("link", { name: EVENT_NAME }).click();
    await expect(page).toHaveURL(new RegExp(`/organize/${EVENT}$`));
    await check(page, "Proposals");

    await page.getByRole("link", { name: MARA_TITLE }).click();
    await expect(page).toHaveURL(new RegExp(`/organize/${EVENT}/proposals/[^/]+$`));
    await check(page, MARA_TITLE);

    const sections = page.getByRole("navigation", { name: `${EVENT_NAME} sections` });
    await sections.getByRole("link", { name: "Event settings" }).click();
    await expect(page).toHaveURL(new RegExp(`/organize/${EVENT}/settings$`));
    await check(page, "Settings");

    await sections.getByRole("link", { name: "Review settings" }).click();
    await expect(page).toHaveURL(new RegExp(`/organize/${EVENT}/review-settings$`));
    await check(page, "Review settings");

    await sections.getByRole("link", { name: "Team" }).click();
    await expect(page).toHaveURL(new RegExp(`/organize/${EVENT}/team$`));
    await check(page, "Team");
  });
});

test.describe("on a phone (390×844)", () => {
  /** Fits the phone's width and still passes axe. */
  async function checkOnPhone(page: Page, heading: string | RegExp) {
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoSeriousA11yViolations(page);
  }

  test("public, speaker, review and organizer pages fit without sideways scrolling", async ({ demo, pageAs }) => {
    const [EVENT, EVENT_NAME] = [demo.slug, demo.name];
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };

    const visitor = await pageAs(null, phone);
    await visitor.goto("/");
    await checkOnPhone(visitor, "Calls for papers");
    await visitor.goto("/signin");
    await checkOnPhone(visitor, "Sign in");
    await visitor.goto(`/events/${EVENT}`);
    await checkOnPhone(visitor, EVENT_NAME);
    await visitor.goto("/mailbox");
    await checkOnPhone(visitor, "Mailbox");

    const speaker = await pageAs(demo.user("Mara Chen"), phone);
    await speaker.goto(`/events/${EVENT}/submit`);
    await checkOnPhone(speaker, "Submit a proposal");
    await speaker.goto("/speaker");
    await checkOnPhone(speaker, "My proposals");
    await speaker.getByRole("link", { name: MARA_TITLE }).click();
    await checkOnPhone(speaker, MARA_TITLE);

    const reviewer = await pageAs(demo.user("Ravi Menon"), phone);
    await reviewer.goto(`/review/${EVENT}`);
    await checkOnPhone(reviewer, EVENT_NAME);
    await reviewer.getByRole("link", { name: UNREVIEWED_BY_RAVI }).click();
    await checkOnPhone(reviewer, UNREVIEWED_BY_RAVI);

    const organizer = await pageAs(demo.user("Olivia Laurent"), phone);
    await organizer.goto(`/organize/${EVENT}`);
    await checkOnPhone(organizer, "Proposals");
    await organizer.getByRole("link", { name: MARA_TITLE }).click();
    await checkOnPhone(organizer, MARA_TITLE);
    await organizer.goto(`/organize/${EVENT}/team`);
    await checkOnPhone(organizer, "Team");
    await organizer.goto("/organize/new");
    await checkOnPhone(organizer, "Create an event");
  });
});
