import { type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { escapeRegExp, submitProposalAsNewSpeaker, unique } from "./support/data";

type Focused = {
  tag: string;
  type: string | null;
  name: string | null;
  text: string;
  checked: boolean | null;
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: string;
};

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) {
      return {
        tag: "body",
        type: null,
        name: null,
        text: "",
        checked: null,
        focusVisible: false,
        outlineStyle: "none",
        outlineWidth: "0px",
      };
    }
    const style = getComputedStyle(el);
    const input = el instanceof HTMLInputElement ? el : null;
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute("type"),
      name: el.getAttribute("name"),
      text: (el.innerText || el.getAttribute("aria-label") || (input ? input.labels?.[0]?.innerText : "") || "").trim(),
      checked: input ? input.checked : null,
      focusVisible: el.matches(":focus-visible"),
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
    };
  });
}

/** Whatever has focus shows a visible outline. */
function expectVisibleFocus(f: Focused) {
  const what = `<${f.tag}${f.type ? ` type=${f.type}` : ""}> "${f.text}"`;
  expect(f.tag, "something has focus").not.toBe("body");
  expect(f.focusVisible, `${what} matches :focus-visible`).toBe(true);
  expect(f.outlineStyle, `${what} has a focus outline`).not.toBe("none");
  expect(parseFloat(f.outlineWidth), `${what} focus outline width`).toBeGreaterThan(0);
}

/** Presses Tab until `match` says the focused element is the one wanted, checking every stop on the way. */
async function tabTo(page: Page, match: (f: Focused) => boolean, what: string, maxStops = 40): Promise<Focused> {
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    expectVisibleFocus(f);
    if (match(f)) return f;
  }
  throw new Error(`${what} not reached within ${maxStops} Tab presses`);
}

test("a reviewer works through the queue with the keyboard only, and focus is always visible", async ({ demo, pageAs, signIn }) => {
  const EVENT = demo.slug;
  // Two fresh proposals, so the reviewer always has something left to review and something after it.
  for (const n of [1, 2]) {
    const speaker = await pageAs(null);
    await submitProposalAsNewSpeaker(speaker, signIn, EVENT, {
      title: `Keyboard-first CLIs with clap, part ${n} ${unique()}`,
      abstract: "Argument parsing, help text and shell completions.",
      speakerName: `kbd${n}`,
    });
  }

  const page = await pageAs(demo.user("Rosa Jiménez"));
  await page.goto(`/review/${EVENT}`);
  await expect(page.getByRole("heading", { level: 1, name: demo.name })).toBeVisible();

  // "Review next" is a link: Enter follows it.
  await tabTo(page, (f) => f.tag === "a" && f.text === "Review next", "the Review next link");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/review/${EVENT}/[^/?]+$`));
  const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  const firstUrl = page.url();

  // Tab enters the first criterion; a digit picks that score (the shortcut), arrows move it.
  const relevance = await tabTo(
    page,
    (f) => f.tag === "input" && f.type === "radio" && !!f.name?.startsWith("score."),
    "the first criterion",
  );
  expect(relevance.text).toBe("1");
  await page.keyboard.press("4");
  const relevanceGroup = page.getByRole("group", { name: /^Relevance/ });
  await expect(relevanceGroup.getByRole("radio", { name: "4", exact: true })).toBeChecked();
  await expect(relevanceGroup.getByRole("radio", { name: "4", exact: true })).toBeFocused();
  expectVisibleFocus(await focused(page));

  // Tab leaves a radio group in one stop: on to Clarity, then Originality.
  await page.keyboard.press("Tab");
  await page.keyboard.press("5");
  await expect(page.getByRole("group", { name: /^Clarity/ }).getByRole("radio", { name: "5", exact: true })).toBeChecked();
  await page.keyboard.press("Tab");
  await page.keyboard.press("3");
  await page.keyboard.press("ArrowLeft");
  const originality = page.getByRole("group", { name: /^Originality/ });
  await expect(originality.getByRole("radio", { name: "2", exact: true })).toBeChecked();
  expectVisibleFocus(await focused(page));

  // Type a comment, and save from inside it with Ctrl+Enter.
  await tabTo(page, (f) => f.tag === "textarea" && f.name === "comment", "the comment", 5);
  await page.keyboard.type("Clear scope; reviewed without a mouse.");
  await page.keyboard.press("Control+Enter");
  const review = page.getByRole("region", { name: "Your review" });
  await expect(review.getByRole("status")).toHaveText("Review saved.");

  // Saved for real: (4×2 + 5 + 2) / 4 on the 1–5 scale → 0.6875 → 3.8 of 5.
  await page.reload();
  await expect(relevanceGroup.getByRole("radio", { name: "4", exact: true })).toBeChecked();
  await expect(originality.getByRole("radio", { name: "2", exact: true })).toBeChecked();
  await expect(page.getByLabel("Comment")).toHaveValue("Clear scope; reviewed without a mouse.");

  // J moves on to the next proposal in the queue (after the reload nothing has focus), K comes back.
  await page.keyboard.press("j");
  await expect(page).not.toHaveURL(firstUrl);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(title);
  await page.keyboard.press("k");
  await expect(page).toHaveURL(firstUrl);

  await page.goto(`/review/${EVENT}`);
  await expect(page.getByRole("row", { name: new RegExp(escapeRegExp(title)) })).toContainText("3.8 of 5");
});
