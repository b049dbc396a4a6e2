import { type Dialog, type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { submitProposalAsNewSpeaker, unique } from "./support/data";

test.describe("who may see what", () => {
  for (const path of ["/speaker", "/review", "/organize"]) {
    test(`signed out, ${path} sends you to sign in and back`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(path)}`);
      await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    });
  }

  test("a reviewer gets the not-found page for the event's organizer pages", async ({ page, demo, signIn }) => {
    const EVENT = demo.slug;
    await signIn(page, demo.user("Ravi Menon"));
    for (const path of [`/organize/${EVENT}`, `/organize/${EVENT}/team`, `/organize/${EVENT}/settings`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Team" })).toHaveCount(0);
    }
    // …while the review queue of the same event is theirs.
    await page.goto(`/review/${EVENT}`);
    await expect(page.getByRole("heading", { level: 1, name: demo.name })).toBeVisible();
  });

  test("a speaker gets the not-found page for the event's review queue", async ({ page, demo, signIn }) => {
    const EVENT = demo.slug;
    await signIn(page, demo.user("Mara Chen"));
    const response = await page.goto(`/review/${EVENT}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  });
});

/** The inline scripts Next.js writes: the Turbopack chunk list and the page data (as escaped JSON strings). */
const NEXT_INLINE_SCRIPT =
  /^(\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(|\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(\[0\]\)$|self\.__next_f\.push\(\[)/;

test("stored XSS: a hostile title and abstract render as inert text for speaker, reviewer and organizer", async ({
  browser,
  demo,
  signIn,
}) => {
  const EVENT = demo.slug;
  const title = `<img src=x onerror=alert(1)> ${unique()}`;
  const abstract = [
    "Intro paragraph.",
    "",
    "<script>alert(1)</script>",
    "",
    "A [click](javascript:alert(1)) link.",
    "",
    "<svg onload=alert(1)>",
    "",
    "![x](javascript:alert(2))",
    "",
    'Also <a href="javascript:alert(3)">raw</a> and [ok](https://example.org).',
  ].join("\n");

  const dialogs: string[] = [];
  const failOnDialog = (page: Page) =>
    page.on("dialog", (dialog: Dialog) => {
      dialogs.push(`${dialog.type()} "${dialog.message()}" on ${page.url()}`);
      void dialog.dismiss();
    });

  /** The page shows the title as text and nothing from the content can run. */
  async function expectInert(page: Page) {
    await page.waitForLoadState("load");
    await expect(page.getByRole("heading", { level: 1, name: title, exact: true })).toHaveText(title);
    const markdown = page.locator(".markdown").filter({ hasText: "Intro paragraph." });
    await expect(markdown).toHaveCount(1);
    await expect(markdown).toContainText("click");
    await expect(markdown.getByRole("link", { name: "ok" })).toHaveAttribute("href", "https://example.org");

    // Nothing from the content became markup that runs.
    await expect(markdown.locator("script, svg, iframe, object, embed")).toHaveCount(0);
    await expect(markdown.locator("[onerror], [onload], [onclick], [onmouseover]")).toHaveCount(0);
    await expect(page.getByRole("main").locator("img[onerror], [onerror], [onload]")).toHaveCount(0);
    // Next.js inlines the page data in <script>self.__next_f.push(…)</script> as escaped JSON strings;
    // a <script> made from the content would be a bare alert() call or sit inside <main>.
    await expect(page.getByRole("main").locator("script")).toHaveCount(0);
    const scripts = await page
      .locator("script")
      .evaluateAll((els) => els.map((s) => ({ src: s.getAttribute("src"), text: (s.textContent ?? "").trim() })));
    const foreign = scripts.filter(({ src, text }) => (src !== null ? !/^\/_next\//.test(src) : !NEXT_INLINE_SCRIPT.test(text)));
    expect(foreign, "every <script> is the framework's own, none from the content").toEqual([]);
    const jsHrefs = await page
      .locator("a[href], img[src], [xlink\\:href]")
      .evaluateAll((els) =>
        els
          .map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("xlink:href") ?? "")
          .filter((u) => /^\s*javascript:/i.test(u)),
      );
    expect(jsHrefs, "no javascript: URL on the page").toEqual([]);

    // Give an image error or a late handler the chance to fire.
    await page.waitForTimeout(300);
    expect(dialogs, "no dialog opened").toEqual([]);
  }

  // The speaker submits it and sees their proposal page.
  const speaker = await (await browser.newContext()).newPage();
  failOnDialog(speaker);
  await submitProposalAsNewSpeaker(speaker, signIn, EVENT, { title, abstract, speakerName: "xss" });
  await expectInert(speaker);
  await speaker.goto("/speaker");
  await expect(speaker.getByRole("link", { name: title, exact: true })).toHaveText(title);
  await expect(speaker.getByRole("main").locator("img")).toHaveCount(0);

  // A reviewer opens it from the queue.
  const reviewer = await (await browser.newContext()).newPage();
  failOnDialog(reviewer);
  await signIn(reviewer, demo.user("Ravi Menon"));
  await reviewer.goto(`/review/${EVENT}`);
  await expect(reviewer.getByRole("main").locator("img")).toHaveCount(0);
  await reviewer.getByRole("link", { name: title, exact: true }).click();
  await expectInert(reviewer);

  // The organizer opens it from the proposal list.
  const organizer = await (await browser.newContext()).newPage();
  failOnDialog(organizer);
  await signIn(organizer, demo.user("Olivia Laurent"));
  await organizer.goto(`/organize/${EVENT}`);
  await expect(organizer.getByRole("main").locator("img")).toHaveCount(0);
  await organizer.getByRole("link", { name: title, exact: true }).click();
  await expectInert(organizer);

  expect(dialogs).toEqual([]);
});
